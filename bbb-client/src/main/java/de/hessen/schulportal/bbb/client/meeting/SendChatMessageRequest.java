// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Map;
import java.util.Objects;

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
public final class SendChatMessageRequest {
    private final String meetingId;
    private final Map<String, String> parameters;

    private SendChatMessageRequest(String meetingId, Map<String, String> parameters) {
        this.meetingId = meetingId;
        this.parameters = parameters;
    }

    /**
     * Starts a request.
     *
     * @param meetingId the external meeting ID
     * @param message 1 to 500 characters
     * @return a new builder
     */
    public static Builder builder(String meetingId, String message) {
        return new Builder(meetingId, message);
    }

    /**
     * The meeting ID.
     *
     * @return the ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * Every query parameter exactly as it will be sent, in wire order.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendChatMessageRequest && ((SendChatMessageRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters);
    }

    @Override
    public String toString() {
        return "SendChatMessageRequest{meetingId=" + meetingId + '}';
    }

    /** Collects the request. Not thread-safe. */
    public static final class Builder {
        private final String meetingId;
        private final String message;
        private final Parameters params = new Parameters();

        private Builder(String meetingId, String message) {
            this.meetingId = meetingId;
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
            params.put("userName", Validation.text("userName", value, 1, 255));
            return this;
        }

        /**
         * A parameter this SDK does not model yet, sent as given after the typed ones; see the
         * <a href="../package-summary.html#requests">request builder contract</a>.
         */
        public Builder additionalParam(String name, String value) {
            params.additional(name, value);
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the immutable request
         */
        public SendChatMessageRequest build() {
            Validation.meetingId("meetingID", meetingId);
            Validation.text("message", message, 1, 500);
            return new SendChatMessageRequest(meetingId, params.build());
        }
    }
}
