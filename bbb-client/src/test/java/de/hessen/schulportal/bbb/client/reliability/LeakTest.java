// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.client.BbbTransportException;
import de.hessen.schulportal.bbb.testsupport.RefusedPort;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.File;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * No leaks: 10,000 failing calls (connection refused, connection reset, HTTP 503) leave the live
 * thread count and the open connections where they were. Connections are counted on the server side
 * of a loopback server (accepted and not yet closed by either side) and, on Linux, as this process's
 * open file descriptors.
 */
class LeakTest {
    private static final int CALLS = 10_000;
    private static final int CONCURRENCY = 64;

    @Test
    void tenThousandFailingCalls_leaveThreadsAndConnectionsAtBaseline() throws Exception {
        try (RefusedPort refused = new RefusedPort();
                LoopbackServer server = new LoopbackServer(line -> line.contains("meetingID=reset")
                ? LoopbackServer.reset() : LoopbackServer.status(503, "text/html", "<html>overloaded</html>"));
                BbbClient live = BbbClient.builder().baseUrl(server.baseUrl()).secret(Secrets.SECRET).maxRetries(0)
                        .requestTimeout(Duration.ofSeconds(5)).build();
                BbbClient dead = live.toBuilder().baseUrl(refused.baseUrl()).build()) {
            ExecutorService syncCallers = Executors.newFixedThreadPool(8);
            try {
                // Warm up every path once, so lazily started threads (selector, workers) exist in the baseline.
                run(live, dead, syncCallers, 300);
                awaitTrue(() -> server.openConnections() == 0, Duration.ofSeconds(5));
                int baseThreads = liveThreads();
                long baseFds = openFileDescriptors();
                assertThat(server.openConnections()).isZero();

                AtomicInteger[] outcomes = run(live, dead, syncCallers, CALLS / 2);
                int midThreads = liveThreads();
                outcomes = add(outcomes, run(live, dead, syncCallers, CALLS / 2));

                assertThat(outcomes[0].get() + outcomes[1].get()).as("calls ended with a typed exception").isEqualTo(CALLS);
                assertThat(outcomes[2].get()).as("calls ended otherwise").isZero();

                // Idle keep-alive connections are closed by the server after 300 ms, as real servers do.
                boolean settled = awaitTrue(() -> server.openConnections() == 0
                        && liveThreads() <= baseThreads + 8, Duration.ofSeconds(10));
                int endThreads = liveThreads();
                assertThat(settled).as("settled: open=%d threads=%d (baseline %d, midway %d)", server.openConnections(),
                        endThreads, baseThreads, midThreads).isTrue();
                assertThat(endThreads).as("threads do not grow with the number of calls").isLessThanOrEqualTo(baseThreads + 8);
                if (baseFds >= 0) {
                    assertThat(awaitTrue(() -> openFileDescriptors() <= baseFds + 8, Duration.ofSeconds(5)))
                            .as("file descriptors: baseline %d, now %d", baseFds, openFileDescriptors()).isTrue();
                }
            } finally {
                syncCallers.shutdownNow();
                syncCallers.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static AtomicInteger[] add(AtomicInteger[] a, AtomicInteger[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i].addAndGet(b[i].get());
        }
        return a;
    }

    /**
     * Runs {@code n} failing calls, a third each refused, reset and 503, alternately sync and async,
     * with at most {@link #CONCURRENCY} in flight.
     *
     * @return counts of transport failures, response failures and anything else
     */
    private static AtomicInteger[] run(BbbClient live, BbbClient dead, ExecutorService syncCallers, int n)
            throws InterruptedException {
        AtomicInteger transport = new AtomicInteger();
        AtomicInteger response = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        Semaphore window = new Semaphore(CONCURRENCY);
        ConcurrentHashMap<Integer, Boolean> done = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
            window.acquire();
            int kind = i % 3;
            int id = i;
            BbbClient c = kind == 0 ? dead : live;
            String meetingId = kind == 1 ? "reset-" + i : "busy-" + i;
            CompletableFuture<?> call = (i / 3) % 2 == 0 ? c.async().isMeetingRunning(meetingId)
                    : CompletableFuture.supplyAsync(() -> c.isMeetingRunning(meetingId), syncCallers);
            call.whenComplete((v, e) -> {
                Throwable cause = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
                if (cause instanceof BbbTransportException) {
                    transport.incrementAndGet();
                } else if (cause instanceof BbbResponseException && ((BbbException) cause).call().equals("isMeetingRunning")) {
                    response.incrementAndGet();
                } else {
                    other.incrementAndGet();
                }
                done.put(id, Boolean.TRUE);
                window.release();
            });
        }
        window.acquire(CONCURRENCY);
        window.release(CONCURRENCY);
        assertThat(done).hasSize(n);
        return new AtomicInteger[] {transport, response, other};
    }

    private static int liveThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !t.getName().startsWith(LoopbackServer.THREAD_PREFIX)) {
                n++;
            }
        }
        return n;
    }

    /** Open file descriptors of this process on Linux, or -1 elsewhere. */
    private static long openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private static boolean awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

}
