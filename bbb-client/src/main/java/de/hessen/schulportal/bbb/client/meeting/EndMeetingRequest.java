// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

/**
 * The {@code end} call: ends a meeting and removes everyone from it. bbb-web 3.0 reads
 * {@code meetingID} and the deprecated {@code password}, which this SDK does not model because its
 * meetings have no passwords (joins use roles); a server that still demands it gets it through
 * {@code additionalParam("password", ...)}, which the client's logs redact.
 *
 * <pre>{@code
 * EndMeetingRequest request = EndMeetingRequest.builder("7b-mathe").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class EndMeetingRequest extends MeetingRequest {
    private EndMeetingRequest(Builder b) {
        super(b);
    }

    /**
     * {@return a new builder}
     *
     * @param meetingId the external meeting ID ({@code meetingID}): 2 to 256 characters, no comma,
     *                  no surrounding whitespace, no control characters
     */
    public static Builder builder(String meetingId) {
        return new Builder(meetingId);
    }

    /** Collects an {@link EndMeetingRequest}. Not thread-safe. */
    public static final class Builder extends MeetingRequest.Builder<Builder> {
        private Builder(String meetingId) {
            super(meetingId);
            params.put("meetingID", meetingId);
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if the meeting ID is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public EndMeetingRequest build() {
            return new EndMeetingRequest(this);
        }
    }
}
