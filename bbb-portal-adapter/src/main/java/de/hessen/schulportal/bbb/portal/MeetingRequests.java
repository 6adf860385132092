// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a room becomes in BigBlueButton: the {@code create} request of its meeting, the settings the
 * adapter records in the meeting's metadata, and the {@code join} request of a person. Pure: no
 * calls, no state beyond the configuration.
 */
final class MeetingRequests {
    /** Metadata the adapter writes at create: the room kind. */
    static final String META_KIND = "room-kind";
    /** Metadata the adapter writes at create: whether the meeting has a lobby (guest policy ASK_MODERATOR). */
    static final String META_LOBBY = "room-lobby";
    /** Metadata the adapter writes at create: whether the meeting may be recorded. */
    static final String META_RECORD = "room-record";
    /** Metadata the adapter writes at create: the school's pseudonym ({@link Pseudonyms#schoolId}), for retention per school. */
    static final String META_SCHOOL = "room-school";
    /** Metadata the adapter writes at create: a digest of every policy-relevant setting ({@link #createdAs}). */
    static final String META_SETTINGS = "room-settings";

    private final Pseudonyms pseudonyms;
    private final RolePolicy rolePolicy;
    private final Map<String, RolePolicy> schoolPolicies;
    private final MeetingDefaults meetingDefaults;
    private final DisplayNamePolicy displayNames;
    private final MetadataPolicy metadataPolicy;
    private final Map<String, String> metadata;
    private final boolean nonConsentingListenOnly;
    private final URI logoutUrl;
    private final boolean serverSideJoins;

    MeetingRequests(Pseudonyms pseudonyms, RolePolicy rolePolicy, Map<String, RolePolicy> schoolPolicies,
            MeetingDefaults meetingDefaults, DisplayNamePolicy displayNames, MetadataPolicy metadataPolicy,
            Map<String, String> metadata, boolean nonConsentingListenOnly, URI logoutUrl, boolean serverSideJoins) {
        this.pseudonyms = pseudonyms;
        this.rolePolicy = rolePolicy;
        this.schoolPolicies = Map.copyOf(schoolPolicies);
        this.meetingDefaults = meetingDefaults;
        this.displayNames = displayNames;
        this.metadataPolicy = metadataPolicy;
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.nonConsentingListenOnly = nonConsentingListenOnly;
        this.logoutUrl = logoutUrl;
        this.serverSideJoins = serverSideJoins;
    }

    Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    int schoolPolicyCount() {
        return schoolPolicies.size();
    }

    boolean nonConsentingListenOnly() {
        return nonConsentingListenOnly;
    }

    RolePolicy policyFor(School school) {
        return schoolPolicies.getOrDefault(Checks.required("school", school).id(), rolePolicy);
    }

    /** Checks the person's names against the display-name policy before any call is made. */
    void checkNames(Person person) {
        displayNames.displayName(person);
    }

    String meetingId(Room room) {
        return pseudonyms.meetingId(room);
    }

    CreateMeetingRequest create(Room room) {
        Checks.required("room", room);
        RoomOptions options = room.options();
        MeetingSettings settings = options.settings().orElseGet(() -> meetingDefaults.settings(room.kind()));
        CreateMeetingRequest.Builder b = CreateMeetingRequest.builder(meetingId(room), room.title());
        settings.applyTo(b);
        CreatedAs as = createdAs(room);
        b.record(as.recorded());
        if (as.recorded()) {
            b.notifyRecordingIsOn(true).autoStartRecording(false).allowStartStopRecording(true)
                    .recordFullDurationMedia(false);
        }
        b.meetingKeepEvents(false);
        b.guestPolicy(as.lobby() ? GuestPolicy.ASK_MODERATOR : GuestPolicy.ALWAYS_ACCEPT);
        b.allowPromoteGuestToModerator(false);
        if (serverSideJoins) {
            // The join happens here, not in the browser, so the browser never gets the cookie of the
            // join answer; bbb-web lets the client in without it only with this flag
            // (ApiController.hasValidSession, ConnectionController.checkAuthorization).
            b.allowRequestsWithoutSession(true);
        }
        if (logoutUrl != null) {
            b.logoutUrl(logoutUrl);
        }
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        options.metadata().forEach((k, v) -> {
            metadataPolicy.check(k, v);
            meta.put(k, v);
        });
        // The adapter's own keys come last so nothing overrides them. A running meeting keeps the
        // settings it was created with (a second create changes nothing), so later joins are
        // judged by these, read back with getMeetingInfo.
        meta.put(META_KIND, as.kind());
        meta.put(META_LOBBY, Boolean.toString(as.lobby()));
        meta.put(META_RECORD, Boolean.toString(as.recorded()));
        meta.put(META_SETTINGS, as.settings());
        meta.put(META_SCHOOL, pseudonyms.schoolId(room.school()));
        b.meta(meta);
        return b.build();
    }

