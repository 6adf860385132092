// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.e2e.moodle.MoodleBrowser;
import de.hessen.schulportal.bbb.e2e.moodle.School;
import de.hessen.schulportal.bbb.e2e.servers.MoodleSite;
import de.hessen.schulportal.bbb.e2e.servers.RealMoodle;
import de.hessen.schulportal.bbb.gateway.Gateway;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.CallbackDelivery;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import de.hessen.schulportal.bbb.testkit.SimulatedRecording;
import de.hessen.schulportal.bbb.testsupport.EndToEnd;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stock Moodle 4.5.6, driven over HTTP as a teacher and a pupil would, through {@code bbb-gateway}
 * in front of the simulator: one lesson from join to deleted recording, step by step in order, then a
 * search of everything the backend received. Each subclass runs it with one of the checksum algorithms
 * Moodle offers; the Moodle is shared ({@link RealMoodle}) and only reconfigured.
 */
@EndToEnd
@ExtendWith(RealMoodle.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MoodleThroughGatewaySuite {
    static final String MOODLE_SECRET = Secrets.forbid("e2e-m00dle-5ecret-4f9c2a7e1b3d5f60718293a4");
    static final String GATEWAY_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String CHECK_PENDING = "\\mod_bigbluebuttonbn\\task\\check_pending_recordings";
    static final Duration CALLBACKS = Duration.ofSeconds(60);
    static final ObjectMapper JSON = JsonMapper.builder().build();

    BbbSimulator sim;
    Gateway gateway;
    RealMoodleRun run;
    long started;

    abstract RealMoodleRun.Algorithm algorithm();

    @BeforeAll
    void start(MoodleSite site) {
        started = System.nanoTime();
        sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofMinutes(1)).start();
        Secrets.forbid(sim.secret());
        // Moodle runs on loopback here: its slides and callbacks may be fetched and posted there.
        gateway = Gateway.start(GatewayConfig.builder(GATEWAY_KEY).host("127.0.0.1").port(0).allowLoopbackFetch(true)
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, sim.baseUrl(), sim.secret()).build()).build());
        run = RealMoodleRun.start(site, gateway.url() + "bigbluebutton/", MOODLE_SECRET, algorithm());
    }

    @AfterAll
    void stop() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
        System.out.printf(Locale.ROOT, "[bbb-e2e] Moodle through the gateway, %s: %.1f s%n", algorithm(),
                (System.nanoTime() - started) / 1e9);
    }

    SimulatedMeeting meeting() {
        return sim.meetings().stream().filter(m -> m.meetingId().contains(run.activity.meetingIdPrefix())).findFirst()
                .orElseThrow(() -> new AssertionError("no meeting of the activity reached the backend"));
    }

    SimulatedRecording recording() {
        return sim.recordings().stream().filter(r -> r.meetingId().contains(run.activity.meetingIdPrefix())).findFirst()
                .orElseThrow(() -> new AssertionError("the backend has no recording of the activity"));
    }

    int moodleRecordingId() {
        return Integer.parseInt(run.site.sql("SELECT id FROM mdl_bigbluebuttonbn_recordings WHERE bigbluebuttonbnid = "
                + run.activity.instanceId()));
    }

    String moodleRecordingStatus() {
        return run.site.sql("SELECT status FROM mdl_bigbluebuttonbn_recordings WHERE bigbluebuttonbnid = " + run.activity.instanceId());
    }

    /** A person's browser: Moodle's 303 to the gateway, the gateway's 302 to the backend's session URL, the client page. */
    void joins(MoodleBrowser person) {
        URI atGateway = run.joinAtMoodle(person);
        assertThat(atGateway.getAuthority()).as("Moodle sends the browser to the gateway").isEqualTo(gateway.url().getAuthority());
        assertThat(atGateway.getPath()).isEqualTo("/bigbluebutton/api/join");
        HttpResponse<String> gatewayAnswer = run.browse(atGateway);
        assertThat(gatewayAnswer.statusCode()).as("the gateway's answer to the join").isEqualTo(302);
        URI atBackend = URI.create(gatewayAnswer.headers().firstValue("Location").orElseThrow());
        assertThat(atBackend.getAuthority()).as("the gateway sends the browser to the backend").isEqualTo("127.0.0.1:" + sim.port());
        // The gateway joined on the server: the browser holds the session URL, which opens the client page.
        assertThat(atBackend.getPath()).isEqualTo("/html5client/join");
        assertThat(atBackend.getQuery()).startsWith("sessionToken=").doesNotContain("checksum");
        assertThat(run.browse(atBackend).statusCode()).as("the backend's client page").isEqualTo(200);
    }

    SimulatedAttendee attendee(String role) {
        return meeting().attendees().stream().filter(a -> a.role().equals(role)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " in the meeting"));
    }

    JsonNode recordingsAsTeacher() {
        run.site.purgeCaches();
        return run.teacher.ajax("mod_bigbluebuttonbn_get_recordings", Map.of("bigbluebuttonbnid", run.activity.instanceId()));
    }

    @Test
    @Order(1)
    void teacherJoins_meetingCreatedThroughGateway_teacherInsideAsModerator() {
        joins(run.teacher);

        SimulatedMeeting meeting = meeting();
        assertThat(meeting.isRunning()).isTrue();
        assertThat(meeting.isRecording()).as("a room with recordings").isTrue();
        SimulatedAttendee teacher = attendee("MODERATOR");
        assertThat(teacher.fullName()).isEqualTo(School.TEACHER_FIRST + " " + School.TEACHER_LAST + " (Lehrkraft)");
        assertThat(teacher.userId()).isNotBlank().doesNotContain(String.valueOf(run.school.teacherId()));
    }

    @Test
    @Order(2)
    void pupilJoins_asViewer_withTheShortenedName() {
        joins(run.pupil);

        SimulatedAttendee pupil = attendee("VIEWER");
        assertThat(pupil.fullName()).isEqualTo(School.PUPIL_FIRST + " " + School.PUPIL_LAST.charAt(0) + ".");
        assertThat(pupil.userId()).isNotBlank().doesNotContain(String.valueOf(run.school.pupilId()));
    }

    @Test
    @Order(3)
    void polling_meetingInfo_showsTheRunningMeetingWithBothPeople() {
        JsonNode info = run.pupil.ajax("mod_bigbluebuttonbn_meeting_info", Map.of("bigbluebuttonbnid", run.activity.instanceId(),
                "groupid", 0, "updatecache", true));

        assertThat(info.path("statusrunning").asBoolean()).as(info.toString()).isTrue();
        // Moodle shows moderators and the others apart: participantcount = participantCount - moderatorCount.
        assertThat(info.path("moderatorcount").asInt()).as(info.toString()).isEqualTo(1);
        assertThat(info.path("participantcount").asInt()).as(info.toString()).isEqualTo(1);
        assertThat(info.path("canjoin").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void slide_uploadedInMoodle_isShownInTheMeeting() throws InterruptedException {
        assertThat(sim.awaitCallbacks(CALLBACKS)).as("the backend's downloads are done").isTrue();
        assertThat(meeting().documents()).as("presentations of the meeting").hasSize(1);
        assertThat(meeting().documents().get(0).content()).as("the slide the backend downloaded (through the gateway)")
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(School.SLIDE));
    }

    @Test
    @Order(5)
    void end_byTheTeacher_endsTheMeetingOnTheBackend() {
        run.teacher.ajax("mod_bigbluebuttonbn_end_meeting", Map.of("bigbluebuttonbnid", run.activity.instanceId(), "groupid", 0));

        assertThat(meeting().hasEnded()).isTrue();
        JsonNode info = run.pupil.ajax("mod_bigbluebuttonbn_meeting_info", Map.of("bigbluebuttonbnid", run.activity.instanceId(),
                "groupid", 0, "updatecache", true));
        assertThat(info.path("statusrunning").asBoolean()).as(info.toString()).isFalse();
    }

    @Test
    @Order(6)
    void attendance_fromTheAnalyticsCallback_holdsEachPersonsOwnMoodleUserId() throws InterruptedException {
        assertThat(sim.awaitCallbacks(CALLBACKS)).isTrue();

        String logged = run.site.sql("SELECT userid FROM mdl_bigbluebuttonbn_logs WHERE log = 'Summary' AND bigbluebuttonbnid = "
                + run.activity.instanceId() + " ORDER BY userid");
        assertThat(logged.isEmpty() ? List.of() : Arrays.asList(logged.split("\n"))).as("Moodle's attendance (Summary logs)")
                .containsExactlyInAnyOrder(String.valueOf(run.school.teacherId()), String.valueOf(run.school.pupilId()));
    }

    @Test
    @Order(7)
    void recordingsSync_theScheduledTask_findsTheRecordingOnTheBackend() {
        assertThat(moodleRecordingStatus()).as("Moodle awaits the recording of the meeting").isEqualTo("0");

        run.site.runScheduledTask(CHECK_PENDING);

        assertThat(moodleRecordingStatus()).as("processed (2) once the backend knows the recording").isEqualTo("2");
    }

    @Test
    @Order(8)
    void recordingReady_callbackThroughTheGateway_isAcceptedByMoodle() throws InterruptedException {
        RealMoodleRun.recordingsProcessed(sim);
        assertThat(sim.awaitCallbacks(CALLBACKS)).isTrue();

        List<CallbackDelivery> ready = sim.callbackDeliveries().stream().filter(d -> d.kind().equals("recording-ready")).toList();
        assertThat(ready).as("recording-ready callbacks").hasSize(1);
        assertThat(ready.get(0).url()).startsWith(gateway.url() + "gateway/callback/recording-ready/");
        assertThat(ready.get(0).status()).as("Moodle's answer, passed back by the gateway").isEqualTo(202);
        assertThat(moodleRecordingStatus()).as("notified (3): Moodle verified the gateway's JWT").isEqualTo("3");
    }

    @Test
    @Order(9)
    void recordingsList_showsThePublishedRecordingWithItsPlayback() {
        JsonNode rows = JSON.readTree(recordingsAsTeacher().path("tabledata").path("data").asString());

        assertThat(rows).as("Moodle's recordings table").hasSize(1);
        assertThat(rows.get(0).path("playback").asString()).as("the playback links").contains("recording-play-presentation");
        assertThat(rows.get(0).path("date").asLong()).as("the recording's start").isPositive();
        assertThat(recording().isPublished()).isTrue();
    }

    @Test
    @Order(10)
    void recordingsList_showsTheActivitysNameAndDescription() {
        String table = recordingsAsTeacher().path("tabledata").path("data").asString();

        assertThat(table).contains(School.ACTIVITY).contains(School.DESCRIPTION);
        assertThat(recording().metadata().values()).as("the backend holds no plain name or description")
                .noneMatch(v -> v.contains(School.ACTIVITY) || v.contains(School.DESCRIPTION));
    }

    @Test
    @Order(11)
    void rename_inMoodle_isKeptSealedOnTheBackendAndShown() {
        String name = "Aufzeichnung Kehrwert Okapi";
        run.teacher.ajax("core_update_inplace_editable", Map.of("component", "mod_bigbluebuttonbn", "itemtype", "name",
                "itemid", String.valueOf(moodleRecordingId()), "value", name));

        assertThat(recordingsAsTeacher().path("tabledata").path("data").asString()).contains(name);
        assertThat(recording().metadata().values()).noneMatch(v -> v.contains(name));
    }

    @Test
    @Order(12)
    void description_inMoodle_isKeptSealedOnTheBackendAndShown() {
        String description = "Tafelbild Kehrwert Axolotl";
        run.teacher.ajax("core_update_inplace_editable", Map.of("component", "mod_bigbluebuttonbn", "itemtype", "description",
                "itemid", String.valueOf(moodleRecordingId()), "value", description));

        assertThat(recordingsAsTeacher().path("tabledata").path("data").asString()).contains(description);
        assertThat(recording().metadata().values()).noneMatch(v -> v.contains(description));
    }

    @Test
    @Order(13)
    void unpublishAndPublish_inMoodle_changeTheBackendsRecording() {
        updateRecording("unpublish");
        assertThat(recording().isPublished()).isFalse();

        updateRecording("publish");
        assertThat(recording().isPublished()).isTrue();
    }

    @Test
    @Order(14)
    void delete_inMoodle_deletesTheBackendsRecording() {
        updateRecording("delete");

        assertThat(recording().state()).as("the backend's recording").isEqualTo("deleted");
        assertThat(moodleRecordingStatus()).as("Moodle's row of the recording").isEmpty();
    }

    @Test
    @Order(100)
    void privacy_whatTheBackendReceived_holdsNothingIdentifying() {
        Map<String, List<BackendLog.Field>> leaks = BackendLog.of(sim).leaks(run.facts());

        assertThat(leaks.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.toList()))
                .as("what reached the backend").isEmpty();
        assertThat(BackendLog.of(sim).fields()).as("the search saw the lesson's requests")
                .anySatisfy(f -> assertThat(f.where()).isEqualTo("create"))
                .anySatisfy(f -> assertThat(f.where()).isEqualTo("join"));
    }

    void updateRecording(String action) {
        run.teacher.ajax("mod_bigbluebuttonbn_update_recording", Map.of("bigbluebuttonbnid", run.activity.instanceId(),
                "recordingid", moodleRecordingId(), "action", action, "additionaloptions", ""));
    }
}
