// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

/**
 * The meeting is full ({@code maxParticipantsReached}).
 */
public class MaxParticipantsReachedException extends BbbApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param call the API call name
     * @param meetingId the meeting ID the call was about, or {@code null}
     * @param messageKey the server's {@code messageKey}
     * @param serverMessage the server's message
     */
    public MaxParticipantsReachedException(String call, String meetingId, String messageKey, String serverMessage) {
        super(call, meetingId, messageKey, serverMessage);
    }
}
