// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;

/**
 * The {@code sendChatMessage} call (BigBlueButton 3.0): post a message to a running meeting's
 * public chat. The server shows it escaped (no HTML or Markdown).
 *
 * <pre>{@code
 * SendChatMessageRequest r = SendChatMessageRequest.builder("7b-mathe", "Die Stunde endet in 5 Minuten.")
 *         .userName("Schulportal").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class SendChatMessageRequest extends MeetingRequest {
    private SendChatMessageRequest(Builder b) {
        super(b);
    }

    /**
     * {@return a new builder}
     *
     * @param meetingId the external meeting ID
     * @param message 1 to 500 characters
     */
    public static Builder builder(String meetingId, String message) {
        return new Builder(meetingId, message);
    }

    /** Collects the request. Not thread-safe. */
    public static final class Builder extends MeetingRequest.Builder<Builder> {
        private final String message;

        private Builder(String meetingId, String message) {
            super(meetingId);
            this.message = message;
            // Their place on the wire is first; their values are checked in build().
            params.put("meetingID", meetingId).put("message", message);
        }

        /**
         * The sender name shown; the server uses {@code System} if not set.
         *
         * @param value up to 255 characters
         */
        public Builder userName(String value) {
            return put("userName", Validation.text("userName", value, 1, 255));
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if the meeting ID or the message is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public SendChatMessageRequest build() {
            Validation.meetingId("meetingID", meetingId);
            Validation.text("message", message, 1, 500);
            return new SendChatMessageRequest(this);
        }
    }
}
