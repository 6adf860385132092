// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.extUserIds;
import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import de.hessen.schulportal.bbb.gateway.internal.Sealer;
import de.hessen.schulportal.bbb.gateway.internal.SlideRelay;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.CallbackDelivery;
import de.hessen.schulportal.bbb.testkit.CallbackSigner;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import de.hessen.schulportal.bbb.testkit.SimulatedRecording;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's rotations, each while Moodle keeps working: several threads run Moodle's call
 * sequence through the gateway to the simulator (create with callback URLs and a recording name,
 * getMeetingInfo, two joins, getMeetingInfo, end, getRecordings), and the simulator sends its
 * analytics callback at every end and its recording-ready callbacks when its clock moves on. The
 * tenants file is rewritten under the gateway's file watcher, as an operator would:
 *
 * <ol>
 *   <li>the Moodle secret: new secret with the old one as {@code previousSecret}, Moodle switches,
 *       a half-written file changes nothing, the previous secret is dropped (refused from then on);</li>
 *   <li>the tenant's keys (sealing and pseudonyms, one ring): the tenant starts on the gateway's
 *       {@code GATEWAY_PSEUDONYM_KEY} (key ID 1); a new key is added as not current (from then on
 *       this instance opens what another instance that already switched seals), made current, and
 *       the old key is retired.</li>
 * </ol>
 *
 * <p>No call fails, no callback is lost (every meeting's analytics callback and every recording's
 * recording-ready callback is accepted by the Moodle stand-in, which verifies each with the one secret
 * Moodle holds at that moment, also between the secret's steps and those sealed under the old key and sent after the
 * rotation, with Moodle's user IDs opened from pseudonyms made under the old key), links made under
 * the old key (slide, logout, callback URLs, recording names, the logout cookie) work until the key is
 * retired and are then refused cleanly (404/401, a SUCCESS without the name; never 500), and
 * retention finds recordings under both keys while both are in the ring. Waits are on conditions,
 * never on time; the only bound is "not stalled".
 */
class KeyRotationUnderLoadTest {
    private static final String OLD_SECRET = Secrets.forbid("schule-old-secret-0123456789abcdef");
    private static final String NEW_SECRET = Secrets.forbid("schule-new-secret-fedcba9876543210");
    /** The gateway's key from the environment (key ID 1). */
    private static final String KEY_1 = MoodleThroughGatewayTest.KEY;
    /** The new key, in the URL alphabet without padding, as an operator may paste it. */
    private static final String KEY_2 = "_-7dzLuqmYh3ZlVEMyIRAP_u3cy7qpmId2ZVRDMiEQA";
    private static final String TENANT = "schule";
    private static final int THREADS = 3;
    /** The key ID of a meeting whose create is still on its way. */
    private static final String IN_FLIGHT = "?";
    private static final Duration PATIENCE = Duration.ofSeconds(90);   // "not stalled", not a performance bound

    @TempDir
    Path dir;

    private BbbSimulator sim;
    private FakeMoodle moodle;
    private Path file;
    private String bbbSecret;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong calls = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger meetingNumbers = new AtomicInteger();
    /** Every meeting the load ended, by its number (which its callback URLs carry). */
    private final Map<Integer, String> ended = new ConcurrentHashMap<>();
    /** The key ID each load meeting's callback URLs were sealed with, by meeting number. */
    private final Map<Integer, String> sealedWith = new ConcurrentHashMap<>();

    @Test
    void rotatingTheMoodleSecretAndTheKeys_underMoodlesLoad_failsNoCall_losesNoCallback_andRetiresOldLinksCleanly() throws Exception {
        sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofMinutes(1)).start();
        try {
            bbbSecret = Secrets.forbid(sim.secret());
            file = dir.resolve("tenants.json");
            write(OLD_SECRET, null, null);
            Map<String, String> env = new HashMap<>();
            env.put("GATEWAY_PSEUDONYM_KEY", KEY_1);
            env.put("GATEWAY_HOST", "127.0.0.1");
            env.put("GATEWAY_PORT", "0");
            env.put("GATEWAY_TENANTS_FILE", file.toString());
            // The fake Moodle runs on 127.0.0.1: its callbacks are allowed there explicitly, as only tests do.
            env.put("GATEWAY_ALLOW_LOOPBACK_FETCH", "true");
            // The public URL is the gateway's own, so the simulator's callbacks and slide fetches reach it.
            try (Gateway gateway = Gateway.start(GatewayEnvironment.config(env, true))) {
                env.put("GATEWAY_PUBLIC_URL", gateway.url().toString());
                moodle = new FakeMoodle(gateway.url().toString(), OLD_SECRET);
                TenantsFileWatcher watcher = new TenantsFileWatcher(file, new Reloader(gateway, () -> GatewayEnvironment.config(env)));
                try {
                    rotate(gateway, env);
                } finally {
                    watcher.close();
                    moodle.close();
                }
            }
        } finally {
            sim.close();
        }
    }

    private void rotate(Gateway gateway, Map<String, String> env) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            load.add(pool.submit(this::moodleSequences));
        }
        Witness witness;
        try {
            awaitMoreCalls();

            // 1. The Moodle secret.
            write(NEW_SECRET, OLD_SECRET, null);
            await("the new secret is accepted", () -> accepts(NEW_SECRET));
            awaitMoreCalls();
            // Callbacks while Moodle still holds the old secret: it must be able to verify them.
            deliverRecordings();
            moodle.secret = NEW_SECRET;
            awaitMoreCalls();
            // Callbacks after Moodle switched, also of meetings created under the old secret.
            deliverRecordings();
            // A broken file (as an editor might leave it half-written) changes nothing.
            long refusedBefore = reloads(gateway, "refused");
            Files.writeString(file, "[{\"id\":\"" + TENANT + "\",\"secret\":", StandardCharsets.UTF_8);
            await("the gateway refused the broken file", () -> reloads(gateway, "refused") > refusedBefore);
            awaitMoreCalls();
            assertThat(accepts(OLD_SECRET)).as("a broken file keeps the running configuration").isTrue();
            write(NEW_SECRET, null, null);
            await("the old secret is refused", () -> !accepts(OLD_SECRET));
            awaitMoreCalls();

            // 2. The keys. What a meeting made under key 1 left behind: callback, slide and logout links, pseudonyms, a name.
            witness = new Witness(gateway);
            assertThat(witness.keyId).isEqualTo("1");
            String otherInstancesSlide = gateway.url() + "gateway/slides/" + new Sealer(t -> t.equals(TENANT)
                    ? KeyRing.of("2026b", Map.of("2026b", KeyRing.decodeKey("KEY_2", KEY_2))) : null)
                    .pathToken(Sealer.Purpose.SLIDE, TENANT, SlideRelay.sealedValue(witness.slideUrl, Instant.now().plus(SlideRelay.VALIDITY)));
            assertThat(moodle.get(otherInstancesSlide).statusCode()).as("a key this instance does not have yet").isEqualTo(404);

            // 2a. The new key joins the ring, not current: what an instance that already switched seals opens here too.
            write(NEW_SECRET, null, "{\"current\":\"1\",\"1\":\"" + KEY_1 + "\",\"2026b\":\"" + KEY_2 + "\"}");
            await("the new key opens", () -> moodle.get(otherInstancesSlide).statusCode() == 200);
            awaitMoreCalls();

            // 2b. The new key becomes current.
            write(NEW_SECRET, null, "{\"current\":\"2026b\",\"1\":\"" + KEY_1 + "\",\"2026b\":\"" + KEY_2 + "\"}");
            await("new meetings are sealed with the new key", () -> sealedWith.containsValue("2026b"));
            awaitMoreCalls();
            witness.worksAfterRotation(gateway);
            // Every load meeting made under key 1 has ended; its callbacks, sent from now on, are opened with key 1.
            await("the meetings sealed with key 1 have ended", () -> !failures.isEmpty() || sealedWith.entrySet().stream()
                    .allMatch(e -> !e.getValue().equals(IN_FLIGHT) && (!e.getValue().equals("1") || ended.containsKey(e.getKey()))));
            assertThat(failures).as("failed calls").isEmpty();
            deliverRecordings();
            String retention = retentionPlan(env);
            assertThat(retention).as("retention finds recordings under both keys: %s", retention)
                    .contains(pseudonym(KEY_1)).contains(pseudonym(KEY_2));
            awaitMoreCalls();

            // 2c. Key 1 is retired.
            write(NEW_SECRET, null, "{\"current\":\"2026b\",\"2026b\":\"" + KEY_2 + "\"}");
            await("key 1 is retired", () -> moodle.get(witness.slideLink).statusCode() == 404);
            awaitMoreCalls();
            witness.refusedCleanlyAfterRetirement(gateway);
            assertThat(retentionPlan(env)).as("school pseudonyms under a retired key are no longer looked for")
                    .doesNotContain(pseudonym(KEY_1)).contains(pseudonym(KEY_2));
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> f : load) {
            f.get();
        }
        assertThat(failures).as("failed calls during the rotations").isEmpty();
        deliverRecordings();

        // No callback lost: every ended meeting's analytics callback and its recording's recording-ready callback reached Moodle.
        assertThat(ended).hasSizeGreaterThanOrEqualTo(THREADS);
        assertThat(sealedWith.values()).contains("1", "2026b");
        for (Map.Entry<Integer, String> e : ended.entrySet()) {
            String number = "bigbluebuttonbn=" + e.getKey();
            List<FakeMoodle.Received> events = received("meeting_events", number);
            assertThat(events).as("analytics of meeting %s (sealed with key %s)", e.getKey(), sealedWith.get(e.getKey())).hasSize(1);
            assertThat(extUserIds(events.get(0).body)).as("Moodle's user IDs, opened from the pseudonyms")
                    .containsExactlyInAnyOrder("7", "100" + e.getKey());
            List<FakeMoodle.Received> ready = received("recording_ready", number);
            assertThat(ready).as("recording-ready of meeting %s (sealed with key %s)", e.getKey(), sealedWith.get(e.getKey())).hasSize(1);
            // Moodle verified it with the one secret it held when it arrived; the claims name Moodle's meeting.
            assertThat(claims(ready.get(0).body)).as("recording-ready claims of meeting %s", e.getKey())
                    .contains("\"meeting_id\":\"" + e.getValue() + "\"");
        }
        assertThat(moodle.refused).as("callbacks Moodle refused (a JWT its secret did not verify) that were not resent "
                + "with the secret it holds").allSatisfy(r -> assertThat(moodle.received).anyMatch(a -> a.path.equals(r.path)));
        // Moodle answers callbacks 202 and serves the slide 200; the gateway relays its answer to the simulator.
        List<CallbackDelivery> refused = sim.callbackDeliveries().stream()
                .filter(d -> d.status() != (d.kind().equals("presentation-download") ? 200 : 202)).collect(Collectors.toList());
        assertThat(refused).as("callbacks the gateway did not deliver").isEmpty();
    }

    /** One load thread: Moodle's sequence, meeting after meeting, until told to stop. */
    private void moodleSequences() {
        while (running.get()) {
            int n = meetingNumbers.incrementAndGet();
            String meetingId = "load-" + n;
            sealedWith.put(n, IN_FLIGHT);
            try {
                Map<String, String> create = ordered("meetingID", meetingId, "name", "Mathematik 7b", "record", "true",
                        "logoutURL", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=" + n,
                        "meta_bbb-recording-name", "Stunde " + n,
                        "meta_bbb-recording-ready-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready"
                                + "&bigbluebuttonbn=" + n,
                        "meta_analytics-callback-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=meeting_events"
                                + "&bigbluebuttonbn=" + n);
                String created = expectSuccess("create", create);
                sealedWith.put(n, keyId(sim.meeting(TENANT + "-" + meetingId).orElseThrow().metadata().get("analytics-callback-url")));
                expectSuccess("getMeetingInfo", ordered("meetingID", meetingId));
                expectJoin(ordered("meetingID", meetingId, "fullName", "Petra Schmidt", "role", "MODERATOR", "userID", "7",
                        "createTime", el(created, "createTime")));
                expectJoin(ordered("meetingID", meetingId, "fullName", "Kim Yilmaz", "role", "VIEWER", "userID", "100" + n,
                        "createTime", el(created, "createTime")));
                String info = expectSuccess("getMeetingInfo", ordered("meetingID", meetingId));
                if (!"2".equals(el(info, "participantCount"))) {
                    failures.add("getMeetingInfo " + meetingId + ": participantCount " + el(info, "participantCount"));
                }
                expectSuccess("end", ordered("meetingID", meetingId));
                ended.put(n, meetingId);
                expectSuccess("getRecordings", ordered("meetingID", meetingId, "state", "any"));
            } catch (RuntimeException e) {
                failures.add(meetingId + ": " + e);
            }
        }
    }

    private String expectSuccess(String call, Map<String, String> params) {
        String secret = moodle.secret;
        HttpResponse<String> r = moodle.call(call, params);
        calls.incrementAndGet();
        if (r.statusCode() != 200 || !"SUCCESS".equals(el(r.body(), "returncode"))) {
            failures.add(call + " (" + (secret.equals(OLD_SECRET) ? "old" : "new") + " secret): " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private void expectJoin(Map<String, String> params) {
        HttpResponse<String> r = moodle.call("join", params);
        calls.incrementAndGet();
        if (r.statusCode() != 302) {
            failures.add("join: " + r.statusCode() + " " + r.body());
        }
    }

    private boolean accepts(String secret) {
        String url = moodle.url("getMeetingInfo", ordered("meetingID", "nothing"));
        String signedWith = url.substring(0, url.lastIndexOf("checksum=")) + "checksum="
                + FakeMoodle.sha256Hex("getMeetingInfo" + "meetingID=nothing" + secret);
        return !"checksumError".equals(el(moodle.get(signedWith).body(), "messageKey"));
    }

    /** {@code bbb_gateway_reloads_total{outcome}} from the management port's {@code /metrics}. */
    private long reloads(Gateway gateway, String outcome) {
        String metrics = moodle.get(gateway.managementUrl() + "metrics").body();
        String line = "bbb_gateway_reloads_total{outcome=\"" + outcome + "\"} ";
        int at = metrics.indexOf(line);
        return at < 0 ? 0 : Long.parseLong(metrics.substring(at + line.length(), metrics.indexOf('\n', at)).strip());
    }

    /** Moves the simulator's clock past the processing time and waits until it sent every callback. */
    private void deliverRecordings() throws InterruptedException {
        assertThat(sim.awaitCallbacks(PATIENCE)).isTrue();
        sim.clock().advance(Duration.ofMinutes(2));
        assertThat(sim.awaitCallbacks(PATIENCE)).isTrue();
    }

    private List<FakeMoodle.Received> received(String action, String number) {
        return moodle.received.stream().filter(r -> r.path.contains("action=" + action + "&") && r.path.endsWith(number))
                .collect(Collectors.toList());
    }

    /** {@code bbb-gateway retention --dry-run} with a period no recording reaches: the plan lists what it finds. */
    private static String retentionPlan(Map<String, String> env) {
        Map<String, String> withDays = new HashMap<>(env);
        withDays.put("GATEWAY_RETENTION_DAYS", "99999");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GatewayRetention.run(new String[] {"--dry-run"}, withDays, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The school pseudonym ({@code room-school}) of the tenant under a key, as the portal adapter computes it. */
    private static String pseudonym(String key) {
        return Pseudonyms.of(KeyRing.decodeKey("key", key)).schoolId(School.of(TENANT));
    }

    /** The claims of a recording-ready form body ({@code signed_parameters=<JWT>}), decoded without checking (Moodle checked). */
    private static String claims(String formBody) {
        String jwt = URLDecoder.decode(formBody.substring(formBody.indexOf("signed_parameters=") + 18).split("&")[0], StandardCharsets.UTF_8);
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The key ID a sealed path token ({@code …/<tenant>.<token>}) carries: its first byte is the ID's length. */
    private static String keyId(String url) {
        byte[] raw = Base64.getUrlDecoder().decode(url.substring(url.lastIndexOf('.') + 1));
        return new String(raw, 1, raw[0], StandardCharsets.US_ASCII);
    }

    /** A meeting made under key 1, kept running across the rotation, and what it left behind. */
    private final class Witness {
        final String meetingId = "witness-1";
        final String slideUrl = moodle.wwwroot() + "/pluginfile.php/27/mod_bigbluebuttonbn/presentation/0/folien.pdf?token=f1le70ken";
        final String logoutUrl = moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=witness";
        final String keyId;
        final String slideLink;
        final String analyticsLink;
        final String recordingReadyLink;
        final String logoutLink;
        final String logoutCookie;
        final String internalMeetingId;
        final String kimPseudonym;
        String recordId;

        Witness(Gateway gateway) throws InterruptedException {
            Map<String, String> create = ordered("meetingID", meetingId, "name", "Zeugnis", "record", "true", "logoutURL", logoutUrl,
                    "meta_bbb-recording-name", "Bruchrechnung vor der Rotation",
                    "meta_bbb-recording-ready-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready"
                            + "&bigbluebuttonbn=witness",
                    "meta_analytics-callback-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=meeting_events"
                            + "&bigbluebuttonbn=witness");
            HttpResponse<String> created = moodle.createWithPresentation(create, "<modules><module name=\"presentation\"><document url=\""
                    + slideUrl.replace("&", "&amp;") + "\" filename=\"folien.pdf\"/></module></modules>");
            assertThat(el(created.body(), "returncode")).as(created.body()).isEqualTo("SUCCESS");
            SimulatedMeeting meeting = sim.meeting(TENANT + "-" + meetingId).orElseThrow();
            internalMeetingId = meeting.internalMeetingId();
            slideLink = meeting.documents().get(0).url().orElseThrow();
            analyticsLink = meeting.metadata().get("analytics-callback-url");
            recordingReadyLink = meeting.metadata().get("bbb-recording-ready-url");
            keyId = keyId(analyticsLink);
            assertThat(sim.awaitCallbacks(PATIENCE)).isTrue();
            HttpResponse<String> joined = moodle.call("join", ordered("meetingID", meetingId, "fullName", "Kim Yilmaz", "role", "VIEWER",
                    "userID", "1234", "logoutURL", logoutUrl, "createTime", el(created.body(), "createTime")));
            assertThat(joined.statusCode()).isEqualTo(302);
            String setCookie = joined.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("/gateway/logout/"))
                    .findFirst().orElseThrow(() -> new AssertionError("no logout cookie"));
            logoutCookie = setCookie.substring(0, setCookie.indexOf(';'));
            String path = setCookie.substring(setCookie.indexOf("Path=") + 5).split(";")[0];
            logoutLink = gateway.url().resolve(path).toString();
            kimPseudonym = sim.meeting(TENANT + "-" + meetingId).orElseThrow().attendees().get(0).userId();
            assertThat(keyId(logoutLink)).isEqualTo(keyId);
        }

        /** After the rotation, with key 1 still in the ring: everything it made still works. */
        void worksAfterRotation(Gateway gateway) throws InterruptedException {
            assertThat(moodle.get(slideLink).statusCode()).as("slide link").isEqualTo(200);
            HttpResponse<String> logout = moodle.send(HttpRequest.newBuilder(URI.create(logoutLink)).header("Cookie", logoutCookie).build());
            assertThat(logout.statusCode()).as("logout link with the cookie set under key 1").isEqualTo(302);
            assertThat(logout.headers().firstValue("Location")).contains(logoutUrl);
            // The meeting ends now: the simulator's analytics callback goes to the URL sealed under key 1.
            assertThat(sim.end(TENANT + "-" + meetingId)).isTrue();
            assertThat(sim.awaitCallbacks(PATIENCE)).isTrue();
            List<FakeMoodle.Received> events = received("meeting_events", "bigbluebuttonbn=witness");
            assertThat(events).hasSize(1);
            assertThat(extUserIds(events.get(0).body)).containsExactly("1234");
            sim.clock().advance(Duration.ofMinutes(2));
            assertThat(sim.awaitCallbacks(PATIENCE)).isTrue();
            assertThat(received("recording_ready", "bigbluebuttonbn=witness")).hasSize(1);
            SimulatedRecording recording = sim.recordings().stream().filter(r -> r.meetingId().equals(TENANT + "-" + meetingId))
                    .findFirst().orElseThrow();
            recordId = recording.recordId();
            String listed = moodle.call("getRecordings", ordered("recordID", recordId)).body();
            assertThat(el(listed, "bbb-recording-name")).as(listed).isEqualTo("Bruchrechnung vor der Rotation");
            assertThat(keyId(gateway.url() + "x." + recording.metadata().get("bbb-recording-name").substring("sealed:".length())))
                    .isEqualTo("1");
        }

        /** After key 1 is retired: what it made is refused, cleanly. */
        void refusedCleanlyAfterRetirement(Gateway gateway) {
            assertThat(moodle.get(slideLink).statusCode()).as("slide link").isEqualTo(404);
            assertThat(moodle.send(HttpRequest.newBuilder(URI.create(logoutLink)).header("Cookie", logoutCookie).build()).statusCode())
                    .as("logout link").isEqualTo(404);
            HttpResponse<String> ready = moodle.send(HttpRequest.newBuilder(URI.create(recordingReadyLink))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(CallbackSigner.recordingReadyFormBody(bbbSecret,
                            TENANT + "-" + meetingId, recordId))).build());
            assertThat(ready.statusCode()).as("recording-ready link").isEqualTo(401);
            HttpResponse<String> analytics = moodle.send(HttpRequest.newBuilder(URI.create(analyticsLink))
                    .header("Authorization", CallbackSigner.analyticsAuthorization(bbbSecret, TENANT + "-" + meetingId,
                            Instant.now().plus(Duration.ofHours(1))))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"meeting_id\":\"" + TENANT + "-" + meetingId + "\",\"internal_meeting_id\":\""
                            + internalMeetingId + "\",\"data\":{\"attendees\":[{\"ext_user_id\":\"" + kimPseudonym + "\"}]}}")).build());
            assertThat(analytics.statusCode()).as("analytics link").isEqualTo(401);
            assertThat(received("recording_ready", "bigbluebuttonbn=witness")).as("nothing more reached Moodle").hasSize(1);
            assertThat(received("meeting_events", "bigbluebuttonbn=witness")).hasSize(1);
            String listed = moodle.call("getRecordings", ordered("recordID", recordId)).body();
            assertThat(el(listed, "returncode")).as(listed).isEqualTo("SUCCESS");
            assertThat(el(listed, "recordID")).isEqualTo(recordId);
            assertThat(listed).as("a name sealed under a retired key is left out, never shown sealed")
                    .doesNotContain("Bruchrechnung", "sealed:");
        }
    }

    private void awaitMoreCalls() throws InterruptedException {
        long target = calls.get() + 20;
        await("20 more calls", () -> calls.get() >= target || !failures.isEmpty());
        assertThat(failures).as("failed calls").isEmpty();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** As an operator should: write next to the file, then rename over it (one change, never half a file). */
    private void write(String secret, String previous, String keys) throws Exception {
        String json = "[{\"id\":\"" + TENANT + "\",\"secret\":\"" + secret + "\""
                + (previous == null ? "" : ",\"previousSecret\":\"" + previous + "\"")
                + ",\"bbbUrl\":\"" + sim.baseUrl() + "\",\"bbbSecret\":\"" + bbbSecret + "\""
                + (keys == null ? "" : ",\"keys\":" + keys) + "}]";
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
