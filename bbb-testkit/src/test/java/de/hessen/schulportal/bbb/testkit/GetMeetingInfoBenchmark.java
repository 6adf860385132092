// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of getMeetingInfo over loopback with keep-alive. Not a timed test: it prints its
 * result and asserts nothing about speed. Run with
 * {@code mvn -pl bbb-testkit verify -Dbbb.benchmark=true -Dtest=GetMeetingInfoBenchmark}.
 */
class GetMeetingInfoBenchmark {
    @Test
    @EnabledIfSystemProperty(named = "bbb.benchmark", matches = "true")
    void getMeetingInfo_throughput() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start()) {
            Api api = new Api(sim);
            api.create("bench-room");
            for (int i = 0; i < 10; i++) {
                api.join("bench-room", "User " + i, i == 0 ? "MODERATOR" : "VIEWER");
            }
            URI uri = URI.create(api.url("getMeetingInfo", Api.params("meetingID", "bench-room")));
            String target = uri.getRawPath() + "?" + uri.getRawQuery();
            int threads = 4;
            Duration warmup = Duration.ofSeconds(3);
            Duration measure = Duration.ofSeconds(10);
            run("127.0.0.1", sim.port(), target, threads, warmup);
            long count = run("127.0.0.1", sim.port(), target, threads, measure);
            System.out.printf(java.util.Locale.ROOT, "getMeetingInfo: %d requests in %d s with %d client threads = %.0f req/s (%d cores)%n",
                    count, measure.toSeconds(), threads, count / (double) measure.toSeconds(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Each client thread keeps one raw keep-alive socket and reads Content-Length framed answers,
     * so the measurement is not dominated by the client's own overhead on a small machine.
     */
    private static long run(String host, int port, String target, int threads, Duration duration)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
                    while (System.nanoTime() < end) {
                        out.write(request);
                        out.flush();
                        if (readResponse(in) == 200) {
                            ok.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        return ok.get();
    }

    private static int readResponse(BufferedInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) b);
        }
        String headers = head.toString();
        int status = Integer.parseInt(headers.substring(9, 12));
        int i = headers.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int length = Integer.parseInt(headers.substring(i + 15, headers.indexOf("\r\n", i)).trim());
        in.readNBytes(length);
        return status;
    }
}
