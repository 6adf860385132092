// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
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
import de.hessen.schulportal.bbb.testsupport.EndToEnd;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>What it proves: across a graceful stop every call succeeds; across a kill at most the one call
 * each Moodle thread had in flight is cut off (the balancer cannot or may not repeat it, see the
 * README) and its repeat succeeds, while every later call is carried by the other instance; every
 * recording-ready and analytics callback reaches Moodle, verified with Moodle's secret and carrying
 * what BigBlueButton sent; callbacks sealed by one instance are opened by the other (the gateway
 * keeps no state); both instances served traffic (HAProxy's own per-server counters).
 */
@EndToEnd
class HighAvailabilityTest {
    static final String MOODLE_SECRET = Secrets.forbid("m00dle-ha-5ecret-0123456789abcdef0123456");
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final int LESSONS = 12;
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
    final Map<Integer, String> analyticsSent = new ConcurrentHashMap<>();

    final Map<Integer, String> createTimes = new ConcurrentHashMap<>();
    /** Open once instance A is completely gone: a person's repeat comes seconds later, not while a process dies. */
    final CountDownLatch stopped = new CountDownLatch(1);

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
        assertCallbacksExactlyOnce(false);
    }

    @Test
    @Timeout(120)
    void abruptKill_midRun_onlyCallsInFlightAreCutOff_theirRepeatsSucceed_andNoCallbackIsLost() throws Exception {
        start(true);
        run(() -> childA.kill());

        // What the kill cuts off is what each Moodle thread had in flight while A died: at most one call each, as
        // a thread repeats a cut-off call only once A is gone.
        // The balancer repeats a repeatable one on B when A's connection closed cleanly (the request had been
        // read); a join, end or callback it never repeats, and neither anything whose connection was reset (the
        // request not yet read, or still in A's accept queue: HAProxy's http_wait_for_response retries no read
        // error). Those get the balancer's 502, or on a kept-alive client connection a close without an answer
        // ("abort_keep_alive"); the caller's one repeat succeeds. Every later call meets a refused connection,
        // which the balancer retries on B: without that retry dozens of calls would fail here.
        List<Outcome> cutOff = outcomes.stream().filter(o -> !o.ok()).toList();
        assertThat(cutOff).as("calls the kill cut off").hasSizeLessThanOrEqualTo(MOODLE_THREADS)
                .allSatisfy(o -> assertThat(o.status()).as("%s", o).isIn(502, CUT_OFF));
        assertThat(outcomes.stream().filter(o -> o.call().endsWith("(repeated)"))).as("repeats").hasSameSizeAs(cutOff)
                .allSatisfy(o -> assertThat(o.ok()).as("%s", o).isTrue());
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
            // Its JVM starts while B starts here.
            childA = ChildGateway.launch(dir, KEY, publicUrl, MOODLE_SECRET, sim.baseUrl(), sim.secret());
        } else {
            gatewayA = startGateway(publicUrl);
        }
        gatewayB = startGateway(publicUrl);
        urlA = instanceAInItsOwnJvm ? childA.awaitListening().url().toString() : gatewayA.url().toString();
        urlB = gatewayB.url().toString();
        int statsPort = Haproxy.freePort();
        lb = Haproxy.start(dir, lbPort, statsPort, URI.create(urlA).getPort(), gatewayB.port());
        stats = new StatsPage("http://127.0.0.1:" + statsPort + "/stats;csv");
        moodle = new FakeMoodle(lb.url(), MOODLE_SECRET);
    }

    Gateway startGateway(String publicUrl) {
        return Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0).publicUrl(URI.create(publicUrl))
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
        int lessons = LESSONS - 2;
        // The second half starts only once the answers are slow, so calls are surely running when A stops.
        int secondHalf = 2 + lessons / 2;
        CountDownLatch slowed = new CountDownLatch(1);
        for (int t = 0; t < MOODLE_THREADS; t++) {
            moodles.submit(() -> {
                for (int i = next.getAndIncrement(); i < LESSONS; i = next.getAndIncrement()) {
                    try {
                        if (i >= secondHalf) {
                            assertThat(slowed.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the second half began").isTrue();
                        }
                        create(i, lb.url());
                        lesson(i, true);
                    } catch (RuntimeException | AssertionError | InterruptedException e) {
                        outcomes.add(new Outcome(i, "lesson", true, 0, false, e.toString()));
                    }
                    done.incrementAndGet();
                }
            });
        }
        moodles.shutdown();
        awaitTrue("a quarter of the lessons", () -> done.get() >= lessons / 4);
        // Recordings of the lessons ended so far: their callbacks flow through the balancer while the run goes on.
        sim.clock().advance(Duration.ofMinutes(2));
        if (childA != null) {
            // BigBlueButton's recording-ready script (post_publish_recording_ready_callback.rb) never repeats a
            // POST, so one cut off by the kill would be lost: the README says so; here the kill comes after these.
            assertThat(sim.awaitCallbacks(BOUND)).isTrue();
        }
        awaitTrue("the first half of the lessons", () -> done.get() >= secondHalf - 2);
        // Slow answers, then the stop once HAProxy counts calls in flight on A: the stop cuts into them.
        sim.faults().latency(Duration.ofMillis(400));
        slowed.countDown();
        Map<String, Map<String, Long>> beforeStop = awaitCallsInFlightOnA();
        stopA.run();
        stopped.countDown();
        sim.faults().latency(Duration.ofMillis(25));
        assertThat(moodles.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)).as("lessons finished").isTrue();

        // After the stop: CROSS_A ends through the balancer (B); every remaining recording is processed.
        endLesson(CROSS_A);
        sim.clock().advance(Duration.ofMinutes(2));
        assertThat(sim.awaitCallbacks(BOUND)).isTrue();
        // The simulator, like BigBlueButton, posts each analytics callback once and never repeats it. One the
        // kill cut off is posted again here, as a sender that repeats would.
        for (CallbackDelivery d : sim.callbackDeliveries()) {
            if (d.kind().equals("analytics") && d.status() != 202) {
                String body = d.body().orElseThrow();
                String backendId = body.replaceAll("(?s).*\"meeting_id\":\"([^\"]*)\".*", "$1");
                exchange(-1, "analytics (the sender's repeat)", false, HttpRequest.newBuilder(URI.create(d.url())).timeout(BOUND)
                        .header("Authorization", CallbackSigner.analyticsAuthorization(sim.secret(), backendId,
                                Instant.now().plus(Duration.ofHours(24))))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        x -> x.statusCode() == 202);
            }
        }
        ExecutorService tasks = Executors.newFixedThreadPool(MOODLE_THREADS);
        for (int i = 0; i < LESSONS; i++) {
            int lesson = i;
            tasks.submit(() -> {
                try {
                    recordings(lesson);
                } catch (RuntimeException | AssertionError e) {
                    outcomes.add(new Outcome(lesson, "recordings", true, 0, false, e.toString()));
                }
            });
        }
        tasks.shutdown();
        assertThat(tasks.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)).as("recordings task finished").isTrue();
        Map<String, Map<String, Long>> afterRun = stats.servers();

        // Both instances served Moodle's calls (HAProxy's count of requests it sent to each).
        assertThat(beforeStop.get("gw1").get("stot")).as("requests instance A served before the stop").isGreaterThan(10);
        assertThat(beforeStop.get("gw2").get("stot")).as("requests instance B served before the stop").isGreaterThan(10);
        assertThat(afterRun.get("gw2").get("stot")).as("B carried the rest").isGreaterThan(beforeStop.get("gw2").get("stot"));
        System.out.printf("HighAvailabilityTest: %d calls, A served %d, B served %d; balancer retries %d, redispatches %d;"
                + " calls in flight on A at the stop %d, cut off (then repeated by the caller) %d%n", outcomes.size(), afterRun.get("gw1").get("stot"),
                afterRun.get("gw2").get("stot"), afterRun.get("BACKEND").get("wretr"), afterRun.get("BACKEND").get("wredis"),
                beforeStop.get("gw1").get("scur"), outcomes.stream().filter(o -> !o.ok()).count());
    }

    /** HAProxy's counters once they show a call in flight on instance A (gw1). */
    Map<String, Map<String, Long>> awaitCallsInFlightOnA() {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Map<String, Map<String, Long>> counters = stats.servers();
        while (counters.get("gw1").getOrDefault("scur", 0L) == 0) {
            assertThat(System.nanoTime()).as("waited %s for calls in flight on instance A", BOUND).isLessThan(deadline);
            Haproxy.pause();
            counters = stats.servers();
        }
        return counters;
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(direct(moodle.url("create", p), base))).timeout(BOUND)
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<modules><module "
                        + "name=\"presentation\"><document url=\"" + moodle.wwwroot() + "/pluginfile.php/27/mod_bigbluebuttonbn/presentation/0/folien.pdf"
                        + "?token=f1le70ken9a8b7c6\" filename=\"folien.pdf\"/>"
                        + "</module></modules>")).build();
        // A repeated create answers the meeting that exists (duplicateWarning), so the check is the same.
        HttpResponse<String> r = exchange(lesson, "create", true, request,
                x -> success(x) && meetingId(lesson).equals(el(x.body(), "meetingID")));
        createTimes.put(lesson, String.valueOf(el(r.body(), "createTime")));
    }

    /** getMeetingInfo, the teacher's and a pupil's join through the browser, polling; then end unless told not to. */
    void lesson(int lesson, boolean end) {
        HttpResponse<String> info = exchange(lesson, "getMeetingInfo", true, get("getMeetingInfo", "meetingID", meetingId(lesson)),
                x -> success(x) && createTimes.get(lesson).equals(el(x.body(), "createTime")));
        String createTime = el(info.body(), "createTime");
        browserJoins(lesson, "Petra Schmidt", "MODERATOR", "7", createTime);
        browserJoins(lesson, "Kim Yilmaz", "VIEWER", "1234", createTime);
        exchange(lesson, "getMeetingInfo", true, get("getMeetingInfo", "meetingID", meetingId(lesson)),
                x -> success(x) && "2".equals(el(x.body(), "participantCount")));
        exchange(lesson, "isMeetingRunning", true, get("isMeetingRunning", "meetingID", meetingId(lesson)),
                x -> success(x) && "true".equals(el(x.body(), "running")));
        if (end) {
            endLesson(lesson);
        }
    }

    void endLesson(int lesson) {
        // A repeat after a cut-off end that did reach BigBlueButton finds the meeting gone: notFound.
        boolean[] repeated = {false};
        exchange(lesson, "end", false, get("end", "meetingID", meetingId(lesson), "password", "mP4ssw0rd456"),
                x -> success(x) && "sentEndMeetingRequest".equals(el(x.body(), "messageKey"))
                        || x.statusCode() == 200 && "notFound".equals(el(x.body(), "messageKey")) && repeated[0],
                () -> repeated[0] = true);
    }

    void browserJoins(int lesson, String fullName, String role, String userId, String createTime) {
        HttpResponse<String> atGateway = exchange(lesson, "join", false, get("join", "meetingID", meetingId(lesson),
                "fullName", fullName, "password", role.equals("MODERATOR") ? "mP4ssw0rd456" : "aP4ssw0rd123", "role", role,
                "userID", userId, "createTime", createTime),
                x -> x.statusCode() == 302 && x.headers().firstValue("Location").orElse("")
                        .startsWith(sim.baseUrl().replace("/bigbluebutton/", "/html5client/join?sessionToken=")));
        // The browser follows the redirect to the backend's session URL: the gateway joined on the server.
        HttpResponse<String> atBackend = moodle.get(atGateway.headers().firstValue("Location").orElseThrow());
        outcomes.add(new Outcome(lesson, "join at the backend", false, atBackend.statusCode(), atBackend.statusCode() == 200, ""));
    }

    /**
     * An analytics callback as BigBlueButton posts it, to the lesson's sealed callback URL on the given base (an
     * instance directly); the simulator posts its own through the balancer when a lesson ends.
     */
    void analytics(int lesson, String base) {
        String backendId = "moodle-" + meetingId(lesson);
        SimulatedMeeting meeting = sim.meeting(backendId).orElseThrow();
        String url = direct(meeting.metadata().get("analytics-callback-url"), base);
        String body = "{\"meeting_id\":\"" + backendId + "\",\"internal_meeting_id\":\"" + meeting.internalMeetingId()
                + "\",\"data\":{\"duration\":" + (600 + lesson) + ",\"attendees\":[]}}";
        analyticsSent.put(lesson, body.replace(backendId, meetingId(lesson)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(BOUND)
                .header("Authorization", CallbackSigner.analyticsAuthorization(sim.secret(), backendId, Instant.now().plus(Duration.ofHours(24))))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // Cut off inside a killed instance, the balancer cannot know whether Moodle got it: a sender that repeats
        // makes delivery at least once.
        exchange(lesson, "analytics", false, request, x -> x.statusCode() == 202);
    }

    /** Moodle's recordings task: getRecordings, then publish and update as the teacher does. */
    void recordings(int lesson) {
        SimulatedRecording rec = sim.recordings().stream().filter(x -> x.meetingId().equals("moodle-" + meetingId(lesson))).findFirst()
                .orElseThrow(() -> new AssertionError("no recording of lesson " + lesson));
        exchange(lesson, "getRecordings", true, get("getRecordings", "meetingID", meetingId(lesson), "state", "any"),
                x -> success(x) && rec.recordId().equals(el(x.body(), "recordID")));
        exchange(lesson, "publishRecordings", true, get("publishRecordings", "recordID", rec.recordId(), "publish", "false"),
                x -> success(x) && "false".equals(el(x.body(), "published")));
        exchange(lesson, "updateRecordings", true, get("updateRecordings", "recordID", rec.recordId(), "protect", "true"),
                x -> success(x) && "true".equals(el(x.body(), "updated")));
    }

    /** Moodle's signed GET through the balancer, parameters in the order given. */
    HttpRequest get(String call, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return HttpRequest.newBuilder(URI.create(moodle.url(call, m))).timeout(BOUND).build();
    }

    HttpResponse<String> exchange(int lesson, String call, boolean repeatable, HttpRequest request,
            Predicate<HttpResponse<String>> ok) {
        return exchange(lesson, call, repeatable, request, ok, () -> { });
    }

    /**
     * One call; when the balancer answers for a cut-off instance (502, or a kept-alive connection closed without
     * an answer), the caller repeats it once, as Moodle's user clicks again or its next poll asks again, once the
     * instance is gone. Both attempts are recorded.
     */
    HttpResponse<String> exchange(int lesson, String call, boolean repeatable, HttpRequest request,
            Predicate<HttpResponse<String>> ok, Runnable beforeRepeat) {
        HttpResponse<String> r;
        try {
            r = moodle.send(request);
        } catch (UncheckedIOException e) {
            r = null;
        }
        if (r == null || r.statusCode() == 502) {
            outcomes.add(new Outcome(lesson, call, repeatable, r == null ? CUT_OFF : 502, false,
                    r == null ? "closed without an answer" : "the balancer's 502"));
            try {
                assertThat(stopped.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("instance A stopped").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            beforeRepeat.run();
            r = moodle.send(request);
            call = call + " (repeated)";
        }
        boolean fine = ok.test(r);
        String detail = fine ? "" : r.statusCode() + " " + Secrets.mask(r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        outcomes.add(new Outcome(lesson, call, repeatable, r.statusCode(), fine, detail));
        return r;
    }

    static boolean success(HttpResponse<String> r) {
        return r.statusCode() == 200 && "SUCCESS".equals(el(r.body(), "returncode"));
    }

    // ---- What Moodle received ------------------------------------------------------------------

    void assertCallbacksExactlyOnce(boolean analyticsMayRepeat) {
        RecordingReadyVerifier readyVerifier = RecordingReadyVerifier.builder().secrets(MOODLE_SECRET).build();
        AnalyticsCallbackVerifier analyticsVerifier = AnalyticsCallbackVerifier.builder().secrets(MOODLE_SECRET).build();
        Map<Integer, List<RecordingReady>> ready = new HashMap<>();
        Map<Integer, List<String>> events = new HashMap<>();
        List<FakeMoodle.Received> callbacks = moodle.received.stream().filter(r -> r.path.contains("/bbb_broker.php")).toList();
        for (FakeMoodle.Received r : callbacks) {
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
            // The simulator's analytics of the lesson: Moodle's meeting ID and its own user IDs back (the gateway
            // opens the pseudonyms it gave the backend), BigBlueButton's internal ID of the meeting that ran (its
            // recording's ID) unchanged.
            String internalId = recordId;
            List<String> fromBbb = events.getOrDefault(i, List.of()).stream().filter(b -> !b.equals(analyticsSent.get(i))).toList();
            if (analyticsMayRepeat) {
                assertThat(fromBbb).as("analytics callbacks of lesson %d", i).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            } else {
                assertThat(fromBbb).as("analytics callbacks of lesson %d", i).hasSize(1);
            }
            assertThat(fromBbb).allSatisfy(body -> {
                assertThat(body).contains("\"meeting_id\":\"" + meetingId(i) + "\"", "\"internal_meeting_id\":\"" + internalId + "\"");
                assertThat(Pattern.compile("\"ext_user_id\":\"([^\"]*)\"").matcher(body).results().map(r -> r.group(1)))
                        .as("attendees of lesson %d as Moodle knows them", i).containsExactlyInAnyOrder("7", "1234");
            });
        }
        // CROSS_B's own analytics callback, posted to A directly: exactly as sent, with Moodle's meeting ID.
        assertThat(events.get(CROSS_B)).as("analytics of lesson %d posted to instance A", CROSS_B).containsOnlyOnce(analyticsSent.get(CROSS_B));
        // The slides of every lesson were fetched through the balancer (the gateway's sealed slide links). After a
        // kill there may be more: a create the dead instance had sent on to the backend still arrives there
        // besides the balancer's repeat of it.
        List<CallbackDelivery> downloads = sim.callbackDeliveries().stream().filter(d -> d.kind().equals("presentation-download")).toList();
        if (analyticsMayRepeat) {
            assertThat(downloads).as("the simulator's slide downloads").hasSizeGreaterThanOrEqualTo(LESSONS);
        } else {
            assertThat(downloads).as("the simulator's slide downloads").hasSize(LESSONS);
        }
        List<CallbackDelivery> notDelivered = sim.callbackDeliveries().stream()
                .filter(d -> d.status() != (d.kind().equals("presentation-download") ? 200 : 202)).toList();
        if (analyticsMayRepeat) {
            // The simulator sends (and downloads) one at a time, but without waiting for A to be gone: what it sent
            // while A died was cut off (each analytics one was posted again above).
            assertThat(notDelivered).as("callbacks cut off by the kill")
                    .allSatisfy(d -> assertThat(d.kind()).isIn("analytics", "presentation-download"));
        } else {
            assertThat(notDelivered).as("callbacks not delivered across a graceful stop").isEmpty();
        }
        assertThat(callbacks).as("no other callback reached Moodle").hasSize(ready.values().stream().mapToInt(List::size).sum()
                + events.values().stream().mapToInt(List::size).sum());
        assertThat(sim.callbackDeliveries().stream().filter(d -> d.kind().equals("recording-ready"))).as("the simulator's recording-ready POSTs")
                .hasSize(LESSONS).allSatisfy(d -> assertThat(d.status()).as("answer to %s", d.kind()).isEqualTo(202));
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
    }
}
