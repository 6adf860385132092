// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeetingTest {
    private final BbbSimulator sim = BbbSimulator.start();
    private final Api api = new Api(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void create_valid_successShape() {
        HttpResponse<String> r = api.get("create", "name", "Klasse 7b", "meetingID", "room-1", "attendeePW", "ap",
                "moderatorPW", "mp", "record", "true");
        assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(r, "meetingID")).isEqualTo("room-1");
        assertThat(Api.text(r, "internalMeetingID")).isEqualTo(Api.hash("SHA-1", "room-1") + "-" + Api.text(r, "createTime"));
        assertThat(Api.text(r, "parentMeetingID")).isEqualTo("bbb-none");
        assertThat(Api.text(r, "attendeePW")).isEqualTo("ap");
        assertThat(Api.text(r, "moderatorPW")).isEqualTo("mp");
        assertThat(Api.text(r, "voiceBridge")).matches("[1-9][0-9]{4}");
        assertThat(Api.text(r, "hasUserJoined")).isEqualTo("false");
        assertThat(Api.text(r, "messageKey")).isEmpty();
        assertThat(sim.meeting("room-1")).hasValueSatisfying(m -> {
            assertThat(m.isRecording()).isTrue();
            assertThat(m.isRunning()).isFalse();
        });
    }

    @Test
    void create_voiceBridge_refusedWhileInUseFreeAgainAfterEndAndGeneratedOnesDistinct() {
        api.create("room-1", "voiceBridge", "71234");
        HttpResponse<String> taken = api.get("create", "name", "Klasse", "meetingID", "room-2", "voiceBridge", "71234");
        assertThat(Api.text(taken, "key")).isEqualTo("nonUniqueVoiceBridge");

        api.get("end", "meetingID", "room-1");
        api.create("room-2", "voiceBridge", "71234");
        assertThat(sim.meeting("room-2")).isPresent();

        java.util.Set<String> generated = new java.util.HashSet<>();
        for (int i = 0; i < 300; i++) {
            generated.add(Api.text(api.get("create", "name", "Klasse", "meetingID", "gen-" + i), "voiceBridge"));
        }
        assertThat(generated).hasSize(300).doesNotContain("71234");
    }

    @Test
    void create_invalidParameters_validationErrors() {
        assertThat(Api.text(api.get("create", "name", "Klasse"), "messageKey")).isEqualTo("missingParamMeetingID");
        assertThat(Api.text(api.get("create", "name", "Klasse", "meetingID", "a"), "messageKey")).isEqualTo("validationError");
        assertThat(Api.text(api.get("create", "name", "Klasse", "meetingID", "a,b"), "messageKey")).isEqualTo("validationError");
        assertThat(Api.text(api.get("create", "name", "Klasse", "meetingID", " ab"), "message")).isEqualTo("Invalid meeting ID");
        assertThat(Api.text(api.get("create", "name", "K", "meetingID", "abc"), "messageKey")).isEqualTo("validationError");
        assertThat(Api.text(api.get("create", "meetingID", "abc"), "messageKey")).isEqualTo("validationError");
        assertThat(Api.text(api.get("create", "name", "Klasse", "meetingID", "abc", "moderatorPW", "x"), "messageKey"))
                .isEqualTo("invalidPassword");
        assertThat(Api.text(api.get("create", "name", "Klasse", "meetingID", "abc", "voiceBridge", "7x"), "messageKey"))
                .isEqualTo("validationError");
        assertThat(Api.text(api.get("create", "name", "Klasse", "meetingID", "abc", "record", "yes"), "messageKey"))
                .isEqualTo("validationError");
        assertThat(sim.meetings()).isEmpty();
    }

    @Test
    void create_repeated_duplicateWarningOrIdNotUnique() {
        String first = api.create("room-1", "attendeePW", "ap", "moderatorPW", "mp");
        HttpResponse<String> same = api.get("create", "name", "Other name", "meetingID", "room-1", "attendeePW", "ap",
                "moderatorPW", "mp");
        assertThat(Api.text(same, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(same, "messageKey")).isEqualTo("duplicateWarning");
        assertThat(Api.text(same, "createTime")).isEqualTo(first);
        HttpResponse<String> noPasswords = api.get("create", "name", "Klasse", "meetingID", "room-1");
        assertThat(Api.text(noPasswords, "messageKey")).isEqualTo("duplicateWarning");
        HttpResponse<String> other = api.get("create", "name", "Klasse", "meetingID", "room-1", "attendeePW", "xx",
                "moderatorPW", "mp");
        assertThat(Api.text(other, "returncode")).isEqualTo("FAILED");
        assertThat(Api.text(other, "messageKey")).isEqualTo("idNotUnique");
        assertThat(sim.meetings()).hasSize(1);
        assertThat(sim.meeting("room-1").orElseThrow().name()).isEqualTo("Klasse 7b");
    }

    @Test
    void create_meta_filteredAndLowerCased() {
        api.create("room-1", "meta_bbb-origin", "Schulportal", "meta_EndCallbackUrl", "https://x.example/end",
                "meta_my_key", "dropped", "meta_1abc", "dropped", "meta_Tenant-ID", "T1");
        assertThat(sim.meeting("room-1").orElseThrow().metadata())
                .containsExactly(java.util.Map.entry("bbb-origin", "Schulportal"),
                        java.util.Map.entry("endcallbackurl", "https://x.example/end"),
                        java.util.Map.entry("tenant-id", "T1"));
        HttpResponse<String> info = api.get("getMeetingInfo", "meetingID", "room-1");
        assertThat(info.body()).contains("<metadata><bbb-origin>Schulportal</bbb-origin>"
                + "<endcallbackurl>https://x.example/end</endcallbackurl><tenant-id>T1</tenant-id></metadata>");
    }

    @Test
    void getMeetingInfo_withAttendees_realShape() {
        api.create("room-1", "maxParticipants", "30");
        api.join("room-1", "Frau Schmidt", "moderator", "userID", "u-1", "userdata-bbb_auto_join_audio", "true",
                "userdata-bad-key", "dropped");
        api.join("room-1", "Kim <Schüler>", "VIEWER", "userID", "u-2");
        HttpResponse<String> r = api.get("getMeetingInfo", "meetingID", "room-1");
        assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(r, "meetingName")).isEqualTo("Klasse 7b");
        assertThat(Api.text(r, "running")).isEqualTo("true");
        assertThat(Api.text(r, "hasUserJoined")).isEqualTo("true");
        assertThat(Api.text(r, "participantCount")).isEqualTo("2");
        assertThat(Api.text(r, "moderatorCount")).isEqualTo("1");
        assertThat(Api.text(r, "maxUsers")).isEqualTo("30");
        assertThat(Api.text(r, "isBreakout")).isEqualTo("false");
        assertThat(r.body()).contains("<userID>u-1</userID><fullName>Frau Schmidt</fullName><role>MODERATOR</role>")
                .contains("<customdata><bbb_auto_join_audio>true</bbb_auto_join_audio></customdata>")
                .contains("<fullName>Kim &lt;Schüler&gt;</fullName>")
                .doesNotContain("bad-key");
        for (String element : new String[] {"meetingName", "meetingID", "internalMeetingID", "createTime", "createDate",
                "voiceBridge", "dialNumber", "attendeePW", "moderatorPW", "running", "duration", "hasUserJoined",
                "recording", "hasBeenForciblyEnded", "startTime", "endTime", "participantCount", "listenerCount",
                "voiceParticipantCount", "videoCount", "maxUsers", "moderatorCount", "attendees", "metadata"}) {
            assertThat(Api.text(r, element)).as(element).isNotNull();
        }
    }

    @Test
    void getMeetingInfo_unknown_notFound() {
        assertThat(Api.text(api.get("getMeetingInfo", "meetingID", "nope"), "messageKey")).isEqualTo("notFound");
        assertThat(Api.text(api.get("isMeetingRunning", "meetingID", "nope"), "running")).isEqualTo("false");
    }

    @Test
    void getMeetings_listsEachMeeting() {
        api.create("room-1");
        api.create("room-2");
        HttpResponse<String> r = api.get("getMeetings");
        assertThat(Api.xml(r).getElementsByTagName("meeting").getLength()).isEqualTo(2);
        assertThat(r.body()).contains("<meetingID>room-1</meetingID>").contains("<meetingID>room-2</meetingID>");
    }

    @Test
    void isMeetingRunning_trueOnceSomeoneJoined() {
        api.create("room-1");
        assertThat(Api.text(api.get("isMeetingRunning", "meetingID", "room-1"), "running")).isEqualTo("false");
        api.join("room-1", "Ada", "VIEWER");
        assertThat(Api.text(api.get("isMeetingRunning", "meetingID", "room-1"), "running")).isEqualTo("true");
    }

    @Test
    void end_thenCreateAgain_freshMeeting() {
        String firstCreateTime = api.create("room-1", "moderatorPW", "mp");
        api.join("room-1", "Ada", "VIEWER");
        assertThat(Api.text(api.get("end", "meetingID", "room-1", "password", "wrong"), "messageKey"))
                .isEqualTo("invalidPassword");
        HttpResponse<String> end = api.get("end", "meetingID", "room-1");
        assertThat(Api.text(end, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(end, "messageKey")).isEqualTo("sentEndMeetingRequest");
        // bbb-web forgets an ended meeting at once: a client that re-creates on notFound must see notFound.
        HttpResponse<String> info = api.get("getMeetingInfo", "meetingID", "room-1");
        assertThat(Api.text(info, "returncode")).isEqualTo("FAILED");
        assertThat(Api.text(info, "messageKey")).isEqualTo("notFound");
        assertThat(Api.text(api.get("getMeetings"), "messageKey")).isEqualTo("noMeetings");
        assertThat(Api.text(api.get("end", "meetingID", "nope"), "messageKey")).isEqualTo("notFound");

        String second = api.create("room-1");
        assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(firstCreateTime));
        assertThat(sim.meetings()).hasSize(2);
        assertThat(sim.meeting("room-1").orElseThrow().hasEnded()).isFalse();
        sim.clock().advance(java.time.Duration.ofMinutes(2));
        assertThat(Api.text(api.get("getMeetingInfo", "meetingID", "room-1"), "returncode")).isEqualTo("SUCCESS");
    }

    @Test
    void endedMeeting_withRetentionOption_visibleUntilRetentionPassed() {
        try (BbbSimulator retaining = BbbSimulator.builder().endedMeetingRetention(java.time.Duration.ofMinutes(1))
                .start()) {
            Api r = new Api(retaining);
            r.create("room-1");
            r.get("end", "meetingID", "room-1");
            HttpResponse<String> info = r.get("getMeetingInfo", "meetingID", "room-1");
            assertThat(Api.text(info, "running")).isEqualTo("false");
            assertThat(Api.text(info, "hasBeenForciblyEnded")).isEqualTo("true");
            assertThat(Api.text(r.get("join", "meetingID", "room-1", "fullName", "Ada", "role", "VIEWER",
                    "redirect", "false"), "messageKey")).isEqualTo("meetingForciblyEnded");
            retaining.clock().advance(java.time.Duration.ofSeconds(61));
            assertThat(Api.text(r.get("getMeetingInfo", "meetingID", "room-1"), "messageKey")).isEqualTo("notFound");
            assertThat(Api.text(r.get("getMeetings"), "messageKey")).isEqualTo("noMeetings");
        }
    }

    @Test
    void endedMeeting_removedAtOnceByDefault() {
        api.create("room-1");
        api.get("end", "meetingID", "room-1");
        assertThat(Api.text(api.get("getMeetingInfo", "meetingID", "room-1"), "messageKey")).isEqualTo("notFound");
        assertThat(Api.text(api.get("getMeetings"), "messageKey")).isEqualTo("noMeetings");
    }

    @Test
    void createPost_withModules_documentsRecorded() throws Exception {
        Path fixture = Path.of(
                "../../shared/fixtures/bigbluebutton-api-php/requests__insert_document_presentations_with_options.xml");
        String body = Files.exists(fixture) ? Files.readString(fixture)
                : "<?xml version=\"1.0\" ?><modules><module name=\"presentation\"><document current=\"true\""
                + " downloadable=\"false\" removable=\"true\" url=\"https://demo.bigbluebutton.org/bigbluebutton.png\"/>"
                + "</module></modules>";
        HttpResponse<String> r = api.post("create", "application/xml; charset=UTF-8", body, "name", "Klasse",
                "meetingID", "room-1");
        assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
        SimulatedDocument doc = sim.meeting("room-1").orElseThrow().documents().get(0);
        assertThat(doc.url()).hasValue("https://demo.bigbluebutton.org/bigbluebutton.png");
        assertThat(doc.isCurrent()).isTrue();
        assertThat(doc.isRemovable()).isTrue();
        assertThat(doc.source()).isEqualTo("create");

        HttpResponse<String> json = api.post("create", "application/json", "{}", "name", "Klasse", "meetingID", "room-2");
        assertThat(Api.text(json, "messageKey")).isEqualTo("unsupportedContentType");
    }

    @Test
    void insertDocument_inlineBase64_recorded() {
        api.create("room-1");
        String body = "<modules><module name=\"presentation\"><document name=\"a.txt\">aGFsbG8=</document></module></modules>";
        HttpResponse<String> r = api.post("insertDocument", "application/xml", body, "meetingID", "room-1");
        assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
        SimulatedDocument doc = sim.meeting("room-1").orElseThrow().documents().get(0);
        assertThat(doc.name()).hasValue("a.txt");
        assertThat(new String(doc.content().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hallo");
        assertThat(doc.source()).isEqualTo("insertDocument");
        assertThat(Api.text(api.post("insertDocument", "text/xml", body, "meetingID", "room-1"), "messageKey"))
                .isEqualTo("unsupportedContentType");
        assertThat(Api.text(api.post("insertDocument", "application/xml", body, "meetingID", "nope"), "returncode"))
                .isEqualTo("FAILED");
        assertThat(api.get("insertDocument", "meetingID", "room-1").statusCode()).isEqualTo(405);
    }

    @Test
    void sendChatMessage_recordedWhenRunning() {
        api.create("room-1");
        assertThat(Api.text(api.get("sendChatMessage", "meetingID", "room-1", "message", "Hallo"), "messageKey"))
                .isEqualTo("meetingNotFound");
        api.join("room-1", "Ada", "VIEWER");
        HttpResponse<String> r = api.get("sendChatMessage", "meetingID", "room-1", "message", "Pause bis 10:15",
                "userName", "Sekretariat");
        assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(api.get("sendChatMessage", "meetingID", "room-1", "message", "x".repeat(501)), "messageKey"))
                .isEqualTo("validationError");
        assertThat(Api.text(api.get("sendChatMessage", "meetingID", "room-1", "message", ""), "messageKey"))
                .isEqualTo("validationError");
        assertThat(sim.meeting("room-1").orElseThrow().chatMessages())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.message()).isEqualTo("Pause bis 10:15");
                    assertThat(c.userName()).isEqualTo("Sekretariat");
                });
    }

    @Test
    void durationExpiry_endsMeetingOnClock() {
        api.create("room-1", "duration", "30");
        api.join("room-1", "Ada", "MODERATOR");
        sim.clock().advance(java.time.Duration.ofMinutes(29));
        assertThat(sim.meeting("room-1").orElseThrow().isRunning()).isTrue();
        sim.clock().advance(java.time.Duration.ofMinutes(1));
        SimulatedMeeting m = sim.meeting("room-1").orElseThrow();
        assertThat(m.hasEnded()).isTrue();
        assertThat(m.endReason()).isEqualTo("duration");
        assertThat(m.attendees()).isEmpty();
    }

    @Test
    void endWhenNoModerator_endsAfterDelay() {
        api.create("room-1", "endWhenNoModerator", "true", "endWhenNoModeratorDelayInMinutes", "2");
        api.join("room-1", "Lehrerin", "MODERATOR", "userID", "t");
        api.join("room-1", "Kim", "VIEWER", "userID", "s");
        assertThat(sim.leave("room-1", "t")).isTrue();
        sim.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(sim.meeting("room-1").orElseThrow().hasEnded()).isFalse();
        sim.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(sim.meeting("room-1").orElseThrow().endReason()).isEqualTo("noModerator");
    }

    @Test
    void emptyMeeting_expiresWhenNobodyJoinsOrLastUserLeft() {
        api.create("room-1");
        api.create("room-2");
        api.join("room-2", "Ada", "VIEWER", "userID", "a");
        sim.clock().advance(java.time.Duration.ofMinutes(5));
        assertThat(sim.meeting("room-1").orElseThrow().endReason()).isEqualTo("noUserJoined");
        assertThat(sim.meeting("room-2").orElseThrow().hasEnded()).isFalse();
        sim.leave("room-2", "a");
        sim.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(sim.meeting("room-2").orElseThrow().endReason()).isEqualTo("lastUserLeft");
    }
}
