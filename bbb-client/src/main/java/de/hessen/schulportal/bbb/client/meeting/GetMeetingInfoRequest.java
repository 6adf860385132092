// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

/**
 * The {@code getMeetingInfo} call: the state of one meeting with its attendees and metadata.
 * bbb-web 3.0 reads only {@code meetingID} for it (REFERENCE.md §5.5; it has no paging of
 * attendees), so a request is its meeting ID plus, if ever needed, {@code additionalParam}.
 *
 * <pre>{@code
 * GetMeetingInfoRequest request = GetMeetingInfoRequest.builder("7b-mathe").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class GetMeetingInfoRequest extends MeetingRequest {
    private GetMeetingInfoRequest(Builder b) {
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

    /** Collects a {@link GetMeetingInfoRequest}. Not thread-safe. */
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
        public GetMeetingInfoRequest build() {
            return new GetMeetingInfoRequest(this);
        }
    }
}
