// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.callback.AnalyticsCallback;
import de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier;
import de.hessen.schulportal.bbb.testkit.CallbackSigner;
import de.hessen.schulportal.bbb.client.callback.RecordingReady;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.ReceivedRequest;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import de.hessen.schulportal.bbb.testkit.SimulatedRecording;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Moodle's BigBlueButton activity, replayed request by request as mod_bigbluebuttonbn sends it
 * (PHP query encoding, the bracketed meeting ID), through the gateway to the testkit simulator:
 * what reached the simulator carries no full name of a pupil, no Moodle user ID, no avatar, no
 * course name, no Moodle address; what came back is what Moodle relies on.
 */
class MoodleThroughGatewayTest {
    static final String MOODLE_SECRET = Secrets.forbid("m00dle-5ecret-0123456789abcdef0123456789");
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String MEETING_ID = "0c8d5d6f3a0b4c1e9f2a7b6c5d4e3f2a1b0c9d8e-5-12[0]";

    BbbSimulator sim;
    Gateway gateway;
    FakeMoodle moodle;

    @BeforeEach
    void start() {
        sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofMinutes(1)).start();
        Secrets.forbid(sim.secret());
        gateway = Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, sim.baseUrl(), sim.secret()).build()).build());
        moodle = new FakeMoodle(gateway.url().toString(), MOODLE_SECRET);
    }

    @AfterEach
    void stop() {
        moodle.close();
        gateway.close();
        sim.close();
    }

    static String el(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    Map<String, String> createParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("meetingID", MEETING_ID);
        p.put("name", "Mathematik 7b Frau Schmidt (Gruppe A)");
        p.put("attendeePW", "aP4ssw0rd123");
        p.put("moderatorPW", "mP4ssw0rd456");
        p.put("logoutURL", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=42&courseid=5");
        p.put("record", "true");
        p.put("welcome", "Willkommen in Mathematik 7b ~ Frau Schmidt");
        p.put("voiceBridge", "71234");
        p.put("muteOnStart", "true");
        p.put("lockSettingsDisableCam", "false");
        p.put("meta_bbb-origin", "Moodle");
        p.put("meta_bbb-origin-version", "4.5.1+ (Build: 20241010)");
        p.put("meta_bbb-origin-server-name", "moodle.schule-hessen.de");
        p.put("meta_bbb-origin-server-common-name", "");
        p.put("meta_bbb-origin-tag", "moodle-mod_bigbluebuttonbn (2024100700)");
        p.put("meta_bbb-context", "Mathematik 7b Schmidt");
        p.put("meta_bbb-context-id", "5");
        p.put("meta_bbb-context-name", "Mathematik 7b Schmidt");
        p.put("meta_bbb-context-label", "M7b-Schmidt");
        p.put("meta_bbb-recording-name", "Mathematik 7b Frau Schmidt");
        p.put("meta_bbb-recording-description", "Bruchrechnung mit Frau Schmidt");
        p.put("meta_bbb-recording-tags", "");
        p.put("meta_bbb-recording-ready-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready&bigbluebuttonbn=12");
        p.put("meta_analytics-callback-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=meeting_events&bigbluebuttonbn=12");
        p.put("meta_bn-recording-status", "{\"email\":\"petra.schmidt@schule-hessen.de\",\"context\":\"Petra Schmidt\"}");
        return p;
    }

    Map<String, String> joinParams(String fullName, String role, String userId, String createTime) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("meetingID", MEETING_ID);
        p.put("fullName", fullName);
        p.put("password", role.equals("MODERATOR") ? "mP4ssw0rd456" : "aP4ssw0rd123");
        p.put("logoutURL", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=42&courseid=5");
        p.put("role", role);
        p.put("userID", userId);
        p.put("guest", "false");
        p.put("createTime", createTime);
        p.put("userdata-bbb_override_default_locale", "de");
        p.put("avatarURL", moodle.wwwroot() + "/tokenpluginfile.php/a1b2c3d4e5f6/user/icon/boost/f1?rev=7");
        return p;
    }

    /**
     * The browser: Moodle's signed join URL on the gateway, which joins on the server and redirects
     * to the backend's session URL (never a signed backend join URL), which opens the client.
     */
    void browserJoins(Map<String, String> params) {
        HttpResponse<String> atGateway = moodle.call("join", params);
        assertThat(atGateway.statusCode()).isEqualTo(302);
        String session = atGateway.headers().firstValue("Location").orElseThrow();
        assertThat(session).startsWith(sim.baseUrl().replace("/bigbluebutton/", "/html5client/")).doesNotContain("checksum");
        HttpResponse<String> client = moodle.get(session);
        assertThat(client.statusCode()).isEqualTo(200);
    }

    String allBackendQueries() {
        // Checksums are cut out: their hex digits could contain any short number by chance.
        return sim.requests().stream().map(r -> r.callName().orElse("") + "?" + r.rawQuery().orElse("").replaceAll("checksum=[0-9a-f]+", ""))
                .collect(Collectors.joining("\n"));
    }

    String slideUrl() {
        return moodle.wwwroot() + "/pluginfile.php/27/mod_bigbluebuttonbn/presentation/0/folien.pdf?token=f1le70ken9a8b7c6";
    }

    @Test
    void moodleSequence_throughGateway_worksAndKeepsPersonalDataFromTheBackend() throws Exception {
        HttpResponse<String> version = moodle.get(gateway.url() + "bigbluebutton/api/");
        assertThat(el(version.body(), "returncode")).isEqualTo("SUCCESS");
        assertThat(el(version.body(), "version")).isNotBlank();

        HttpResponse<String> created = moodle.createWithPresentation(createParams(),
                "<modules><module name=\"presentation\"><document url=\"" + slideUrl().replace("&", "&amp;")
                        + "\" filename=\"folien.pdf\"/></module></modules>");
        assertThat(el(created.body(), "returncode")).as(created.body()).isEqualTo("SUCCESS");
        assertThat(el(created.body(), "meetingID")).isEqualTo(MEETING_ID);
        SimulatedMeeting meeting = sim.meeting("moodle-" + MEETING_ID).orElseThrow();
        assertThat(el(created.body(), "internalMeetingID")).isEqualTo(meeting.internalMeetingId());
        assertThat(meeting.name()).isEqualTo("Unterricht");
        assertThat(meeting.isRecording()).isTrue();
        assertThat(meeting.metadata().keySet()).containsExactlyInAnyOrder("bbb-origin", "bbb-recording-ready-url", "analytics-callback-url",
                "bbb-recording-name", "bbb-recording-description", "room-school");
        assertThat(meeting.metadata().get("room-school")).matches("sc-[a-z2-7]{26}");
        assertThat(meeting.metadata().get("bbb-origin")).isEqualTo("Moodle");
        assertThat(meeting.metadata().get("bbb-recording-ready-url")).startsWith(gateway.url() + "gateway/callback/recording-ready/moodle.");
        assertThat(meeting.metadata().get("bbb-recording-name")).startsWith("sealed:").doesNotContain("Mathematik");
        assertThat(meeting.createParameters()).containsEntry("webcamsOnlyForModerator", "true")
                .containsEntry("muteOnStart", "true").doesNotContainKeys("attendeePW", "moderatorPW", "voiceBridge", "welcome");
        assertThat(meeting.createParameters().get("disabledFeatures")).contains("learningDashboard");

        // The slide: BigBlueButton gets a gateway URL, fetches it, and the gateway fetches Moodle's file.
        assertThat(meeting.documents()).hasSize(1);
        assertThat(meeting.documents().get(0).url().orElseThrow()).startsWith(gateway.url() + "gateway/slides/moodle.");
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(30))).isTrue();
        assertThat(sim.meeting("moodle-" + MEETING_ID).orElseThrow().documents().get(0).content()).contains(FakeMoodle.SLIDE);
        assertThat(moodle.received).extracting(r -> r.path).contains(slideUrl().substring(slideUrl().indexOf("/moodle/")));

        // getMeetingInfo polling, as the activity page does.
        HttpResponse<String> info = moodle.call("getMeetingInfo", Map.of("meetingID", MEETING_ID));
        assertThat(el(info.body(), "meetingID")).isEqualTo(MEETING_ID);
        String createTime = el(info.body(), "createTime");
        assertThat(createTime).isEqualTo(el(created.body(), "createTime")).isEqualTo(Long.toString(meeting.createTime()));
        assertThat(el(info.body(), "running")).isEqualTo("false");

        browserJoins(joinParams("Petra Schmidt", "MODERATOR", "7", createTime));
        browserJoins(joinParams("Kim Yilmaz", "VIEWER", "1234", createTime));

        List<SimulatedAttendee> attendees = sim.meeting("moodle-" + MEETING_ID).orElseThrow().attendees();
        assertThat(attendees).extracting(SimulatedAttendee::fullName).containsExactlyInAnyOrder("Petra Schmidt (Lehrkraft)", "Kim Y.");
        assertThat(attendees).extracting(SimulatedAttendee::userId).allSatisfy(id -> assertThat(id).matches("(te|st)-[A-Za-z0-9_-]{40,}"));
        assertThat(attendees).extracting(SimulatedAttendee::customData)
                .allSatisfy(d -> assertThat(d).containsOnly(Map.entry("bbb_override_default_locale", "de")));
        String kimPseudonym = attendees.stream().filter(a -> a.fullName().equals("Kim Y.")).findFirst().orElseThrow().userId();

        info = moodle.call("getMeetingInfo", Map.of("meetingID", MEETING_ID));
        assertThat(el(info.body(), "running")).isEqualTo("true");
        assertThat(el(info.body(), "participantCount")).isEqualTo("2");
        assertThat(el(info.body(), "moderatorCount")).isEqualTo("1");
        assertThat(info.body()).contains("<fullName>Kim Y.</fullName>").contains("<role>VIEWER</role>");

        // A breakout room, as BigBlueButton itself creates it: its own hashed meeting ID, the parent's internal ID.
        String breakoutId = "5f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c-1765100000000";
        FakeMoodle bbbItself = new FakeMoodle(sim.baseUrl().replace("bigbluebutton/", ""), sim.secret());
        try {
            assertThat(el(bbbItself.call("create", ordered("meetingID", breakoutId, "name", "Raum 1", "isBreakout", "true",
                    "parentMeetingID", meeting.internalMeetingId(), "sequence", "1", "record", "true")).body(), "returncode")).isEqualTo("SUCCESS");
            assertThat(bbbItself.call("join", ordered("meetingID", breakoutId, "fullName", "Kim Y.", "role", "VIEWER",
                    "userID", kimPseudonym)).statusCode()).isEqualTo(302);
            assertThat(el(bbbItself.call("end", ordered("meetingID", breakoutId)).body(), "returncode")).isEqualTo("SUCCESS");
        } finally {
            bbbItself.close();
        }

        HttpResponse<String> ended = moodle.call("end", Map.of("meetingID", MEETING_ID, "password", "mP4ssw0rd456"));
        assertThat(el(ended.body(), "returncode")).isEqualTo("SUCCESS");
        assertThat(el(ended.body(), "messageKey")).isEqualTo("sentEndMeetingRequest");

        // Attendance: the simulator posts the analytics callback at the end; Moodle gets its own user IDs back.
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(30))).isTrue();
        FakeMoodle.Received events = moodle.received.stream().filter(r -> r.path.contains("meeting_events")).findFirst().orElseThrow();
        AnalyticsCallback verifiedEvents = AnalyticsCallbackVerifier.builder().secrets(MOODLE_SECRET).build()
                .verify(events.authorization, events.body);
        assertThat(verifiedEvents.meetingId()).contains(MEETING_ID);
        assertThat(extUserIds(events.body)).containsExactlyInAnyOrder("7", "1234");

        // An attendee the gateway cannot open is dropped, the rest delivered.
        String analyticsUrl = meeting.metadata().get("analytics-callback-url");
        String body = "{\"meeting_id\":\"moodle-" + MEETING_ID + "\",\"internal_meeting_id\":\"" + meeting.internalMeetingId()
                + "\",\"data\":{\"attendees\":[{\"ext_user_id\":\"" + kimPseudonym + "\",\"name\":\"Kim Y.\"},"
                + "{\"ext_user_id\":\"st-forged0000000000000000000000000000000000000000\",\"name\":\"X\"},{\"name\":\"Gast\"}]}}";
        HttpResponse<String> analytics = moodle.send(HttpRequest.newBuilder(URI.create(analyticsUrl)).timeout(Duration.ofSeconds(30))
                .header("Authorization", CallbackSigner.analyticsAuthorization(sim.secret(), "moodle-" + MEETING_ID,
                        Instant.now().plus(Duration.ofHours(24))))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(analytics.statusCode()).isEqualTo(202);
        List<FakeMoodle.Received> allEvents = moodle.received.stream().filter(r -> r.path.contains("meeting_events")).collect(Collectors.toList());
        assertThat(allEvents).hasSize(2);
        assertThat(extUserIds(allEvents.get(1).body)).containsExactly("1234");

        // The recording is processed; BigBlueButton calls the gateway, the gateway calls Moodle.
        sim.clock().advance(Duration.ofMinutes(2));
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(30))).isTrue();
        SimulatedRecording rec = sim.recordings().stream().filter(r -> r.meetingId().equals("moodle-" + MEETING_ID)).findFirst().orElseThrow();
        FakeMoodle.Received ready = moodle.received.stream().filter(r -> r.path.contains("recording_ready")).findFirst().orElseThrow();
        assertThat(ready.path).isEqualTo("/moodle/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready&bigbluebuttonbn=12");
        RecordingReady verified = RecordingReadyVerifier.builder().secrets(MOODLE_SECRET).build().verifyFormBody(ready.body);
        assertThat(verified.meetingId()).isEqualTo(MEETING_ID);
        assertThat(verified.recordId()).isEqualTo(rec.recordId());

        // Moodle's recordings task: name and description opened, the breakout room listed and then found.
        HttpResponse<String> recordings = moodle.call("getRecordings", ordered("recordID", rec.recordId(), "state", "any"));
        assertThat(el(recordings.body(), "recordID")).isEqualTo(rec.recordId());
        assertThat(el(recordings.body(), "meetingID")).isEqualTo(MEETING_ID);
        assertThat(el(recordings.body(), "internalMeetingID")).isEqualTo(meeting.internalMeetingId());
        assertThat(el(recordings.body(), "published")).isEqualTo("true");
        assertThat(el(recordings.body(), "bbb-recording-name")).isEqualTo("Mathematik 7b Frau Schmidt");
        assertThat(el(recordings.body(), "bbb-recording-description")).isEqualTo("Bruchrechnung mit Frau Schmidt");
        String breakoutRecord = el(recordings.body(), "breakoutRoom");
        assertThat(breakoutRecord).isNotNull();
        HttpResponse<String> breakoutRecordings = moodle.call("getRecordings", ordered("recordID", breakoutRecord));
        assertThat(el(breakoutRecordings.body(), "recordID")).as(breakoutRecordings.body()).isEqualTo(breakoutRecord);
        assertThat(el(breakoutRecordings.body(), "isBreakout")).isEqualTo("true");
        assertThat(el(breakoutRecordings.body(), "parentId")).isEqualTo(meeting.internalMeetingId());

        assertThat(el(moodle.call("publishRecordings", ordered("recordID", rec.recordId(), "publish", "false")).body(), "published"))
                .isEqualTo("false");
        assertThat(recording(rec.recordId()).isPublished()).isFalse();

        // Rename as Moodle does it: the whole metadata set it read, with the new name.
        Map<String, String> update = ordered("recordID", rec.recordId(), "meetingID", MEETING_ID, "meetingName", "Unterricht",
                "published", "false", "state", "unpublished", "protected", "true", "meta_bbb-origin", "Moodle",
                "meta_bbb-recording-ready-url", meeting.metadata().get("bbb-recording-ready-url"),
                "meta_analytics-callback-url", analyticsUrl, "meta_bbb-recording-name", "Bruchrechnung Frau Schmidt",
                "meta_bbb-recording-description", "Bruchrechnung mit Frau Schmidt", "meta_meetingId", "moodle-" + MEETING_ID,
                "meta_meetingName", "Unterricht", "meta_isBreakout", "false", "meta_bbb-recording-tags", "");
        HttpResponse<String> renamed = moodle.call("updateRecordings", update);
        assertThat(el(renamed.body(), "returncode")).as(renamed.body()).isEqualTo("SUCCESS");
        assertThat(el(renamed.body(), "updated")).isEqualTo("true");
        assertThat(recording(rec.recordId()).metadata().get("bbb-recording-name")).startsWith("sealed:").doesNotContain("Bruchrechnung");
        recordings = moodle.call("getRecordings", ordered("recordID", rec.recordId(), "state", "any"));
        assertThat(el(recordings.body(), "bbb-recording-name")).isEqualTo("Bruchrechnung Frau Schmidt");

        // A change the gateway refuses is a FAILED answer, and nothing changed.
        Map<String, String> refused = ordered("recordID", rec.recordId(), "meta_bbb-context", "Mathematik 7b Schmidt",
                "meta_bbb-recording-name", "Anders");
        HttpResponse<String> notUpdated = moodle.call("updateRecordings", refused);
        assertThat(el(notUpdated.body(), "returncode")).isEqualTo("FAILED");
        assertThat(el(notUpdated.body(), "messageKey")).isEqualTo("metadataRefused");
        assertThat(el(notUpdated.body(), "message")).contains("bbb-context");
        assertThat(el(moodle.call("getRecordings", ordered("recordID", rec.recordId())).body(), "bbb-recording-name"))
                .isEqualTo("Bruchrechnung Frau Schmidt");

        assertThat(el(moodle.call("deleteRecordings", ordered("recordID", rec.recordId())).body(), "deleted")).isEqualTo("true");
        assertThat(recording(rec.recordId()).state()).isEqualTo("deleted");

        // What reached the backend.
        String backend = allBackendQueries();
        for (String personal : List.of("Yilmaz", "tokenpluginfile", "avatarURL", "Mathematik", "M7b", "schule-hessen",
                "petra.schmidt", "%40", "Bruchrechnung", "Willkommen", "127.0.0.1%3A" + moodle.wwwroot().replaceAll(".*:(\\d+).*", "$1"),
                "bbb_view", "bbb_broker", "attendeePW", "moderatorPW", "password", "Gruppe", "pluginfile", "f1le70ken")) {
            assertThat(backend).as("backend requests must not contain %s", personal).doesNotContain(personal);
        }
        for (SimulatedMeeting m : List.of(sim.meeting("moodle-" + MEETING_ID).orElseThrow())) {
            assertThat(m.documents().toString() + m.documents().get(0).url().orElse(""))
                    .doesNotContain("pluginfile", "f1le70ken", moodle.wwwroot());
        }
        assertThat(backend).as("Moodle user IDs").doesNotContainPattern("userID=(1234|7)(&|$|\\n)");
        for (SimulatedRecording r : sim.recordings()) {
            assertThat(r.metadata().toString()).doesNotContain("Schmidt", "schule-hessen", "bbb_broker", "Bruchrechnung");
        }
        String metrics = moodle.get(gateway.managementUrl() + "metrics").body();
        assertThat(metrics).contains("bbb_gateway_requests_total{call=\"create\",outcome=\"success\"} 1")
                .contains("bbb_gateway_callbacks_total{kind=\"recording_ready\",outcome=\"delivered\"} 1")
                .contains("bbb_gateway_callbacks_total{kind=\"analytics\",outcome=\"delivered\"} 2")
                .contains("bbb_gateway_callbacks_total{kind=\"slide\",outcome=\"delivered\"} 1")
                .contains("bbb_gateway_forward_seconds_count{call=\"getMeetingInfo\"} 2");
    }

    SimulatedRecording recording(String recordId) {
        return sim.recordings().stream().filter(r -> r.recordId().equals(recordId)).findFirst().orElseThrow();
    }

    static List<String> extUserIds(String json) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\"ext_user_id\":\"([^\"]*)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void wrongChecksum_answersChecksumError_andForwardsNothing() {
        long before = sim.requestCount();
        String url = moodle.url("getMeetingInfo", Map.of("meetingID", MEETING_ID));
        HttpResponse<String> r = moodle.get(url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0"));
        assertThat(el(r.body(), "returncode")).isEqualTo("FAILED");
        assertThat(el(r.body(), "messageKey")).isEqualTo("checksumError");
        assertThat(sim.requestCount()).isEqualTo(before);
        List<ReceivedRequest> none = sim.requests();
        assertThat(none).hasSize((int) before);
    }
}
