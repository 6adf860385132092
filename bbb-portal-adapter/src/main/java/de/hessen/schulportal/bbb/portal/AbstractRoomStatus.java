// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.meeting.Attendee;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.internal.ValueType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The state of a room's meeting: whether it runs, and how many take part, by BigBlueButton role
 * and by school role. No names: the portal knows who it sent in.
 *
 * <p>School roles are read from the role tag of the pseudonymous user IDs the adapter issued (see
 * {@link Pseudonyms#roleTag(SchoolRole)}); attendees who joined by other means count as
 * {@link #unidentified()}. Guests waiting in the lobby are not attendees and are not counted:
 * BigBlueButton does not report them in {@code getMeetingInfo}.
 *
 * <p>Immutable; made by {@link SchoolConferences#status(Room)}, or by {@link RoomStatus#builder()} in
 * integrators' tests, where every count not set is zero and {@code build()} refuses a negative one.
 */
@Value.Immutable
@ValueType
abstract class AbstractRoomStatus {
    /**
     * The status from what {@code getMeetingInfo} said; not running with zero counts for no meeting.
     *
     * @param meetingId the meeting ID
     * @param info the answer, or {@code null} if BigBlueButton has no such meeting
     * @param observedAt when the answer came
     * @return the status
     */
    static RoomStatus of(String meetingId, MeetingInfo info, Instant observedAt) {
        RoomStatus.Builder status = RoomStatus.builder().meetingId(meetingId).observedAt(observedAt);
        if (info == null) {
            return status.build();
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
        return status.running(info.isRunning()).recording(info.isRecording()).moderatorCount(moderators)
                .viewerCount(viewers).countsBySchoolRole(bySchoolRole).unidentified(unidentified).build();
    }

    /** {@return the pseudonymous meeting ID} */
    public abstract String meetingId();

    /** {@return whether the meeting runs} */
    @Value.Default
    public boolean isRunning() {
        return false;
    }

    /** {@return whether the meeting may be recorded (it was created with {@code record=true})} */
    @Value.Default
    public boolean isRecording() {
        return false;
    }

    /** {@return the number of attendees (admitted, not in the lobby)} */
    public int participantCount() {
        return moderatorCount() + viewerCount();
    }

    /** {@return the number of attendees with the BigBlueButton role MODERATOR} */
    @Value.Default
    public int moderatorCount() {
        return 0;
    }

    /** {@return the number of attendees with the BigBlueButton role VIEWER} */
    @Value.Default
    public int viewerCount() {
        return 0;
    }

    /** {@return the number of attendees per school role; every role is present, zero if none} */
    public abstract Map<SchoolRole, Integer> countsBySchoolRole();

    /** {@return the number of attendees whose user ID the adapter did not issue} */
    @Value.Default
    public int unidentified() {
        return 0;
    }

    /** {@return when the status was read, by the facade's clock} */
    public abstract Instant observedAt();

    /**
     * Refuses a negative count with an {@link IllegalArgumentException} naming it, and puts a zero for
     * every school role not counted, so the map always names all of them.
     */
    @Value.Check
    AbstractRoomStatus everyRole() {
        notNegative("moderatorCount", moderatorCount());
        notNegative("viewerCount", viewerCount());
        notNegative("unidentified", unidentified());
        countsBySchoolRole().forEach((role, n) -> notNegative("countsBySchoolRole[" + role + "]", n));
        if (countsBySchoolRole().size() == SchoolRole.values().length) {
            return this;
        }
        Map<SchoolRole, Integer> all = new EnumMap<>(SchoolRole.class);
        for (SchoolRole r : SchoolRole.values()) {
            all.put(r, countsBySchoolRole().getOrDefault(r, 0));
        }
        return RoomStatus.builder().from(this).countsBySchoolRole(all).build();
    }

    private static void notNegative(String name, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + count);
        }
    }
}
