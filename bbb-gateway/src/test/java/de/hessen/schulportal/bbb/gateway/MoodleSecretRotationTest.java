// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A school changes its Moodle secret while Moodle keeps calling: the tenants file is rewritten
 * (new secret plus the old one as {@code previousSecret}), Moodle switches to the new secret, a
 * broken file is written in between, and finally the old secret is dropped. The gateway picks up
 * each change through its file watcher while signed calls run concurrently; no call fails, and at
 * the end the old secret no longer opens anything.
 *
 * <p>The calls are signed here as Moodle does it ({@code sha256(call + query + secret)}), not by
 * the gateway's code.
 */
class MoodleSecretRotationTest {
    private static final String OLD = Secrets.forbid("schule-old-secret-0123456789abcdef");
    private static final String NEW = Secrets.forbid("schule-new-secret-fedcba9876543210");
    private static final int THREADS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(60);   // "not stalled", not a performance bound

    @TempDir
    Path dir;

    @Test
    void rotatingTheMoodleSecret_underLoad_failsNoCall() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start()) {
            String bbbSecret = Secrets.forbid(sim.secret());
            Path file = dir.resolve("tenants.json");
            write(file, tenant(OLD, null, sim.baseUrl(), bbbSecret));
            Map<String, String> env = new HashMap<>();
            env.put("GATEWAY_PSEUDONYM_KEY", MoodleThroughGatewayTest.KEY);
            env.put("GATEWAY_PUBLIC_URL", "http://127.0.0.1:9/");
            env.put("GATEWAY_HOST", "127.0.0.1");
            env.put("GATEWAY_PORT", "0");
            env.put("GATEWAY_TENANTS_FILE", file.toString());
            try (Gateway gateway = Gateway.start(GatewayEnvironment.config(env))) {
                TenantsFileWatcher watcher = new TenantsFileWatcher(file, new Reloader(gateway, () -> GatewayEnvironment.config(env)));
                try {
                    rotate(gateway, file, sim.baseUrl(), bbbSecret);
                } finally {
                    watcher.close();
                }
            }
        }
    }

    private void rotate(Gateway gateway, Path file, String bbbUrl, String bbbSecret) throws Exception {
        Moodle moodle = new Moodle(gateway.url() + "bigbluebutton/api/", OLD);
        assertThat(moodle.call("create", "meetingID=rot-1&name=Raum")).contains("<returncode>SUCCESS</returncode>");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> load = new java.util.ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            load.add(pool.submit(() -> {
                while (running.get()) {
                    String secret = moodle.secret;
                    try {
                        String answer = moodle.call(secret, "getMeetingInfo", "meetingID=rot-1");
                        if (!answer.contains("<returncode>SUCCESS</returncode>")) {
                            failures.add((secret.equals(OLD) ? "old" : "new") + " secret: " + answer);
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    calls.incrementAndGet();
                }
            }));
        }
        try {
            awaitMoreCalls(calls, failures);
            // 1. The operator adds the new secret and keeps the old one as previous.
            write(file, tenant(NEW, OLD, bbbUrl, bbbSecret));
            await("the new secret is accepted", () -> moodle.accepts(NEW));
            awaitMoreCalls(calls, failures);
            // 2. The school changes Moodle's secret.
            moodle.secret = NEW;
            awaitMoreCalls(calls, failures);
            // 3. A broken file (as an editor might leave it half-written) changes nothing.
            Files.writeString(file, "[{\"id\":\"schule\",\"secret\":", StandardCharsets.UTF_8);
            awaitMoreCalls(calls, failures);
            assertThat(moodle.accepts(OLD)).as("a broken file keeps the running configuration").isTrue();
            // 4. The old secret is retired.
            write(file, tenant(NEW, null, bbbUrl, bbbSecret));
            await("the old secret is refused", () -> !moodle.accepts(OLD));
            awaitMoreCalls(calls, failures);
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> f : load) {
            f.get();
        }
        assertThat(failures).as("failed calls during the rotation").isEmpty();
        assertThat(calls.get()).as("calls made during the rotation").isGreaterThanOrEqualTo(5L * 20);
        assertThat(moodle.call(OLD, "getMeetingInfo", "meetingID=rot-1")).contains("<messageKey>checksumError</messageKey>");
        assertThat(moodle.call(NEW, "getMeetingInfo", "meetingID=rot-1")).contains("<returncode>SUCCESS</returncode>");
    }

    /** Waits until the load threads made 20 more calls, so every step overlaps with calls in flight. */
    private static void awaitMoreCalls(AtomicLong calls, ConcurrentLinkedQueue<String> failures) throws InterruptedException {
        long target = calls.get() + 20;
        await("20 more calls", () -> calls.get() >= target || !failures.isEmpty());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String tenant(String secret, String previous, String bbbUrl, String bbbSecret) {
        return "[{\"id\":\"schule\",\"secret\":\"" + secret + "\"" + (previous == null ? "" : ",\"previousSecret\":\"" + previous + "\"")
                + ",\"bbbUrl\":\"" + bbbUrl + "\",\"bbbSecret\":\"" + bbbSecret + "\"}]";
    }

    /** As an operator should: write next to it, then rename over it (one change, never half a file). */
    private static void write(Path file, String json) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Moodle's side: signs {@code sha256(call + query + secret)} with the secret it is configured with. */
    private static final class Moodle {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String api;
        volatile String secret;

        Moodle(String api, String secret) {
            this.api = api;
            this.secret = secret;
        }

        String call(String call, String query) throws Exception {
            return call(secret, call, query);
        }

        String call(String withSecret, String call, String query) throws Exception {
            String checksum = FakeMoodle.sha256Hex(call + query + withSecret);
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + call + "?" + query + "&checksum=" + checksum))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }

        boolean accepts(String withSecret) {
            try {
                return call(withSecret, "getMeetingInfo", "meetingID=rot-1").contains("<returncode>SUCCESS</returncode>");
            } catch (Exception e) {
                return false;
            }
        }
    }
}
