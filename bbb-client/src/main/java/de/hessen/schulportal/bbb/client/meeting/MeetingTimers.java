// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.time.Duration;
import java.util.Map;

/**
 * When a meeting, its users and its dashboard time out. A group of {@code create} parameters, given
 * to {@link CreateMeetingRequest.Builder#timers(MeetingTimers)}; anything not set keeps the server's
 * default. BigBlueButton counts these in whole minutes: fractions are refused, not rounded. (The
 * meeting's longest run is {@link CreateMeetingRequest.Builder#duration(Duration)}.)
 *
 * <pre>{@code
 * MeetingTimers timers = MeetingTimers.builder().meetingExpireIfNoUserJoined(Duration.ofMinutes(15)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MeetingTimers extends ParameterGroup {
    private MeetingTimers(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * Starts an empty group.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the values of {@link MeetingTimers}. Not thread-safe; setting a value again replaces it. */
    public static final class Builder {
        private final Parameters params = new Parameters();

        private Builder() {
        }

        private Builder minutes(String parameter, Duration value) {
            params.put(parameter, Long.toString(Validation.wholeMinutes(parameter, value)));
            return this;
        }

        /**
         * How long the meeting waits for a moderator to come back before it ends, where it ends
         * without moderators ({@code endWhenNoModeratorDelayInMinutes}).
         *
         * @param value a whole, non-negative number of minutes
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if negative or not whole minutes
         */
        public Builder endWhenNoModeratorDelay(Duration value) {
            return minutes("endWhenNoModeratorDelayInMinutes", value);
        }

        /**
         * How long a meeting nobody joined stays open ({@code meetingExpireIfNoUserJoinedInMinutes}, 2.5).
         *
         * @param value a whole, non-negative number of minutes
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if negative or not whole minutes
         */
        public Builder meetingExpireIfNoUserJoined(Duration value) {
            return minutes("meetingExpireIfNoUserJoinedInMinutes", value);
        }

        /**
         * How long a meeting stays open after the last user left; zero disables
         * ({@code meetingExpireWhenLastUserLeftInMinutes}, 2.5).
         *
         * @param value a whole, non-negative number of minutes
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if negative or not whole minutes
         */
        public Builder meetingExpireWhenLastUserLeft(Duration value) {
            return minutes("meetingExpireWhenLastUserLeftInMinutes", value);
        }

        /**
         * How long the learning dashboard stays available after the meeting; zero keeps it
         * ({@code learningDashboardCleanupDelayInMinutes}).
         *
         * @param value a whole, non-negative number of minutes
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if negative or not whole minutes
         */
        public Builder learningDashboardCleanupDelay(Duration value) {
            return minutes("learningDashboardCleanupDelayInMinutes", value);
        }

        /**
         * Idle time after which the client logs a user out ({@code logoutTimer}).
         *
         * @param value a whole, non-negative number of minutes
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if negative or not whole minutes
         */
        public Builder logoutTimer(Duration value) {
            return minutes("logoutTimer", value);
        }

        /**
         * Builds the group.
         *
         * @return the immutable group
         */
        public MeetingTimers build() {
            return new MeetingTimers(params.build());
        }
    }
}
