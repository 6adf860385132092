// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.portal.MeetingRequests.CreatedAs;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adapter's short memory of meetings seen running: at 8 o'clock thirty pupils open the same
 * lesson within a minute, and each would otherwise cost a {@code getMeetingInfo}. Only "running"
 * is remembered, never "wait". Thread-safe.
 */
final class RunningMeetings {
    /** Past this many entries, expired ones are swept on the next insert. */
    private static final int SWEEP_ABOVE = 1024;

    private final Clock clock;
    private final long lifetimeMillis;
    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

    /** A meeting as {@code getMeetingInfo} last described it. */
    record Seen(long createTime, CreatedAs createdAs, long atMillis) {
    }

    RunningMeetings(Clock clock, long lifetimeMillis) {
        this.clock = clock;
        this.lifetimeMillis = lifetimeMillis;
    }

    /** What {@code getMeetingInfo} says of a meeting, without remembering it. */
    static Seen seenOnce(MeetingInfo info, long nowMillis) {
        return new Seen(info.createTime(), CreatedAs.fromMetadata(info.metadata(), info.isRecording()), nowMillis);
    }

    /** Records a running meeting (if the memory is on) and returns what was seen. */
    Seen remember(MeetingInfo info) {
        Seen s = seenOnce(info, clock.millis());
        if (lifetimeMillis > 0) {
            if (seen.size() > SWEEP_ABOVE) {
                long now = clock.millis();
                seen.values().removeIf(r -> now - r.atMillis() >= lifetimeMillis);
            }
            seen.put(info.meetingId(), s);
        }
        return s;
    }

    /** The meeting as seen running within the lifetime, or {@code null}. */
    Seen recent(String meetingId) {
        if (lifetimeMillis <= 0) {
            return null;
        }
        Seen s = seen.get(meetingId);
        if (s == null) {
            return null;
        }
        if (clock.millis() - s.atMillis() >= lifetimeMillis) {
            seen.remove(meetingId, s);
            return null;
        }
        return s;
    }

    void forget(String meetingId) {
        seen.remove(meetingId);
    }
}
