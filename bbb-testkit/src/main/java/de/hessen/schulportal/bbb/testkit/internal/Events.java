// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds mapped webhook events in the shapes of bbb-webhooks 3.x (REFERENCE §8.4). */
public final class Events {
    private Events() {
    }

    /** {@code {"data":{"type":"event","id":…,"attributes":{…},"event":{"ts":…}}}}. */
    static String event(String id, Map<String, Object> attributes, long ts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "event");
        data.put("id", id);
        data.put("attributes", attributes);
        data.put("event", Map.of("ts", ts));
        return Json.write(Map.of("data", data));
    }

    static Map<String, Object> meetingIds(Meeting m) {
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("internal-meeting-id", m.internalId);
        ids.put("external-meeting-id", m.meetingId);
        return ids;
    }

    static String meetingCreated(Meeting m, long ts) {
        Map<String, Object> meeting = meetingIds(m);
        meeting.put("name", m.name);
        meeting.put("is-breakout", m.isBreakout);
        meeting.put("parent-id", m.isBreakout ? m.parentMeetingId : "bbb-none");
        meeting.put("duration", m.durationMinutes);
        meeting.put("create-time", m.createTime);
        meeting.put("create-date", new java.util.Date(m.createTime).toString());
        meeting.put("moderator-pass", m.moderatorPw);
        meeting.put("viewer-pass", m.attendeePw);
        meeting.put("record", m.record);
        meeting.put("voice-conf", m.voiceBridge);
        meeting.put("dial-number", m.dialNumber);
        meeting.put("max-users", m.maxParticipants);
        meeting.put("metadata", new LinkedHashMap<String, Object>(m.metadata));
        return event("meeting-created", Map.of("meeting", meeting), ts);
    }

    /**
     * The learning-analytics callback body in the shape of bbb-record-core's
     * {@code post_events_analytics_callback} / the learning dashboard's data: {@code meeting_id}
     * (external), {@code internal_meeting_id}, {@code data} with {@code metadata}, {@code duration},
     * {@code start}, {@code finish} and one {@code attendees} entry per user who joined, keyed by
     * {@code ext_user_id} (the join {@code userID}); the simulator counts no engagement, so those
     * numbers are 0. Caller holds the meeting lock.
     */
    static String analytics(Meeting m, long endTime) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metadata", new LinkedHashMap<String, Object>(m.metadata));
        data.put("duration", Math.max(0, (endTime - m.createTime) / 1000));
        data.put("start", java.time.Instant.ofEpochMilli(m.createTime).toString());
        data.put("finish", java.time.Instant.ofEpochMilli(endTime).toString());
        List<Object> attendees = new java.util.ArrayList<>();
        for (Attendee a : m.firstJoins.values()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("ext_user_id", a.externalUserId);
            u.put("name", a.fullName);
            u.put("moderator", "MODERATOR".equals(a.role));
            u.put("joins", List.of(java.time.Instant.ofEpochMilli(a.joinTime).toString()));
            u.put("leaves", List.of(java.time.Instant.ofEpochMilli(endTime).toString()));
            u.put("duration", Math.max(0, (endTime - a.joinTime) / 1000));
            u.put("recent_talking_time", "");
            Map<String, Object> engagement = new LinkedHashMap<>();
            for (String k : new String[] {"chats", "talks", "raisehand", "emojis", "poll_votes", "talk_time"}) {
                engagement.put(k, 0);
            }
            u.put("engagement", engagement);
            attendees.add(u);
        }
        data.put("attendees", attendees);
        data.put("files", List.of());
        data.put("polls", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("meeting_id", m.meetingId);
        body.put("internal_meeting_id", m.internalId);
        body.put("data", data);
        return Json.write(body);
    }

    static String meetingEnded(Meeting m, long ts) {
        return event("meeting-ended", Map.of("meeting", meetingIds(m)), ts);
    }

    static String user(String id, Meeting m, Attendee a, long ts) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("internal-user-id", a.internalUserId);
        user.put("external-user-id", a.externalUserId);
        user.put("name", a.fullName);
        user.put("role", a.role);
        user.put("presenter", a.presenter);
        user.put("userdata", new LinkedHashMap<String, Object>(a.customData));
        user.put("stream", "");
        user.put("guest", a.guest);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("meeting", meetingIds(m));
        attributes.put("user", user);
        return event(id, attributes, ts);
    }

    static String chat(Meeting m, ChatEntry c, long ts) {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("internal-user-id", "SYSTEM");
        sender.put("external-user-id", "SYSTEM");
        sender.put("name", c.userName());
        sender.put("time", c.time());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", Hashing.token(16));
        message.put("message", c.message());
        message.put("sender", sender);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("meeting", meetingIds(m));
        attributes.put("chat-message", message);
        attributes.put("chat-id", "MAIN-PUBLIC-GROUP-CHAT");
        return event("chat-group-message-sent", attributes, ts);
    }

    static String rap(String id, Recording r, Map<String, Object> extra, long ts) {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("internal-meeting-id", r.internalMeetingId);
        meeting.put("external-meeting-id", r.meetingId);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("meeting", meeting);
        attributes.put("record-id", r.recordId);
        attributes.put("success", true);
        attributes.put("step-time", 0);
        attributes.putAll(extra);
        return event(id, attributes, ts);
    }

    static String publishEnded(Recording r, String playbackUrl, Map<String, String> metadata, long ts) {
        Map<String, Object> recording = new LinkedHashMap<>();
        recording.put("name", r.name);
        recording.put("is-breakout", r.isBreakout);
        recording.put("start-time", r.startTime);
        recording.put("end-time", r.endTime);
        recording.put("size", 0);
        recording.put("raw-size", 0);
        recording.put("metadata", new LinkedHashMap<String, Object>(metadata));
        recording.put("playback", Map.of("format", "presentation", "link", playbackUrl));
        recording.put("download", Map.of());
        return rap("rap-publish-ended", r, Map.of("recording", recording), ts);
    }

    /** The event ids the simulator emits; documented in the README. */
    static final List<String> EMITTED = List.of("meeting-created", "meeting-ended", "user-joined", "user-left",
            "chat-group-message-sent", "rap-archive-ended", "rap-publish-ended", "rap-published", "rap-unpublished",
            "rap-deleted");
}
