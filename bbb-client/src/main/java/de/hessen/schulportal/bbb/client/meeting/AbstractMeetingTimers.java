// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * When a meeting, its users and its learning dashboard time out. A group of {@code create}
 * parameters, given to {@link CreateMeetingRequest.Builder#timers(MeetingTimers)}; a timer not
 * set is empty and not sent, so the server keeps its default. BigBlueButton counts these in whole
 * minutes: {@code build()} refuses a negative duration or a fraction of a minute (rather than
 * rounding it), naming the parameter. (The meeting's longest run is
 * {@link CreateMeetingRequest.Builder#duration(Duration)}.) Immutable and thread-safe;
 * {@code toString()} shows every timer.
 *
 * <pre>{@code
 * MeetingTimers timers = MeetingTimers.builder().meetingExpireIfNoUserJoined(Duration.ofMinutes(15)).build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractMeetingTimers extends ParameterGroup {
    /** {@return how long a meeting that ends without moderators waits for one to come back ({@code endWhenNoModeratorDelayInMinutes}, whole minutes); server default 1 minute; empty if not set} */
    public abstract Optional<Duration> endWhenNoModeratorDelay();

    /** {@return how long a meeting nobody joined stays open ({@code meetingExpireIfNoUserJoinedInMinutes}, whole minutes, 2.5); server default 5 minutes; empty if not set} */
    public abstract Optional<Duration> meetingExpireIfNoUserJoined();

    /** {@return how long a meeting stays open after the last user left, zero to never end it that way ({@code meetingExpireWhenLastUserLeftInMinutes}, whole minutes, 2.5); server default 1 minute; empty if not set} */
    public abstract Optional<Duration> meetingExpireWhenLastUserLeft();

    /** {@return how long the learning dashboard stays available after the meeting, zero to keep it ({@code learningDashboardCleanupDelayInMinutes}, whole minutes); server default 2 minutes; empty if not set} */
    public abstract Optional<Duration> learningDashboardCleanupDelay();

    /** {@return the idle time after which the client logs a user out ({@code logoutTimer}, whole minutes); server default {@code clientLogoutTimerInMinutes}, 0 (never); empty if not set} */
    public abstract Optional<Duration> logoutTimer();

    /** {@return the timers that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        return new Wire()
                .minutes("endWhenNoModeratorDelayInMinutes", endWhenNoModeratorDelay())
                .minutes("meetingExpireIfNoUserJoinedInMinutes", meetingExpireIfNoUserJoined())
                .minutes("meetingExpireWhenLastUserLeftInMinutes", meetingExpireWhenLastUserLeft())
                .minutes("learningDashboardCleanupDelayInMinutes", learningDashboardCleanupDelay())
                .minutes("logoutTimer", logoutTimer())
                .build();
    }
}