    /**
     * The policy-relevant settings a meeting of this room is created with: its kind, lobby, record
     * flag and a digest of everything else that changes a decision (guests allowed, everyone to the
     * lobby, and the effective role table for the kind after the school's policy and the room's
     * overrides).
     */
    CreatedAs createdAs(Room room) {
        RoomOptions o = room.options();
        RolePolicy p = policyFor(room.school());
        boolean lobby = o.isGuestsAllowed() || o.isEveryoneToLobby();
        StringBuilder digest = new StringBuilder(256).append(room.kind().wireValue())
                .append(";guests=").append(o.isGuestsAllowed())
                .append(";everyoneToLobby=").append(o.isEveryoneToLobby())
                .append(";record=").append(o.isRecordingAllowed());
        for (Relation relation : Relation.values()) {
            for (SchoolRole role : SchoolRole.values()) {
                Outcome cell = relation == Relation.MEMBER && o.memberOverrides().containsKey(role)
                        ? o.memberOverrides().get(role) : p.cell(room.kind(), role, relation);
                if (relation == Relation.MEMBER && cell == Outcome.LOBBY && role != SchoolRole.GUEST) {
                    lobby = true;
                }
                digest.append(';').append(relation).append('.').append(role).append('=').append(cell);
            }
        }
        return new CreatedAs(room.kind().wireValue(), lobby, o.isRecordingAllowed(), sha256Hex16(digest.toString()));
    }

    JoinMeetingRequest join(Room room, Person person, Decision d, long createTime, boolean recorded) {
        Role role = d.bbbRole().orElseThrow(() -> new IllegalStateException("no join for a denied person"));
        JoinMeetingRequest.Builder b = JoinMeetingRequest.builder(meetingId(room), displayNames.displayName(person), role)
                .userId(pseudonyms.userId(room, person))
                .createTime(createTime)
                .guest(d.isViaLobby());
        SchoolRole sr = person.role();
        if (sr == SchoolRole.STUDENT || sr == SchoolRole.PARENT || sr == SchoolRole.GUEST) {
            b.excludeFromDashboard(true);
        }
        if (!person.hasRecordingConsent()) {
            b.userdata("bbb_record_video", "false");
            if (recorded && nonConsentingListenOnly && role == Role.VIEWER) {
                b.userdata("bbb_force_listen_only", "true");
            }
        }
        return b.build();
    }

    private static String sha256Hex16(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(16);
            for (int i = 0; i < 8; i++) {
                hex.append(String.format(Locale.ROOT, "%02x", h[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The policy-relevant settings a meeting was (or would be) created with. */
    record CreatedAs(String kind, boolean lobby, boolean recorded, String settings) {

        /** What the adapter wrote into a meeting's metadata; missing keys read as "differs". */
        static CreatedAs fromMetadata(Map<String, String> meta, boolean recordingNow) {
            return new CreatedAs(meta.getOrDefault(META_KIND, ""), "true".equals(meta.get(META_LOBBY)),
                    recordingNow || !"false".equals(meta.get(META_RECORD)), meta.getOrDefault(META_SETTINGS, ""));
        }

        /**
         * Why a person whose decision was made for a room with these settings may not enter a
         * meeting created with {@code running}'s, or {@code null} if they may.
         */
        String refusal(CreatedAs running, Decision d) {
            if (!kind.equals(running.kind())) {
                return Decision.ROOM_KIND_DIFFERS;
            }
            if (d.isViaLobby() && !running.lobby()) {
                return Decision.LOBBY_NOT_AVAILABLE;
            }
            if (!settings.equals(running.settings())) {
                return Decision.ROOM_SETTINGS_DIFFER;
            }
            return null;
        }
    }
}
