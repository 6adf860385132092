// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.internal.ClientThreads;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Load against the bbb-testkit simulator: 10,000 async calls, up to {@value #IN_FLIGHT} of them in
 * flight at once, all complete exactly once with the right result, with bounded threads and heap;
 * with the SDK's own threads (counted by the name prefix of its pools) bounded;
 * and the same with the simulator failing 10 % of requests (HTTP 503, HTML) and adding latency:
 * every call ends either successful or with a typed {@link BbbException}.
 *
 * <p>The SDK client runs on a caller-provided JDK HTTP client with a fixed pool of four threads:
 * the JDK default (a cached pool) would grow a thread per concurrently completing exchange.
 *
 * <p>Why a window and not all 10,000 at once: the JDK's HTTP/1.1 client opens one connection per
 * outstanding request, so 10,000 simultaneous requests would need 20,000 file descriptors in this
 * JVM (client and simulator sockets). Applications bound their concurrency the same way.
 */
class LoadTest {
    static final int CALLS = 10_000;
    static final int MEETINGS = 1_000;
    static final int IN_FLIGHT = 128;
    private static BbbSimulator sim;

    @BeforeAll
    static void start() {
        sim = BbbSimulator.start();
        Secrets.forbid(sim.secret());
        try (BbbClient c = client(0)) {
            AtomicInteger created = new AtomicInteger();
            runWindowed(MEETINGS, i -> c.async().create(CreateMeetingRequest.builder(meetingId(i), "Klasse " + i).build())
                    .thenAccept(r -> created.incrementAndGet()));
            assertThat(created.get()).isEqualTo(MEETINGS);
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
        HTTP_THREADS.shutdownNow();
    }

    static String meetingId(int i) {
        return "load-" + i;
    }

    /**
     * The JDK's default executor for an HTTP client is a cached pool, which grows a thread per
     * concurrently completing exchange; a portal that wants a hard bound passes its own client.
     */
    private static final ExecutorService HTTP_THREADS = Executors.newFixedThreadPool(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).executor(HTTP_THREADS).build();

    static BbbClient client(int maxRetries) {
        return BbbClient.builder().httpClient(HTTP).baseUrl(sim.baseUrl()).secret(sim.secret()).maxRetries(maxRetries)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).requestTimeout(Duration.ofSeconds(20)).build();
    }

    /** Starts {@code n} calls, at most {@link #IN_FLIGHT} outstanding, and waits for all of them. */
    static void runWindowed(int n, IntFunction<CompletableFuture<?>> call) {
        Semaphore window = new Semaphore(IN_FLIGHT);
        for (int i = 0; i < n; i++) {
            window.acquireUninterruptibly();
            call.apply(i).whenComplete((v, e) -> window.release());
        }
        try {
            assertThat(window.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)).as("all calls completed").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static final class Outcomes {
        final AtomicIntegerArray completions = new AtomicIntegerArray(CALLS);
        final AtomicInteger success = new AtomicInteger();
        final AtomicInteger typedFailure = new AtomicInteger();
        final AtomicInteger wrongResult = new AtomicInteger();
        final AtomicInteger untyped = new AtomicInteger();
        final AtomicInteger peakThreads = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<Throwable> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
    }

    private static Outcomes load(BbbClient c, int calls) throws InterruptedException {
        Outcomes o = new Outcomes();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                o.peakThreads.accumulateAndGet(sdkThreads(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        runWindowed(calls, i -> {
            String id = meetingId(i % MEETINGS);
            CompletableFuture<?> f = i % 2 == 0
                    ? c.async().getMeetingInfo(id).thenApply(MeetingInfo::meetingId)
                    : c.async().isMeetingRunning(id).thenApply(running1 -> running1 ? "running?" : id);
            return f.whenComplete((value, error) -> {
                o.completions.incrementAndGet(i);
                if (error == null) {
                    (id.equals(value) ? o.success : o.wrongResult).incrementAndGet();
                } else {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    (cause instanceof BbbException ? o.typedFailure : o.untyped).incrementAndGet();
                    o.firstFailure.compareAndSet(null, cause);
                    if (cause instanceof BbbResponseException) {
                        assertThat(((BbbResponseException) cause).httpStatus()).isEqualTo(503);
                    }
                }
            });
        });
        running.set(false);
        sampler.join();
        for (int i = 0; i < calls; i++) {
            assertThat(o.completions.get(i)).as("completions of call %d", i).isEqualTo(1);
        }
        assertThat(o.wrongResult.get()).as("calls answered with another call's result").isZero();
        assertThat(o.untyped.get()).as("calls that failed without a typed exception").isZero();
        assertThat(o.success.get() + o.typedFailure.get()).isEqualTo(calls);
        return o;
    }

    /**
     * The SDK's own threads: those of the client's pools, by their name prefix. Other threads of the
     * JVM (the simulator's, the test's HTTP pool, the JIT, other work on the machine) do not count, so
     * the bound holds on a busy machine.
     */
    static int sdkThreads() {
        Thread[] threads = new Thread[Thread.activeCount() * 2 + 16];
        int n = Thread.enumerate(threads);
        int sdk = 0;
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().startsWith("bbb-client-")) {
                sdk++;
            }
        }
        return sdk;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void tenThousandAsyncCalls_allCompleteOnceWithTheirOwnResult_boundedThreadsAndHeap() throws Exception {
        try (BbbClient c = client(0)) {
            load(c, 2_000); // warm-up: connections, JIT, the simulator's worker threads
            int baseThreads = sdkThreads();
            long baseHeap = usedHeapAfterGc();
            Outcomes o = load(c, CALLS);
            assertThat(o.success.get()).as("successes; first failure: %s", o.firstFailure.get()).isEqualTo(CALLS);
            // The callback pool keeps its fixed size however many calls are in flight.
            assertThat(o.peakThreads.get()).as("peak SDK threads (before: %d)", baseThreads)
                    .isLessThanOrEqualTo(baseThreads + 2 * ClientThreads.poolSize());
            long grown = usedHeapAfterGc() - baseHeap;
            assertThat(grown).as("heap retained after 10,000 calls").isLessThan(32L << 20);
        }
    }

    @Test
    void tenThousandAsyncCalls_withTenPercentFailuresAndLatency_endSuccessfulOrTyped() throws Exception {
        try (BbbClient c = client(0)) {
            sim.faults().failureRate(0.10, 20261126L).latency(Duration.ofMillis(20));
            Outcomes o = load(c, CALLS);
            assertThat(o.typedFailure.get()).as("failed calls").isBetween(CALLS / 20, CALLS * 3 / 20);
        } finally {
            sim.faults().reset();
        }
    }
}
