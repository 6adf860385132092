// SPDX-License-Identifier: Apache-2.0
/**
 * Meetings: create, join, look up, end, add documents, post to the chat. Each call has its request
 * class here ({@link de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest},
 * {@link de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest}, ...), whose builder follows
 * the <a href="../package-summary.html#requests">request builder contract</a>; the answers are
 * {@link de.hessen.schulportal.bbb.client.meeting.MeetingInfo} and its relatives.
 */
package de.hessen.schulportal.bbb.client.meeting;
