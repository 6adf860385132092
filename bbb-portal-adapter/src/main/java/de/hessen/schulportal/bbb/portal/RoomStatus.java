// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.meeting.Attendee;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a room's meeting: whether it runs, and how many take part, by BigBlueButton role
 * and by school role. No names: the portal knows who it sent in.
 *
 * <p>School roles are read from the role tag of the pseudonymous user IDs the adapter issued (see
 * {@link Pseudonyms#roleTag(SchoolRole)}); attendees who joined by other means count as
 * {@link #unidentified()}. Guests waiting in the lobby are not attendees and are not counted:
 * BigBlueButton does not report them in {@code getMeetingInfo}.
 *
 * <p>Immutable.
 */
public final class RoomStatus {
    private final String meetingId;
    private final boolean running;
    private final boolean recording;
    private final int moderators;
    private final int viewers;
    private final Map<SchoolRole, Integer> bySchoolRole;
    private final int unidentified;
    private final Instant observedAt;

    RoomStatus(String meetingId, boolean running, boolean recording, int moderators, int viewers,
            Map<SchoolRole, Integer> bySchoolRole, int unidentified, Instant observedAt) {
        this.meetingId = meetingId;
        this.running = running;
        this.recording = recording;
        this.moderators = moderators;
        this.viewers = viewers;
        Map<SchoolRole, Integer> all = new EnumMap<>(SchoolRole.class);
        for (SchoolRole r : SchoolRole.values()) {
            all.put(r, bySchoolRole.getOrDefault(r, 0));
        }
        this.bySchoolRole = Collections.unmodifiableMap(all);
        this.unidentified = unidentified;
        this.observedAt = observedAt;
    }

    /**
     * The status from what {@code getMeetingInfo} said; not running with zero counts for no meeting.
     *
     * @param meetingId the meeting ID
     * @param info the answer, or {@code null} if BigBlueButton has no such meeting
     * @param observedAt when the answer came
     * @return the status
     */
    static RoomStatus of(String meetingId, MeetingInfo info, Instant observedAt) {
        if (info == null) {
            return new RoomStatus(meetingId, false, false, 0, 0, Map.of(), 0, observedAt);
        }
        int moderators = 0;
        int viewers = 0;
        int unidentified = 0;
        Map<SchoolRole, Integer> bySchoolRole = new EnumMap<>(SchoolRole.class);
        for (Attendee a : info.attendees()) {
            if (a.role() == Role.MODERATOR) {
                moderators++;
            } else {
                viewers++;
            }
            SchoolRole sr = Pseudonyms.roleOfUserId(a.userId());
            if (sr == null) {
                unidentified++;
            } else {
                bySchoolRole.merge(sr, 1, Integer::sum);
            }
        }
        return new RoomStatus(meetingId, info.isRunning(), info.isRecording(), moderators, viewers, bySchoolRole,
                unidentified, observedAt);
    }

    /**
     * The pseudonymous meeting ID.
     *
     * @return the ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * Whether the meeting runs.
     *
     * @return the flag
     */
    public boolean isRunning() {
        return running;
    }

    /**
     * Whether the meeting may be recorded (it was created with {@code record=true}).
     *
     * @return the flag
     */
    public boolean isRecording() {
        return recording;
    }

    /**
     * All attendees (admitted, not in the lobby).
     *
     * @return the count
     */
    public int participantCount() {
        return moderators + viewers;
    }

    /**
     * Attendees with the BigBlueButton role MODERATOR.
     *
     * @return the count
     */
    public int moderatorCount() {
        return moderators;
    }

    /**
     * Attendees with the BigBlueButton role VIEWER.
     *
     * @return the count
     */
    public int viewerCount() {
        return viewers;
    }

    /**
     * Attendees per school role; every role is present, zero if none.
     *
     * @return the counts
     */
    public Map<SchoolRole, Integer> countsBySchoolRole() {
        return bySchoolRole;
    }

    /**
     * Attendees whose user ID the adapter did not issue.
     *
     * @return the count
     */
    public int unidentified() {
        return unidentified;
    }

    /**
     * When the status was read, by the facade's clock.
     *
     * @return the instant
     */
    public Instant observedAt() {
        return observedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RoomStatus)) {
            return false;
        }
        RoomStatus s = (RoomStatus) o;
        return s.meetingId.equals(meetingId) && s.running == running && s.recording == recording
                && s.moderators == moderators && s.viewers == viewers && s.bySchoolRole.equals(bySchoolRole)
                && s.unidentified == unidentified && s.observedAt.equals(observedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, running, recording, moderators, viewers, bySchoolRole, unidentified, observedAt);
    }

    @Override
    public String toString() {
        return "RoomStatus{meetingId=" + meetingId + ", running=" + running + ", recording=" + recording
                + ", moderators=" + moderators + ", viewers=" + viewers + ", bySchoolRole=" + bySchoolRole
                + ", unidentified=" + unidentified + '}';
    }
}
