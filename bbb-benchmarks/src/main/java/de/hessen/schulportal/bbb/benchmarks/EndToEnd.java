// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.SignedUrl;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 3: one "lesson start" = {@code create} + {@code getMeetingInfo} + {@code joinUrl}
 * against the bbb-testkit simulator over loopback; sync with 1 and 16 threads, async with 16, 64
 * and 256 lesson starts in flight. Reports lesson starts per second, p50/p99 latency of one
 * lesson start, and the client JVM's thread count and retained heap after each phase.
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.EndToEnd [seconds per phase] [warm-up seconds]}
 */
public final class EndToEnd {
    private static final int ROOMS = 500;

    private final BbbClient bbb;
    private final AtomicLong errors = new AtomicLong();

    private EndToEnd(BbbClient bbb) {
        this.bbb = bbb;
    }

    /** One phase's result. */
    public record Result(String phase, long ops, double seconds, double p50Ms, double p99Ms, int threadsAfter,
            int peakThreads, double heapAfterMiB, long errors) {
        /** @return lesson starts per second */
        public double opsPerSecond() {
            return ops / seconds;
        }

        /** @return one markdown table row */
        public String row() {
            return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %.2f | %d | %d | %.1f | %d |", phase,
                    opsPerSecond(), 2 * opsPerSecond(), p50Ms, p99Ms, threadsAfter, peakThreads, heapAfterMiB, errors);
        }
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        for (Result r : run(true, seconds, warmup)) {
            System.out.println(r.row());
        }
        System.out.println("# threads after the run: " + JvmStats.threadGroups());
    }

    /**
     * Runs all phases.
     *
     * @param childJvm whether the simulator runs in its own JVM
     * @param seconds the duration of each measured phase
     * @param warmupSeconds the warm-up before the first phase
     * @return one result per phase
     */
    public static List<Result> run(boolean childJvm, double seconds, double warmupSeconds) {
        List<Result> results = new ArrayList<>();
        try (SimulatorProcess sim = SimulatorProcess.start(childJvm);
             BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            EndToEnd e2e = new EndToEnd(bbb);
            System.out.printf(Locale.ROOT, "# end-to-end: %d cores, %.1f s per phase, %.1f s warm-up, threads before: %d%n",
                    Runtime.getRuntime().availableProcessors(), seconds, warmupSeconds, JvmStats.threads());
            e2e.sync("warm-up", 4, warmupSeconds / 2);
            e2e.async("warm-up", 64, warmupSeconds / 2);
            results.add(e2e.sync("sync, 1 thread", 1, seconds));
            results.add(e2e.sync("sync, 16 threads", 16, seconds));
            results.add(e2e.async("async, 16 in flight", 16, seconds));
            results.add(e2e.async("async, 64 in flight", 64, seconds));
            results.add(e2e.async("async, 256 in flight", 256, seconds));
        }
        return results;
    }

    private static String room(long i) {
        return "e2e-room-" + (i % ROOMS);
    }

    private static CreateMeetingRequest create(String id) {
        return CreateMeetingRequest.builder(id, "Klasse 7b – Mathematik").meta("bbb-origin", "schulportal").build();
    }

    private static JoinMeetingRequest join(String id, long createTime, long i) {
        return JoinMeetingRequest.builder(id, "Schülerin Zoë " + i, Role.VIEWER).userId("p-" + i).createTime(createTime)
                .userdata("bbb_auto_join_audio", "true").userdata("bbb_listen_only_mode", "false").build();
    }

    private SignedUrl lessonStart(long i) {
        String id = room(i);
        long createTime = bbb.create(create(id)).createTime();
        MeetingInfo info = bbb.getMeetingInfo(id);
        return bbb.joinUrl(join(id, info.createTime() > 0 ? info.createTime() : createTime, i));
    }

    private CompletableFuture<SignedUrl> lessonStartAsync(long i) {
        String id = room(i);
        return bbb.async().create(create(id))
                .thenCompose(created -> bbb.async().getMeetingInfo(id)
                        .thenApply(info -> bbb.joinUrl(join(id, info.createTime() > 0 ? info.createTime() : created.createTime(), i))));
    }

    private Result sync(String phase, int threads, double seconds) {
        Latencies lat = new Latencies(4_000_000);
        AtomicLong counter = new AtomicLong();
        long errorsBefore = errors.get();
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long i = counter.getAndIncrement();
                    long t0 = System.nanoTime();
                    try {
                        lessonStart(i);
                        lat.record(System.nanoTime() - t0);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            }, "e2e-sync-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        return result(phase, lat, took, errorsBefore);
    }

    private Result async(String phase, int inFlight, double seconds) {
        Latencies lat = new Latencies(4_000_000);
        long errorsBefore = errors.get();
        Semaphore permits = new Semaphore(inFlight);
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long i = 0;
        try {
            while (System.nanoTime() < end) {
                permits.acquire();
                long t0 = System.nanoTime();
                lessonStartAsync(i++).whenComplete((url, error) -> {
                    if (error == null) {
                        lat.record(System.nanoTime() - t0);
                    } else {
                        errors.incrementAndGet();
                    }
                    permits.release();
                });
            }
            if (!permits.tryAcquire(inFlight, 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("async calls did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double took = (System.nanoTime() - start) / 1e9;
        return result(phase, lat, took, errorsBefore);
    }

    private Result result(String phase, Latencies lat, double took, long errorsBefore) {
        int peak = ManagementFactory.getThreadMXBean().getPeakThreadCount();
        double heap = JvmStats.retainedHeapMiB();
        return new Result(phase, lat.count(), took, lat.percentileMillis(50), lat.percentileMillis(99), JvmStats.threads(),
                peak, heap, errors.get() - errorsBefore);
    }
}
