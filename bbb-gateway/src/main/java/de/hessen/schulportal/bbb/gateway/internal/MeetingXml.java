// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.meeting.Attendee;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.time.Instant;
import java.util.Map;

/** Writes a meeting as bbb-web's {@code get-meeting-info} template does, under the client's meeting ID. */
final class MeetingXml {
    private MeetingXml() {
    }

    /** About what one attendee takes in the answer (a sealed user ID, a name, the flags, custom data). */
    private static final int ATTENDEE_CHARS = 512;

    static void meeting(Xml x, MeetingInfo m, String clientMeetingId) {
        x.reserve(1024 + ATTENDEE_CHARS * m.attendees().size() + 64 * m.metadata().size());
        x.el("meetingName", m.meetingName())
                .el("meetingID", clientMeetingId)
                .el("internalMeetingID", m.internalMeetingId())
                .el("createTime", m.createTime())
                .el("createDate", m.createDate())
                .el("voiceBridge", m.voiceBridge())
                .el("dialNumber", m.dialNumber())
                .el("running", m.isRunning())
                .el("duration", m.duration().toMinutes())
                .el("hasUserJoined", m.hasUserJoined())
                .el("recording", m.isRecording())
                .el("hasBeenForciblyEnded", m.hasBeenForciblyEnded())
                .el("startTime", m.startTime().map(Instant::toEpochMilli).orElse(0L))
                .el("endTime", m.endTime().map(Instant::toEpochMilli).orElse(0L))
                .el("participantCount", m.participantCount())
                .el("listenerCount", m.listenerCount())
                .el("voiceParticipantCount", m.voiceParticipantCount())
                .el("videoCount", m.videoCount())
                .el("maxUsers", m.maxUsers())
                .el("moderatorCount", m.moderatorCount())
                .open("attendees");
        for (Attendee a : m.attendees()) {
            x.open("attendee")
                    .el("userID", a.userId())
                    .el("fullName", a.fullName())
                    .el("role", a.rawRole())
                    .el("isPresenter", a.isPresenter())
                    .el("isListeningOnly", a.isListeningOnly())
                    .el("hasJoinedVoice", a.hasJoinedVoice())
                    .el("hasVideo", a.hasVideo())
                    .el("clientType", a.clientType());
            if (!a.customData().isEmpty()) {
                x.open("customdata");
                entries(x, a.customData());
                x.close("customdata");
            }
            x.close("attendee");
        }
        x.close("attendees").open("metadata");
        entries(x, m.metadata());
        x.close("metadata").el("isBreakout", m.isBreakout());
        if (!m.breakoutRooms().isEmpty()) {
            x.open("breakoutRooms");
            for (String b : m.breakoutRooms()) {
                x.el("breakout", b);
            }
            x.close("breakoutRooms");
        }
    }

    static void entries(Xml x, Map<String, String> entries) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            // A key that is not an XML name cannot be written as an element; bbb-web's keys always are.
            if (isXmlName(e.getKey())) {
                x.el(e.getKey(), e.getValue());
            }
        }
    }

    /** Whether a key matches {@code [A-Za-z_][A-Za-z0-9._-]*}. */
    static boolean isXmlName(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '.' || c == '-'))) {
                return false;
            }
        }
        return true;
    }
}
