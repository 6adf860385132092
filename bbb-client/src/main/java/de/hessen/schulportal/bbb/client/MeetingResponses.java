// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.Nodes;
import de.hessen.schulportal.bbb.client.meeting.Attendee;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Maps the answers of the meeting calls (and the API root) to their value types. */
final class MeetingResponses {
    private MeetingResponses() {
    }

    static CreateMeetingResponse create(JsonNode n) {
        return CreateMeetingResponse.builder()
                .meetingId(Nodes.text(n, "meetingID"))
                .internalMeetingId(Nodes.text(n, "internalMeetingID"))
                .parentMeetingId(parentMeetingId(Nodes.text(n, "parentMeetingID")))
                .createTime(Nodes.longValue(n, "createTime", 0))
                .createDate(Nodes.text(n, "createDate"))
                .voiceBridge(Nodes.text(n, "voiceBridge"))
                .dialNumber(Nodes.text(n, "dialNumber"))
                .hasUserJoined(Nodes.bool(n, "hasUserJoined"))
                .duration(Nodes.minutes(n, "duration"))
                .hasBeenForciblyEnded(Nodes.bool(n, "hasBeenForciblyEnded"))
                .messageKey(Nodes.text(n, "messageKey"))
                .message(Nodes.text(n, "message"))
                .build();
    }

    static JoinResponse join(JsonNode n) {
        return JoinResponse.builder()
                .messageKey(Nodes.text(n, "messageKey"))
                .message(Nodes.text(n, "message"))
                .meetingId(Nodes.text(n, "meeting_id"))
                .userId(Nodes.text(n, "user_id"))
                .authToken(Nodes.text(n, "auth_token"))
                .sessionToken(Nodes.text(n, "session_token"))
                .rawGuestStatus(Nodes.text(n, "guestStatus"))
                .url(uri(Nodes.text(n, "url")))
                .build();
    }

    static List<MeetingInfo> meetings(JsonNode root) {
        return Nodes.children(Nodes.child(root, "meetings"), "meeting").stream().map(MeetingResponses::meetingInfo).toList();
    }

    static MeetingInfo meetingInfo(JsonNode n) {
        MeetingInfo.Builder b = MeetingInfo.builder()
                .meetingName(Nodes.text(n, "meetingName"))
                .meetingId(Nodes.text(n, "meetingID"))
                .internalMeetingId(Nodes.text(n, "internalMeetingID"))
                .createTime(Nodes.longValue(n, "createTime", 0))
                .createDate(Nodes.text(n, "createDate"))
                .voiceBridge(Nodes.text(n, "voiceBridge"))
                .dialNumber(Nodes.text(n, "dialNumber"))
                .running(Nodes.bool(n, "running"))
                .duration(Nodes.minutes(n, "duration"))
                .hasUserJoined(Nodes.bool(n, "hasUserJoined"))
                .recording(Nodes.bool(n, "recording"))
                .hasBeenForciblyEnded(Nodes.bool(n, "hasBeenForciblyEnded"))
                .participantCount(Nodes.intValue(n, "participantCount", 0))
                .listenerCount(Nodes.intValue(n, "listenerCount", 0))
                .voiceParticipantCount(Nodes.intValue(n, "voiceParticipantCount", 0))
                .videoCount(Nodes.intValue(n, "videoCount", 0))
                .maxUsers(Nodes.intValue(n, "maxUsers", 0))
                .moderatorCount(Nodes.intValue(n, "moderatorCount", 0))
                .metadata(Nodes.map(n, "metadata"))
                .breakout(Nodes.bool(n, "isBreakout"))
                .messageKey(Nodes.optionalText(n, "messageKey"))
                .message(Nodes.optionalText(n, "message"))
                .startTime(Nodes.instant(n, "startTime"))
                .endTime(Nodes.instant(n, "endTime"));
        b.attendees(Nodes.children(Nodes.child(n, "attendees"), "attendee").stream().map(MeetingResponses::attendee).toList());
        b.breakoutRooms(Nodes.texts(Nodes.child(n, "breakoutRooms"), "breakout"));
        // Breakout rooms report their parent as direct children; the docs sample wraps them in <breakout>.
        JsonNode wrapped = Nodes.child(n, "breakout");
        b.parentMeetingId(parentMeetingId(Nodes.optionalText(n, "parentMeetingID").orElse(Nodes.text(wrapped, "parentMeetingID"))));
        int sequence = Nodes.intValue(n, "sequence", Nodes.intValue(wrapped, "sequence", 0));
        if (sequence > 0) {
            b.sequence(sequence);
        }
        b.freeJoin(Nodes.exists(n, "freeJoin") ? Nodes.bool(n, "freeJoin") : Nodes.bool(wrapped, "freeJoin"));
        return b.build();
    }

    static Attendee attendee(JsonNode n) {
        return Attendee.builder()
                .userId(Nodes.text(n, "userID"))
                .fullName(Nodes.text(n, "fullName"))
                .rawRole(Nodes.text(n, "role"))
                .presenter(Nodes.bool(n, "isPresenter"))
                .listeningOnly(Nodes.bool(n, "isListeningOnly"))
                .hasJoinedVoice(Nodes.bool(n, "hasJoinedVoice"))
                .hasVideo(Nodes.bool(n, "hasVideo"))
                .clientType(Nodes.text(n, "clientType"))
                .customData(Nodes.map(n, "customdata"))
                .build();
    }

    /** A parent meeting ID; empty for none, which bbb-web sends as {@code bbb-none} and Scalelite may leave out. */
    private static Optional<String> parentMeetingId(String sent) {
        return sent.isEmpty() || "bbb-none".equals(sent) ? Optional.empty() : Optional.of(sent);
    }

    /** A URL as sent; empty if none was sent or it is not a valid URI. */
    private static Optional<URI> uri(String sent) {
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(sent));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ApiVersion version(JsonNode n) {
        return ApiVersion.builder()
                .version(Nodes.text(n, "version"))
                .apiVersion(Nodes.optionalText(n, "apiVersion"))
                .bbbVersion(Nodes.optionalText(n, "bbbVersion"))
                .build(Nodes.optionalText(n, "build"))
                .graphqlWebsocketUrl(Nodes.optionalText(n, "graphqlWebsocketUrl"))
                .graphqlApiUrl(Nodes.optionalText(n, "graphqlApiUrl"))
                .html5PluginSdkVersion(Nodes.optionalText(n, "html5PluginSdkVersion"))
                .build();
    }
}
