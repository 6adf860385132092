// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.callback.AnalyticsCallback;
import de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.RecordingReady;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.CallbackDelivery;
import de.hessen.schulportal.bbb.testkit.CallbackSigner;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import de.hessen.schulportal.bbb.testkit.SimulatedRecording;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances behind a real HAProxy (Debian's package, {@code haproxy/bbb-gateway.cfg}
 * unchanged), Moodle's sequence from several "Moodle" threads alternating between them, callbacks
 * landing on either, and one instance stopped in the middle of the run: gracefully ({@link
 * Gateway#close()}) or abruptly (SIGKILL of a gateway in its own JVM).
 *
 * <p>What it proves: every call the balancer may repeat (see the README) succeeds; with a graceful
 * stop every other call succeeds too; every recording-ready and analytics callback reaches Moodle,
 * verified with Moodle's secret and carrying what BigBlueButton sent; callbacks sealed by one
 * instance are opened by the other (the gateway keeps no state); both instances served traffic
 * (HAProxy's own per-server counters).
 */
class HighAvailabilityTest {
    static final String MOODLE_SECRET = Secrets.forbid("m00dle-ha-5ecret-0123456789abcdef0123456");
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final int LESSONS = 16;
    static final int MOODLE_THREADS = 4;
    /** Lessons 0 and 1 are created on one instance directly, so the other must open their callback tokens. */
    static final int CROSS_A = 0;
    static final int CROSS_B = 1;
    static final Duration BOUND = Duration.ofSeconds(60);
    /** The status recorded when the balancer closed the connection without an answer. */
    static final int CUT_OFF = -1;

    @TempDir
    Path dir;

    BbbSimulator sim;
    Gateway gatewayA;
    ChildGateway childA;
    Gateway gatewayB;
    Haproxy lb;
    StatsPage stats;
    FakeMoodle moodle;
    String urlA;
    String urlB;
    final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final Map<Integer, String> analyticsSent = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<Integer, String> createTimes = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicInteger balancerErrorsThenRepeated = new AtomicInteger();

    /** One call as Moodle (or BigBlueButton, for callbacks) saw it. */
    record Outcome(int lesson, String call, boolean repeatable, int status, boolean ok, String detail) {
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {moodle, lb, gatewayB, gatewayA, childA, sim}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Already stopped by the test.
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void gracefulStop_midRun_everyCallSucceeds_andEveryCallbackArrivesExactlyOnce() throws Exception {
        start(false);
        run(() -> gatewayA.close());

        assertThat(outcomes).as("every call, repeatable or not, succeeds across a graceful stop")
                .allSatisfy(o -> assertThat(o.ok()).as("%s", o).isTrue());
        assertThat(balancerErrorsThenRepeated).hasValue(0);
        assertCallbacksExactlyOnce(false);
    }

    @Test
    @Timeout(120)
    void abruptKill_midRun_everyRepeatableCallSucceeds_andNoCallbackIsLost() throws Exception {
        start(true);
        run(() -> childA.kill());

        assertThat(outcomes.stream().filter(Outcome::repeatable)).as("every call the balancer may repeat succeeds")
                .allSatisfy(o -> assertThat(o.ok()).as("%s", o).isTrue());
        // A join, end or callback cut off inside the killed instance is not repeated by the balancer: it answers
        // 502, or, on a kept-alive client connection, closes it without an answer (HAProxy's http_wait_for_response,
        // "abort_keep_alive": the client is to decide). Moodle's user (or BigBlueButton) repeats it once, and that
        // repetition succeeds.
        assertThat(outcomes.stream().filter(o -> !o.ok())).as("only cut-off calls the balancer may not repeat fail")
                .allSatisfy(o -> {
                    assertThat(o.repeatable()).as("%s", o).isFalse();
                    assertThat(o.status()).as("%s", o).isIn(502, CUT_OFF);
                });
        assertCallbacksExactlyOnce(true);
    }

    @Test
    void readme_showsTheHaproxyConfigurationThisTestRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```haproxy\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a ```haproxy block").isTrue();
        String config = Haproxy.config();
        String withoutLicenceLine = config.substring(config.indexOf('\n') + 1);
        assertThat(m.group(1)).as("the README's HAProxy configuration is src/test/resources" + Haproxy.CONFIG)
                .isEqualTo(withoutLicenceLine);
    }

    // ----------------------------------------------------------------------------------------------

    void start(boolean instanceAInItsOwnJvm) {
        Haproxy.assumeInstalled();
        sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofMinutes(1)).start();
        Secrets.forbid(sim.secret());
        // Calls stay a while inside the gateways, so the stop meets calls in flight.
        sim.faults().latency(Duration.ofMillis(25));
        int lbPort = Haproxy.freePort();
        String publicUrl = "http://127.0.0.1:" + lbPort + "/";
        if (instanceAInItsOwnJvm) {
            childA = ChildGateway.start(dir, KEY, publicUrl, MOODLE_SECRET, sim.baseUrl(), sim.secret());
            urlA = childA.url().toString();
        } else {
            gatewayA = startGateway(publicUrl);
            urlA = gatewayA.url().toString();
        }
        gatewayB = startGateway(publicUrl);
        urlB = gatewayB.url().toString();
        int statsPort = Haproxy.freePort();
        lb = Haproxy.start(dir, lbPort, statsPort, URI.create(urlA).getPort(), gatewayB.port());
        stats = new StatsPage("http://127.0.0.1:" + statsPort + "/stats;csv");
        moodle = new FakeMoodle(lb.url(), MOODLE_SECRET);
    }

    Gateway startGateway(String publicUrl) {
        return Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").port(0).publicUrl(URI.create(publicUrl))
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, sim.baseUrl(), sim.secret()).build()).build());
    }

    /** The whole run; {@code stopA} stops instance A in the middle of it. */
    void run(Runnable stopA) throws Exception {
        // Sealed by one instance, opened by the other: lesson CROSS_A is created on A itself and ends after A
        // is gone, so B delivers its recording-ready callback; lesson CROSS_B is created on B and its
        // analytics callback is posted to A directly.
        create(CROSS_A, urlA);
        lesson(CROSS_A, false);
        create(CROSS_B, urlB);
        lesson(CROSS_B, true);
        analytics(CROSS_B, urlA);

        ExecutorService moodles = Executors.newFixedThreadPool(MOODLE_THREADS);
        AtomicInteger next = new AtomicInteger(2);
        AtomicInteger done = new AtomicInteger();
        for (int t = 0; t < MOODLE_THREADS; t++) {
            moodles.submit(() -> {
                for (int i = next.getAndIncrement(); i < LESSONS; i = next.getAndIncrement()) {
                    try {
                        create(i, lb.url());
                        lesson(i, true);
                        analytics(i, lb.url());
                    } catch (RuntimeException | AssertionError e) {
                        outcomes.add(new Outcome(i, "lesson", true, 0, false, e.toString()));
                    }
                    done.incrementAndGet();
                }
            });
        }
        moodles.shutdown();
        int lessons = LESSONS - 2;
        awaitTrue("a quarter of the lessons", () -> done.get() >= lessons / 4);
        // Recordings of the lessons ended so far: their callbacks flow through the balancer while the run goes on.
        sim.clock().advance(Duration.ofMinutes(2));
        if (childA != null) {
            // BigBlueButton's recording-ready script never repeats a POST (REFERENCE §7.2), so one cut off by the
            // kill would be lost: the README says so; here the kill comes after these were delivered.
            assertThat(sim.awaitCallbacks(BOUND)).isTrue();
        }
        awaitTrue("half of the lessons", () -> done.get() >= lessons / 2);
        // Slow answers, then the stop once HAProxy counts calls in flight on A: the stop cuts into them.
        sim.faults().latency(Duration.ofMillis(400));
        awaitTrue("calls in flight on instance A", () -> stats.servers().get("gw1").getOrDefault("scur", 0L) > 0);
        Map<String, Map<String, Long>> beforeStop = stats.servers();
        stopA.run();
        sim.faults().latency(Duration.ofMillis(25));
        assertThat(moodles.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)).as("lessons finished").isTrue();

        // After the stop: CROSS_A ends through the balancer (B); every remaining recording is processed.
        endLesson(CROSS_A);
        analytics(CROSS_A, lb.url());
        sim.clock().advance(Duration.ofMinutes(2));
        assertThat(sim.awaitCallbacks(BOUND)).isTrue();
        for (int i = 0; i < LESSONS; i++) {
            recordings(i);
        }
        Map<String, Map<String, Long>> afterRun = stats.servers();

        // Both instances served Moodle's calls (HAProxy's count of requests it sent to each).
        assertThat(beforeStop.get("gw1").get("stot")).as("requests instance A served before the stop").isGreaterThan(10);
        assertThat(beforeStop.get("gw2").get("stot")).as("requests instance B served before the stop").isGreaterThan(10);
        assertThat(afterRun.get("gw2").get("stot")).as("B carried the rest").isGreaterThan(beforeStop.get("gw2").get("stot"));
        System.out.printf("HighAvailabilityTest: %d calls, A served %d, B served %d; balancer retries %d, redispatches %d;"
                + " balancer errors repeated by the caller %d%n", outcomes.size(), afterRun.get("gw1").get("stot"),
                afterRun.get("gw2").get("stot"), afterRun.get("BACKEND").get("wretr"), afterRun.get("BACKEND").get("wredis"),
                balancerErrorsThenRepeated.get());
    }

    void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", BOUND, what).isLessThan(deadline);
            Haproxy.pause();
        }
    }

    // ---- Moodle's sequence (as MoodleThroughGatewayTest replays it) -------------------------------

    static String meetingId(int lesson) {
        return "0c8d5d6f3a0b4c1e9f2a7b6c5d4e3f2a1b0c9d8e-5-" + (100 + lesson) + "[0]";
    }

    static String el(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    String direct(String url, String base) {
        return base.equals(lb.url()) ? url : url.replace(lb.url(), base);
    }

    String broker(int lesson, String action) {
        return moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=" + action + "&bigbluebuttonbn=" + (100 + lesson);
    }

    void create(int lesson, String base) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("meetingID", meetingId(lesson));
        p.put("name", "Mathematik 7b Frau Schmidt");
        p.put("attendeePW", "aP4ssw0rd123");
        p.put("moderatorPW", "mP4ssw0rd456");
        p.put("logoutURL", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=42&courseid=5");
        p.put("record", "true");
        p.put("meta_bbb-origin", "Moodle");
        p.put("meta_bbb-recording-ready-url", broker(lesson, "recording_ready"));
        p.put("meta_analytics-callback-url", broker(lesson, "meeting_events"));
        String url = direct(moodle.url("create", p), base);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).timeout(BOUND).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<modules><module name=\"presentation\"><document "
                        + "url=\"https://files.example.org/folien.pdf\" filename=\"folien.pdf\"/></module></modules>")).build());
        boolean ok = success(r) && meetingId(lesson).equals(el(r.body(), "meetingID"));
        record(lesson, "create", true, r, ok);
        if (ok) {
            createTimes.put(lesson, el(r.body(), "createTime"));
        }
    }

    /** getMeetingInfo, the teacher's and a pupil's join through the browser, polling; then end unless told not to. */
    void lesson(int lesson, boolean end) {
        HttpResponse<String> info = api("getMeetingInfo", Map.of("meetingID", meetingId(lesson)));
        String createTime = el(info.body(), "createTime");
        record(lesson, "getMeetingInfo", true, info, success(info) && createTime != null && createTime.equals(createTimes.get(lesson)));
        browserJoins(lesson, "Petra Schmidt", "MODERATOR", "7", createTime);
        browserJoins(lesson, "Kim Yilmaz", "VIEWER", "1234", createTime);
        info = api("getMeetingInfo", Map.of("meetingID", meetingId(lesson)));
        record(lesson, "getMeetingInfo", true, info, success(info) && "2".equals(el(info.body(), "participantCount")));
        HttpResponse<String> running = api("isMeetingRunning", Map.of("meetingID", meetingId(lesson)));
        record(lesson, "isMeetingRunning", true, running, success(running) && "true".equals(el(running.body(), "running")));
        if (end) {
            endLesson(lesson);
        }
    }

    void endLesson(int lesson) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("meetingID", meetingId(lesson));
        p.put("password", "mP4ssw0rd456");
        HttpRequest request = HttpRequest.newBuilder(URI.create(moodle.url("end", p))).timeout(BOUND).build();
        HttpResponse<String> r = sendOrCutOff(request);
        if (balancerError(r)) {
            // The teacher clicks "end" again; if the first one did reach BigBlueButton, the meeting is gone.
            record(lesson, "end", false, r, false);
            r = send(request);
            record(lesson, "end (repeated)", false, r, success(r) || "notFound".equals(el(r.body(), "messageKey")));
            return;
        }
        record(lesson, "end", false, r, success(r) && "sentEndMeetingRequest".equals(el(r.body(), "messageKey")));
    }

    void browserJoins(int lesson, String fullName, String role, String userId, String createTime) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("meetingID", meetingId(lesson));
        p.put("fullName", fullName);
        p.put("password", role.equals("MODERATOR") ? "mP4ssw0rd456" : "aP4ssw0rd123");
        p.put("role", role);
        p.put("userID", userId);
        p.put("createTime", createTime == null ? "0" : createTime);
        HttpRequest request = HttpRequest.newBuilder(URI.create(moodle.url("join", p))).timeout(BOUND).build();
        HttpResponse<String> atGateway = sendOrCutOff(request);
        if (balancerError(atGateway)) {
            // The user clicks "join" again.
            record(lesson, "join", false, atGateway, false);
            atGateway = send(request);
        }
        String location = atGateway.headers().firstValue("Location").orElse("");
        boolean redirected = atGateway.statusCode() == 302 && location.startsWith(sim.apiUrl() + "join?");
        boolean joined = redirected && moodle.get(location).statusCode() == 302;
        record(lesson, "join", false, atGateway, joined);
    }

    /** BigBlueButton's analytics callback for a lesson, posted to its (sealed) callback URL on the given base. */
    void analytics(int lesson, String base) {
        String backendId = "moodle-" + meetingId(lesson);
        SimulatedMeeting meeting = sim.meeting(backendId).orElseThrow();
        String url = direct(meeting.metadata().get("analytics-callback-url"), base);
        String body = "{\"meeting_id\":\"" + backendId + "\",\"internal_meeting_id\":\"" + meeting.internalMeetingId()
                + "\",\"data\":{\"duration\":" + (600 + lesson) + ",\"attendees\":[{\"ext_user_id\":\"st-x\",\"name\":\"Kim Y.\"}]}}";
        analyticsSent.put(lesson, body.replace(backendId, meetingId(lesson)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(BOUND)
                .header("Authorization", CallbackSigner.analyticsAuthorization(sim.secret(), backendId, Instant.now().plus(Duration.ofHours(24))))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = sendOrCutOff(request);
        if (balancerError(r)) {
            // Cut off inside a killed instance: the balancer cannot know whether Moodle got it. A sender that
            // repeats makes delivery at least once.
            record(lesson, "analytics", false, r, false);
            r = send(request);
        }
        outcomes.add(new Outcome(lesson, "analytics", false, r.statusCode(), r.statusCode() == 202, ""));
    }

    /** Moodle's recordings task: getRecordings, then publish and update as the teacher does. */
    void recordings(int lesson) {
        SimulatedRecording rec = sim.recordings().stream().filter(x -> x.meetingId().equals("moodle-" + meetingId(lesson))).findFirst()
                .orElseThrow(() -> new AssertionError("no recording of lesson " + lesson));
        HttpResponse<String> r = api("getRecordings", ordered("meetingID", meetingId(lesson), "state", "any"));
        record(lesson, "getRecordings", true, r, success(r) && rec.recordId().equals(el(r.body(), "recordID")));
        r = api("publishRecordings", ordered("recordID", rec.recordId(), "publish", "false"));
        record(lesson, "publishRecordings", true, r, success(r) && "false".equals(el(r.body(), "published")));
        r = api("updateRecordings", ordered("recordID", rec.recordId(), "protect", "true"));
        record(lesson, "updateRecordings", true, r, success(r) && "true".equals(el(r.body(), "updated")));
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    HttpResponse<String> api(String call, Map<String, String> params) {
        return moodle.call(call, params);
    }

    HttpResponse<String> send(HttpRequest request) {
        return moodle.send(request);
    }

    /** Sends a call the balancer may not repeat; null when the balancer closed the connection without an answer. */
    HttpResponse<String> sendOrCutOff(HttpRequest request) {
        try {
            return moodle.send(request);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    static boolean success(HttpResponse<String> r) {
        return r.statusCode() == 200 && "SUCCESS".equals(el(r.body(), "returncode"));
    }

    /** HAProxy's own error answers: a closed connection or 502 (cut off), 503 (no instance), 504 (timeout). */
    boolean balancerError(HttpResponse<String> r) {
        boolean b = r == null || r.statusCode() == 502 || r.statusCode() == 503 && !r.body().contains("<returncode>")
                || r.statusCode() == 504;
        if (b) {
            balancerErrorsThenRepeated.incrementAndGet();
        }
        return b;
    }

    void record(int lesson, String call, boolean repeatable, HttpResponse<String> r, boolean ok) {
        if (r == null) {
            outcomes.add(new Outcome(lesson, call, repeatable, CUT_OFF, false, "closed without an answer"));
            return;
        }
        String detail = ok ? "" : r.statusCode() + " " + Secrets.mask(r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        outcomes.add(new Outcome(lesson, call, repeatable, r.statusCode(), ok, detail));
    }

    // ---- What Moodle received ------------------------------------------------------------------

    void assertCallbacksExactlyOnce(boolean analyticsMayRepeat) {
        RecordingReadyVerifier readyVerifier = RecordingReadyVerifier.builder().secrets(MOODLE_SECRET).build();
        AnalyticsCallbackVerifier analyticsVerifier = AnalyticsCallbackVerifier.builder().secrets(MOODLE_SECRET).build();
        Map<Integer, List<RecordingReady>> ready = new HashMap<>();
        Map<Integer, List<String>> events = new HashMap<>();
        for (FakeMoodle.Received r : moodle.received) {
            int lesson = Integer.parseInt(r.path.replaceAll(".*bigbluebuttonbn=(\\d+)$", "$1")) - 100;
            if (r.path.contains("action=recording_ready")) {
                ready.computeIfAbsent(lesson, k -> new ArrayList<>()).add(readyVerifier.verifyFormBody(r.body));
            } else {
                AnalyticsCallback verified = analyticsVerifier.verify(r.authorization, r.body);
                events.computeIfAbsent(lesson, k -> new ArrayList<>()).add(verified.bodyJson());
            }
        }
        for (int lesson = 0; lesson < LESSONS; lesson++) {
            int i = lesson;
            String backendId = "moodle-" + meetingId(i);
            String recordId = sim.recordings().stream().filter(x -> x.meetingId().equals(backendId)).findFirst().orElseThrow().recordId();
            assertThat(ready.get(i)).as("recording-ready callbacks of lesson %d", i).hasSize(1);
            assertThat(ready.get(i).get(0).meetingId()).isEqualTo(meetingId(i));
            assertThat(ready.get(i).get(0).recordId()).isEqualTo(recordId);
            List<String> got = events.get(i);
            assertThat(got).as("analytics callbacks of lesson %d", i).isNotEmpty();
            if (!analyticsMayRepeat) {
                assertThat(got).as("analytics callbacks of lesson %d", i).hasSize(1);
            }
            assertThat(got).as("analytics of lesson %d, as BigBlueButton sent it with Moodle's meeting ID", i)
                    .allSatisfy(body -> assertThat(body).isEqualTo(analyticsSent.get(i)));
        }
        assertThat(moodle.received).as("nothing else reached Moodle").hasSize(ready.values().stream().mapToInt(List::size).sum()
                + events.values().stream().mapToInt(List::size).sum());
        List<CallbackDelivery> deliveries = sim.callbackDeliveries().stream().filter(d -> d.kind().equals("recording-ready")).toList();
        assertThat(deliveries).as("the simulator's recording-ready POSTs").hasSize(LESSONS)
                .allSatisfy(d -> assertThat(d.status()).as("answer to %s", d.kind()).isEqualTo(202));
    }

    /** HAProxy's statistics page (CSV), a test-only addition beside the operator's configuration. */
    static final class StatsPage {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String url;

        StatsPage(String url) {
            this.url = url;
        }

        /** Server name (and BACKEND) → column → value, for the backend {@code bbb_gateways}. */
        Map<String, Map<String, Long>> servers() {
            String csv;
            try {
                csv = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String[] lines = csv.split("\n");
            String[] header = lines[0].replaceFirst("^# ", "").split(",", -1);
            Map<String, Map<String, Long>> out = new HashMap<>();
            for (int l = 1; l < lines.length; l++) {
                String[] cells = lines[l].split(",", -1);
                if (!cells[0].equals("bbb_gateways")) {
                    continue;
                }
                Map<String, Long> row = new HashMap<>();
                for (int c = 0; c < header.length && c < cells.length; c++) {
                    if (cells[c].matches("\\d+")) {
                        row.put(header[c], Long.parseLong(cells[c]));
                    }
                }
                out.put(cells[1], row);
            }
            return out;
        }

        @Override
        public String toString() {
            return out();
        }

        private String out() {
            return servers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().get("stot")).collect(Collectors.joining(", "));
        }
    }
}
