// SPDX-License-Identifier: Apache-2.0
/**
 * Recordings: listing with filters and paging ({@link de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest}),
 * publishing, deleting, updating metadata, and text tracks (subtitles and captions).
 */
package de.hessen.schulportal.bbb.client.recording;
