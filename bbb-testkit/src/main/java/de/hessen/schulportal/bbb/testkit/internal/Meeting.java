// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulated meeting. Final fields are fixed at create; every mutable field is guarded by the
 * meeting's own monitor ({@code synchronized (meeting)}), so calls on different meetings never
 * contend.
 */
public final class Meeting {
    public final String meetingId;
    public final String name;
    public final String internalId;
    public final long createTime;
    /** {@code Date.toString()} of the create time, computed once (it is costly and never changes). */
    public final String createDate;
    public final String attendeePw;
    public final String moderatorPw;
    public final String voiceBridge;
    public final String dialNumber;
    public final boolean record;
    public final int durationMinutes;
    public final int maxParticipants;
    public final String guestPolicy;
    public final String logoutUrl;
    public final String meetingEndedUrl;
    public final boolean endWhenNoModerator;
    public final int endWhenNoModeratorDelayMinutes;
    public final int expireIfNoUserJoinedMinutes;
    public final int expireWhenLastUserLeftMinutes;
    public final boolean isBreakout;
    public final String parentMeetingId;
    public final int sequence;
    public final boolean freeJoin;
    /** Lower-cased meta keys, as bbb-web stores them; unmodifiable. */
    public final Map<String, String> metadata;
    /** All create parameters as received (first values), for inspection. */
    public final Map<String, String> createParams;

    // Guarded by this.
    public final List<Attendee> attendees = new ArrayList<>();
    public final List<Attendee> lobby = new ArrayList<>();
    public final List<Attendee> denied = new ArrayList<>();
    public final List<ChatEntry> chat = new ArrayList<>();
    public final List<Document> documents = new ArrayList<>();
    public final Set<String> everJoinedUserIds = new LinkedHashSet<>();
    /** The first join of every external user ID, for the learning-analytics callback. */
    public final Map<String, Attendee> firstJoins = new LinkedHashMap<>();
    public final List<String> breakoutRooms = new ArrayList<>();
    public boolean hasUserJoined;
    public boolean ended;
    public boolean forciblyEnded;
    public long endTime;
    /** When the meeting became empty after someone had joined, or -1. */
    public long emptySince = -1;
    /** When the last moderator left, or -1. */
    public long noModeratorSince = -1;
    /** After this time an ended meeting is gone from the API (bbb-web destroys it). */
    public long removeAt = Long.MAX_VALUE;
    /** Why the meeting ended, for inspection. */
    public String endReason = "";

    Meeting(Builder b) {
        this.meetingId = b.meetingId;
        this.name = b.name;
        this.internalId = Hashing.sha1(b.meetingId) + "-" + b.createTime;
        this.createTime = b.createTime;
        this.createDate = new java.util.Date(b.createTime).toString();
        this.attendeePw = b.attendeePw;
        this.moderatorPw = b.moderatorPw;
        this.voiceBridge = b.voiceBridge;
        this.dialNumber = b.dialNumber;
        this.record = b.record;
        this.durationMinutes = b.durationMinutes;
        this.maxParticipants = b.maxParticipants;
        this.guestPolicy = b.guestPolicy;
        this.logoutUrl = b.logoutUrl;
        this.meetingEndedUrl = b.meetingEndedUrl;
        this.endWhenNoModerator = b.endWhenNoModerator;
        this.endWhenNoModeratorDelayMinutes = b.endWhenNoModeratorDelayMinutes;
        this.expireIfNoUserJoinedMinutes = b.expireIfNoUserJoinedMinutes;
        this.expireWhenLastUserLeftMinutes = b.expireWhenLastUserLeftMinutes;
        this.isBreakout = b.isBreakout;
        this.parentMeetingId = b.parentMeetingId;
        this.sequence = b.sequence;
        this.freeJoin = b.freeJoin;
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.createParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.createParams));
    }

    /** Whether the meeting counts as running for {@code isMeetingRunning}. Caller holds the lock. */
    public boolean running() {
        return hasUserJoined && !ended;
    }

    /** Number of moderators among the attendees. Caller holds the lock. */
    public int moderatorCount() {
        int n = 0;
        for (Attendee a : attendees) {
            if ("MODERATOR".equals(a.role)) {
                n++;
            }
        }
        return n;
    }

    /** The attendee who presents, or null. Caller holds the meeting lock. */
    public Attendee presenter() {
        for (Attendee a : attendees) {
            if (a.presenter) {
                return a;
            }
        }
        return null;
    }

    /** Finds an attendee (admitted or waiting) by external or internal user ID. Caller holds the lock. */
    public Attendee find(List<Attendee> list, String userId) {
        for (Attendee a : list) {
            if (a.externalUserId.equals(userId) || a.internalUserId.equals(userId)) {
                return a;
            }
        }
        return null;
    }

    /** Mutable parameters collected while validating a create call. */
    static final class Builder {
        String meetingId;
        String name;
        long createTime;
        String attendeePw;
        String moderatorPw;
        String voiceBridge;
        String dialNumber;
        boolean record;
        int durationMinutes;
        int maxParticipants;
        String guestPolicy;
        String logoutUrl;
        String meetingEndedUrl;
        boolean endWhenNoModerator;
        int endWhenNoModeratorDelayMinutes;
        int expireIfNoUserJoinedMinutes;
        int expireWhenLastUserLeftMinutes;
        boolean isBreakout;
        String parentMeetingId;
        int sequence;
        boolean freeJoin;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, String> createParams = new LinkedHashMap<>();
    }
}
