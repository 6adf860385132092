// SPDX-License-Identifier: Apache-2.0
/**
 * Recording retention and room erasure:
 * {@link de.hessen.schulportal.bbb.portal.retention.RetentionPolicy} (how long per room kind),
 * {@link de.hessen.schulportal.bbb.portal.retention.RecordingRetention} (the stateless job: dry run,
 * apply, erase a room) and its {@link de.hessen.schulportal.bbb.portal.retention.RetentionReport}.
 */
package de.hessen.schulportal.bbb.portal.retention;
