// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

/** The meeting shapes of {@code get-meeting-info.ftlx}, {@code get-meetings.ftlx} and {@code create-meeting.ftlx}. */
final class MeetingXml {
    private MeetingXml() {
    }

    /** Writes the children shared by getMeetingInfo and each getMeetings entry. Caller holds the meeting lock. */
    static void meetingBody(Xml x, Meeting m) {
        x.element("meetingName", m.name)
                .element("meetingID", m.meetingId)
                .element("internalMeetingID", m.internalId)
                .element("createTime", m.createTime)
                .element("createDate", m.createDate)
                .element("voiceBridge", m.voiceBridge)
                .element("dialNumber", m.dialNumber)
                .element("attendeePW", m.attendeePw)
                .element("moderatorPW", m.moderatorPw)
                .element("running", m.running())
                .element("duration", m.durationMinutes)
                .element("hasUserJoined", m.hasUserJoined)
                .element("recording", m.record)
                .element("hasBeenForciblyEnded", m.forciblyEnded)
                .element("startTime", m.createTime)
                .element("endTime", m.ended ? m.endTime : 0)
                .element("participantCount", m.attendees.size())
                .element("listenerCount", 0)
                .element("voiceParticipantCount", 0)
                .element("videoCount", 0)
                .element("maxUsers", m.maxParticipants)
                .element("moderatorCount", m.moderatorCount());
        x.start("attendees");
        for (Attendee a : m.attendees) {
            x.start("attendee")
                    .element("userID", a.externalUserId)
                    .element("fullName", a.fullName)
                    .element("role", a.role)
                    .element("isPresenter", a.presenter)
                    .element("isListeningOnly", false)
                    .element("hasJoinedVoice", false)
                    .element("hasVideo", false)
                    .element("clientType", "HTML5");
            if (!a.customData.isEmpty()) {
                x.map("customdata", a.customData);
            }
            x.end();
        }
        x.end();
        x.map("metadata", m.metadata);
        x.element("isBreakout", m.isBreakout);
        if (m.isBreakout) {
            // The template puts these directly under <response>, not in a <breakout> wrapper.
            x.element("parentMeetingID", m.parentMeetingId).element("sequence", m.sequence).element("freeJoin", m.freeJoin);
        }
        if (!m.breakoutRooms.isEmpty()) {
            x.start("breakoutRooms");
            for (String id : m.breakoutRooms) {
                x.element("breakout", id);
            }
            x.end();
        }
    }

    /** The create response (also for duplicateWarning). Caller holds the meeting lock. */
    static String created(Meeting m, String messageKey, String message) {
        return Xml.response("SUCCESS")
                .element("meetingID", m.meetingId)
                .element("internalMeetingID", m.internalId)
                .element("parentMeetingID", m.isBreakout ? m.parentMeetingId : "bbb-none")
                .element("attendeePW", m.attendeePw)
                .element("moderatorPW", m.moderatorPw)
                .element("createTime", m.createTime)
                .element("voiceBridge", m.voiceBridge)
                .element("dialNumber", m.dialNumber)
                .element("createDate", m.createDate)
                .element("hasUserJoined", m.hasUserJoined)
                .element("duration", m.durationMinutes)
                .element("hasBeenForciblyEnded", m.forciblyEnded)
                .element("messageKey", messageKey)
                .element("message", message)
                .finish();
    }
}
