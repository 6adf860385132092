// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bbb-testkit simulator for the harnesses: in a child JVM by default, so that the threads and
 * heap the harness reports are the client's alone and the simulator's state does not count as the
 * SDK's memory; in-process for the smoke test, where start-up time matters more.
 */
public final class SimulatorProcess implements AutoCloseable {
    /** The secret both sides use. */
    public static final String SECRET = "benchmark-secret-0123456789abcdef0123456789";

    private final Process process;
    private final BbbSimulator inProcess;
    private final String baseUrl;

    private SimulatorProcess(Process process, BbbSimulator inProcess, String baseUrl) {
        this.process = process;
        this.inProcess = inProcess;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a simulator.
     *
     * @param childJvm {@code true} for a separate JVM (system clock), {@code false} for in-process
     * @return the running simulator
     */
    public static SimulatorProcess start(boolean childJvm) {
        if (!childJvm) {
            BbbSimulator sim = BbbSimulator.builder().secret(SECRET).start();
            return new SimulatorProcess(null, sim, sim.baseUrl());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = List.of(javaExecutable(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "de.hessen.schulportal.bbb.testkit.BbbSimulatorMain", "--port", Integer.toString(port), "--secret", SECRET);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("URL:")) {
                    String url = line.substring(4).trim();
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // keep the pipe from filling up
                            }
                        } catch (IOException e) {
                            // the process ended
                        }
                    }, "simulator-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new SimulatorProcess(p, null, url);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("the simulator process ended without printing its URL");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the path of the running JVM's {@code java} */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    /** @return the simulator's base URL */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The CPU time the simulator's JVM has used so far, for a child JVM (in-process it cannot be told
     * apart from the harness's).
     *
     * @return seconds of CPU, or {@code NaN} in-process or where the system does not report it
     */
    public double cpuSeconds() {
        if (process == null) {
            return Double.NaN;
        }
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /**
     * The API calls an in-process simulator received so far, by call name (e.g. {@code create}).
     *
     * @return call name → count
     * @throws IllegalStateException for a simulator in a child JVM
     */
    public java.util.Map<String, Long> callsReceived() {
        if (inProcess == null) {
            throw new IllegalStateException("only an in-process simulator reports the calls it received");
        }
        return inProcess.requests().stream().map(r -> r.callName().orElse("-"))
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /** @return the shared secret */
    public String secret() {
        return SECRET;
    }

    @Override
    public void close() {
        if (inProcess != null) {
            inProcess.close();
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
