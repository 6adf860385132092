// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

/**
 * The meeting was ended through the API and cannot be joined any more ({@code meetingForciblyEnded}).
 * Create it again to get a new meeting with a new {@code createTime}.
 */
public class MeetingForciblyEndedException extends BbbApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param call the API call name
     * @param meetingId the meeting ID the call was about, or {@code null}
     * @param messageKey the server's {@code messageKey}
     * @param serverMessage the server's message
     */
    public MeetingForciblyEndedException(String call, String meetingId, String messageKey, String serverMessage) {
        super(call, meetingId, messageKey, serverMessage);
    }
}
