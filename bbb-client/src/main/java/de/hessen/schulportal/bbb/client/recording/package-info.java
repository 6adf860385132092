// SPDX-License-Identifier: Apache-2.0
/**
 * Recordings: listing with filters and paging ({@link de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest}),
 * publishing, deleting, updating metadata, and text tracks (subtitles and captions). The request
 * builders follow the <a href="../package-summary.html#requests">request builder contract</a>.
 */
package de.hessen.schulportal.bbb.client.recording;
