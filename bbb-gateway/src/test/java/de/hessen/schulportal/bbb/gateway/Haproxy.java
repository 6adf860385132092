// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.testsupport.Prerequisites;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy as a child process ({@code haproxy -f <cfg> -db}), running
 * {@code src/test/resources/haproxy/bbb-gateway.cfg} unchanged: the addresses come from the
 * environment, as an operator would set them. Missing haproxy skips the test with the reason, or
 * fails it when {@code CI=true} ({@code .ci/run} installs it).
 */
final class Haproxy implements AutoCloseable {
    /** The configuration the README shows. */
    static final String CONFIG = "/haproxy/bbb-gateway.cfg";
    /** Debian installs it in /usr/sbin, which is not on every user's PATH. */
    private static final String COMMAND = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";

    private final Process process;
    private final Path log;
    private final int port;

    private Haproxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The configuration file's text. */
    static String config() {
        try (InputStream in = Haproxy.class.getResourceAsStream(CONFIG)) {
            if (in == null) {
                throw new IllegalStateException(CONFIG + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips (or fails on CI) unless {@code haproxy -v} runs. */
    static void assumeInstalled() {
        try {
            Process p = new ProcessBuilder(COMMAND, "-v").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            p.destroyForcibly();
        } catch (IOException e) {
            // Not installed: below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Prerequisites.unavailable("haproxy is not installed (.ci/run installs it: apt-get install -y haproxy)");
    }

    /** A loopback port nobody listens on right now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts HAProxy on {@code 127.0.0.1:port} in front of the given instances and waits until it
     * answers the BigBlueButton API root.
     *
     * @param dir a temporary folder for the configuration and HAProxy's output
     * @param port the frontend port
     * @param statsPort the port of a statistics page added for the test (a second file, so the operator's stays as it is)
     * @param gateway1 the first instance's port ({@code BBB_GATEWAY_1})
     * @param gateway2 the second instance's port ({@code BBB_GATEWAY_2})
     */
    static Haproxy start(Path dir, int port, int statsPort, int gateway1, int gateway2) {
        try {
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, config(), StandardCharsets.UTF_8);
            Path statsCfg = dir.resolve("stats.cfg");
            Files.writeString(statsCfg, "frontend test_stats\n    bind 127.0.0.1:" + statsPort
                    + "\n    stats enable\n    stats uri /stats\n", StandardCharsets.UTF_8);
            Path log = dir.resolve("haproxy.log");
            // Under a shell that ends HAProxy when its stdin closes: when close() closes it, and when the test JVM
            // dies without calling close(), so no HAProxy outlives the test.
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "exec 3<&0; \"$0\" \"$@\" & pid=$!; (cat <&3 >/dev/null; kill $pid 2>/dev/null) & wait $pid",
                    COMMAND, "-f", cfg.toString(), "-f", statsCfg.toString(), "-db")
                    .directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("BBB_GATEWAY_BIND", "127.0.0.1:" + port);
            env.put("BBB_GATEWAY_1", "127.0.0.1:" + gateway1);
            env.put("BBB_GATEWAY_2", "127.0.0.1:" + gateway2);
            Haproxy h = new Haproxy(pb.start(), log, port);
            h.awaitAnswering();
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswering() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("haproxy exited with " + process.exitValue() + ": " + output());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "bigbluebutton/api/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("haproxy did not answer within 30 s: " + output());
    }

    /** A short pause between two polls of a condition (never to wait for something to happen by itself). */
    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The frontend's base URL. */
    String url() {
        return "http://127.0.0.1:" + port + '/';
    }

    /** What HAProxy printed (warnings, alerts, server state changes). */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException e) {
            // Below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
