// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

/**
 * The {@code isMeetingRunning} call: whether a meeting is running. bbb-web reads only
 * {@code meetingID} for it; an unknown meeting is not an error but "not running".
 *
 * <pre>{@code
 * IsMeetingRunningRequest request = IsMeetingRunningRequest.builder("7b-mathe").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class IsMeetingRunningRequest extends MeetingRequest {
    private IsMeetingRunningRequest(Builder b) {
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

    /** Collects an {@link IsMeetingRunningRequest}. Not thread-safe. */
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
        public IsMeetingRunningRequest build() {
            return new IsMeetingRunningRequest(this);
        }
    }
}
