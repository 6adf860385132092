// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

/**
 * The meeting does not exist ({@code notFound}, or {@code invalidMeetingIdentifier} on join).
 * Meetings that ended and were removed from the server also answer this way.
 */
public class MeetingNotFoundException extends BbbApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param call the API call name
     * @param meetingId the meeting ID the call was about, or {@code null}
     * @param messageKey the server's {@code messageKey}
     * @param serverMessage the server's message
     */
    public MeetingNotFoundException(String call, String meetingId, String messageKey, String serverMessage) {
        super(call, meetingId, messageKey, serverMessage);
    }
}
