// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.EndToEnd;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 §2, the three attacks that stalled the gateway on main, against a gateway in a child JVM
 * with {@code -Xmx256m} and default limits, on loopback: while each attack runs, {@code /health}
 * answers and a correctly signed API call succeeds, again and again; no {@code OutOfMemoryError}
 * (the child exits on one); the gateway stops cleanly at the end.
 *
 * <ol>
 *   <li>100 POSTs to {@code /gateway/callback/recording-ready/<anything>} sending one body byte every 5 s;</li>
 *   <li>90 bodies just under main's 4 MiB body limit, to callback URLs with forged tokens, sent at once;</li>
 *   <li>2,050 connections from one address sending one header byte every 10 s.</li>
 * </ol>
 *
 * <p>Each attack runs for {@link #ATTACK} (scaled down from minutes); the attackers bind 127.0.0.2,
 * the probes come from 127.0.0.1. The bound on every probe is generous for 2 busy cores, and each
 * attack kept main's {@code /health} or heap from meeting it. Latencies are printed for BENCHMARKS.md.
 */
@EndToEnd
class GatewayAttackTest {
    static final String SECRET = Secrets.forbid("att4ck-m00dle-5ecret-0123456789abcdef");
    static final Duration PROBE_BOUND = Duration.ofSeconds(10);
    static final Duration ATTACK = Duration.ofSeconds(8);
    static final InetAddress ATTACKER = address("127.0.0.2");

    final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicBoolean attacking = new AtomicBoolean(true);
    final ExecutorService attackers = Executors.newCachedThreadPool();
    Process child;

    static InetAddress address(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        attacking.set(false);
        for (Socket s : sockets) {
            s.close();
        }
        attackers.shutdownNow();
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void threeAttacks_healthAndSignedCallsKeepAnswering_heapHolds_stopIsClean() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Dslf4j.provider=org.slf4j.helpers.NOPServiceProvider",
                "-cp", System.getProperty("java.class.path"), AttackTarget.class.getName());
        pb.environment().put("ATTACK_SECRET", SECRET);
        pb.redirectErrorStream(true);
        child = pb.start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "attack-target-output");
        reader.setDaemon(true);
        reader.start();
        String ready = awaitLine(output, "READY ");
        String[] parts = ready.split(" ");
        URI gateway = URI.create(parts[1]);
        URI health = URI.create(parts[2]);
        FakeMoodle moodle = new FakeMoodle(gateway.toString(), SECRET);
        try {
            Probe probe = new Probe(moodle, health);
            probe.check("before any attack");

            trickleCallbacks(gateway, 100, Duration.ofSeconds(5));
            probe.during("1: 100 callback POSTs trickling one byte every 5 s", ATTACK);
            stopAttack();

            bigBodies(gateway, 90, 4 * 1024 * 1024 - 1024);
            probe.during("2: 90 bodies just under 4 MiB", ATTACK);
            stopAttack();

            slowHeads(gateway, 2050, Duration.ofSeconds(10));
            probe.during("3: 2,050 connections sending a header byte every 10 s", ATTACK);
            stopAttack();

            probe.check("after the attacks");
            probe.report();
        } finally {
            moodle.close();
        }
        child.getOutputStream().write("stop\n".getBytes(StandardCharsets.US_ASCII));
        child.getOutputStream().flush();
        assertThat(awaitLine(output, "STOPPED")).isEqualTo("STOPPED");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child stops").isTrue();
        assertThat(child.exitValue()).as("exit 0: no OutOfMemoryError (the child exits with 3 on one)").isZero();
        assertThat(output).noneMatch(l -> l.contains("OutOfMemoryError"));
    }

    static String awaitLine(BlockingQueue<String> output, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the gateway's child JVM did not print " + prefix + " in 120 s; output: " + output);
    }

    /** Health and a signed API call, timed; every one must answer within the bound. */
    static final class Probe {
        final FakeMoodle moodle;
        final URI health;
        final List<String> lines = new ArrayList<>();

        Probe(FakeMoodle moodle, URI health) {
            this.moodle = moodle;
            this.health = health;
        }

        long[] check(String when) throws Exception {
            // A new client, so every probe opens new connections, as a load balancer's health check does:
            // a connection kept alive from before the attack would hide a full accept queue.
            HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_BOUND).build();
            long t0 = System.nanoTime();
            HttpResponse<String> h;
            try {
                h = http.send(HttpRequest.newBuilder(health).timeout(PROBE_BOUND).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(when + ": /health did not answer within " + PROBE_BOUND + ": " + e, e);
            }
            long t1 = System.nanoTime();
            assertThat(h.statusCode()).as(when + ": /health").isEqualTo(200);
            HttpResponse<String> api;
            try {
                api = http.send(HttpRequest.newBuilder(URI.create(moodle.url("getMeetings", Map.of()))).timeout(PROBE_BOUND).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(when + ": a signed getMeetings did not answer within " + PROBE_BOUND + ": " + e, e);
            }
            long t2 = System.nanoTime();
            assertThat(el(api.body(), "returncode")).as(when + ": signed getMeetings").isEqualTo("SUCCESS");
            return new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000};
        }

        void during(String attack, Duration length) throws Exception {
            List<Long> health = new ArrayList<>();
            List<Long> api = new ArrayList<>();
            long end = System.nanoTime() + length.toNanos();
            while (System.nanoTime() < end) {
                long[] ms = check("attack " + attack);
                health.add(ms[0]);
                api.add(ms[1]);
                Thread.sleep(250);
            }
            Collections.sort(health);
            Collections.sort(api);
            lines.add(String.format("attack %s: %d probes; /health ms p50 %d max %d; signed getMeetings ms p50 %d max %d", attack,
                    health.size(), health.get(health.size() / 2), health.get(health.size() - 1), api.get(api.size() / 2),
                    api.get(api.size() - 1)));
        }

        void report() {
            lines.forEach(l -> System.out.println("[GatewayAttackTest] " + l));
        }
    }

    void stopAttack() throws IOException {
        attacking.set(false);
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
        attacking.set(true);
    }

    Socket connect(URI gateway) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.bind(new InetSocketAddress(ATTACKER, 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.getPort()), (int) PROBE_BOUND.toMillis());
        return s;
    }

    /** Attack 1: POST heads with a body announced, then one body byte per interval. */
    void trickleCallbacks(URI gateway, int count, Duration interval) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket s = connect(gateway);
            OutputStream out = s.getOutputStream();
            out.write(("POST /gateway/callback/recording-ready/forged-token-" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            attackers.execute(() -> drip(s, interval));
        }
    }

    /** Attack 2: bodies just under main's limit, all at once, to forged callback tokens. */
    void bigBodies(URI gateway, int count, int size) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i < count; i++) {
            Socket s = connect(gateway);
            String path = i % 2 == 0 ? "/gateway/callback/recording-ready/forged-" + i : "/gateway/callback/analytics/forged-" + i;
            attackers.execute(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    for (int sent = 0; sent < size && attacking.get(); sent += chunk.length) {
                        out.write(chunk, 0, Math.min(chunk.length, size - sent));
                    }
                    out.flush();
                } catch (IOException e) {
                    // refused and closed by the gateway: what it should do
                }
            });
        }
    }

    /** Attack 3: connections that send their request head one byte per interval. */
    void slowHeads(URI gateway, int count, Duration interval) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket s;
            try {
                s = connect(gateway);
                s.getOutputStream().write('G');
            } catch (IOException e) {
                continue; // closed at once by the gateway: what it should do
            }
            attackers.execute(() -> drip(s, interval));
        }
    }

    private void drip(Socket s, Duration interval) {
        try {
            OutputStream out = s.getOutputStream();
            while (attacking.get()) {
                Thread.sleep(interval.toMillis());
                out.write('E');
                out.flush();
            }
        } catch (IOException e) {
            // closed by the gateway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
