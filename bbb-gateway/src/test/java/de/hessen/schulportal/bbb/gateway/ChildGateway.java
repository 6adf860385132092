// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A gateway in a JVM of its own, so a test can kill it the way a crash or {@code kill -9} does:
 * no graceful stop, sockets closed by the kernel, requests in flight cut off. The child reads its
 * configuration from the environment (never from its command line, which {@code ps} shows), says
 * {@code port=<n>} on stdout once it listens, and ends when its stdin closes, so it never outlives
 * the test JVM.
 */
final class ChildGateway implements AutoCloseable {
    private final Process process;
    private final Path err;
    private final CompletableFuture<String> portLine;
    private int port;

    private ChildGateway(Process process, Path err) {
        this.process = process;
        this.err = err;
        InputStream out = process.getInputStream();
        this.portLine = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * Launches a child gateway with one tenant; {@link #awaitListening()} waits until it listens.
     *
     * @param dir a folder for the child's stderr
     * @param key the pseudonym key (Base64)
     * @param publicUrl the balancer's URL
     * @param moodleSecret the tenant's client secret
     * @param backendUrl the backend's base URL
     * @param backendSecret the backend's secret
     */
    static ChildGateway launch(Path dir, String key, String publicUrl, String moodleSecret, String backendUrl, String backendSecret) {
        Path err = dir.resolve("child-gateway.err");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ChildGateway.class.getName())
                .redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.put("HA_KEY", key);
        env.put("HA_PUBLIC_URL", publicUrl);
        env.put("HA_MOODLE_SECRET", moodleSecret);
        env.put("HA_BACKEND_URL", backendUrl);
        env.put("HA_BACKEND_SECRET", backendSecret);
        try {
            return new ChildGateway(pb.start(), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the child says it listens.
     *
     * @return this
     * @throws IllegalStateException if it did not start within 60 s
     */
    ChildGateway awaitListening() {
        String line;
        try {
            // Generous: a JVM starting Jetty on two busy cores.
            line = portLine.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line = null;
        } catch (ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null || !line.startsWith("port=")) {
            process.destroyForcibly();
            throw new IllegalStateException("the child gateway did not start: " + tail(err));
        }
        port = Integer.parseInt(line.substring("port=".length()).strip());
        return this;
    }

    private static String tail(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** The child's local base URL. */
    URI url() {
        return URI.create("http://127.0.0.1:" + port + '/');
    }

    int port() {
        return port;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child gateway did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * The child's entry point.
     *
     * @param args ignored
     * @throws IOException if stdin fails
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        Gateway gateway = Gateway.start(GatewayConfig.builder(env.get("HA_KEY")).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                .publicUrl(URI.create(env.get("HA_PUBLIC_URL")))
                .tenant(Tenant.builder("moodle", env.get("HA_MOODLE_SECRET"), env.get("HA_BACKEND_URL"), env.get("HA_BACKEND_SECRET")).build())
                .build());
        System.out.println("port=" + gateway.port());
        System.out.flush();
        // Until the parent goes away (or closes our stdin); a kill ends it sooner.
        while (System.in.read() >= 0) {
            // Nothing is sent on stdin.
        }
        gateway.close();
        System.exit(0);
    }

    @Override
    public String toString() {
        return "ChildGateway{port=" + port + ", alive=" + process.isAlive() + '}';
    }
}
