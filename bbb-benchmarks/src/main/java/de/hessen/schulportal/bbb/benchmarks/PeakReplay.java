// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 4: the 8 o'clock peak. 3,000 lessons; in each the teacher opens the room (the meeting
 * is created, the teacher gets a moderator link), the teacher's browser opens that link on the
 * simulator (a GET of the join URL, redirects not followed: the meeting now runs), then 24 pupils
 * open the room and get viewer links. 75,000 signed links, as fast as it goes, through a
 * {@link LessonPortal} against the simulator in its own JVM. Reports the total time and the harness
 * JVM's peak heap.
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.PeakReplay [lessons] [links per lesson] [threads] [adapter|direct]}
 */
public final class PeakReplay {
    private PeakReplay() {
    }

    /** The outcome. */
    public record Result(String portal, int lessons, long links, long waits, int threads, double seconds,
            double portalCpuSeconds, double peakHeapMiB, double maxHeapMiB) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%s: %,d lessons + %,d join links (%,d pupils told to wait) with %d threads: %.2f s,"
                    + " portal JVM CPU %.2f s, peak heap %.0f MiB (max heap %.0f MiB)",
                    portal, lessons, links, waits, threads, seconds, portalCpuSeconds, peakHeapMiB, maxHeapMiB);
        }
    }

    public static void main(String[] args) throws Exception {
        int lessons = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int perLesson = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        String portal = args.length > 3 ? args[3] : "adapter";
        System.out.println(run(true, lessons, perLesson, threads, portal));
    }

    /**
     * Replays the peak through the adapter.
     *
     * @param childJvm whether the simulator runs in its own JVM
     * @param lessons lessons to start
     * @param linksPerLesson join links per lesson (the first is the teacher's)
     * @param threads portal worker threads
     * @return the outcome
     * @throws Exception if a lesson failed
     */
    public static Result run(boolean childJvm, int lessons, int linksPerLesson, int threads) throws Exception {
        return run(childJvm, lessons, linksPerLesson, threads, "adapter");
    }

    /**
     * Replays the peak.
     *
     * @param childJvm whether the simulator runs in its own JVM
     * @param lessons lessons to start
     * @param linksPerLesson join links per lesson (the first is the teacher's)
     * @param threads portal worker threads
     * @param portalKind {@code adapter} ({@link AdapterPortal}) or {@code direct} ({@link DirectClientPortal})
     * @return the outcome
     * @throws Exception if a lesson failed
     */
    public static Result run(boolean childJvm, int lessons, int linksPerLesson, int threads, String portalKind)
            throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start(childJvm);
             LessonPortal portal = portal(portalKind, BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build())) {
            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            JvmStats.retainedHeapMiB();
            JvmStats.resetPeakHeap();
            AtomicLong links = new AtomicLong();
            AtomicLong waits = new AtomicLong();
            AtomicLong urlBytes = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            double cpuStart = JvmStats.processCpuSeconds();
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>(lessons);
            for (int l = 0; l < lessons; l++) {
                int lesson = l;
                futures.add(pool.submit(() -> {
                    String school = "schule-" + (lesson % 1_900);
                    String lessonId = "lesson-" + lesson;
                    String title = "Klasse " + (5 + lesson % 8) + (char) ('a' + lesson % 4) + " – Mathematik";
                    String teacherUrl = portal.teacherOpens(school, lessonId, title, school + "/user-" + lesson + "-0",
                            "Petra", "Schäfer");
                    urlBytes.addAndGet(teacherUrl.length());
                    links.incrementAndGet();
                    // The teacher's browser enters: from now on the meeting runs.
                    HttpResponse<Void> entered = browser.send(HttpRequest.newBuilder(URI.create(teacherUrl)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (entered.statusCode() != 302) {
                        throw new IllegalStateException("teacher's join answered HTTP " + entered.statusCode());
                    }
                    for (int u = 1; u < linksPerLesson; u++) {
                        Optional<String> url = portal.pupilOpens(school, lessonId, title,
                                school + "/user-" + lesson + "-" + u, "Jürgen", "Größ " + u);
                        if (url.isPresent()) {
                            urlBytes.addAndGet(url.get().length());
                            links.incrementAndGet();
                        } else {
                            waits.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = JvmStats.processCpuSeconds() - cpuStart;
            pool.shutdown();
            return new Result(portalKind, lessons, links.get(), waits.get(), threads, seconds, cpu, JvmStats.peakHeapMiB(),
                    Runtime.getRuntime().maxMemory() / (1024.0 * 1024));
        }
    }

    private static LessonPortal portal(String kind, BbbClient bbb) {
        switch (kind) {
            case "adapter":
                return new AdapterPortal(bbb);
            case "direct":
                return new DirectClientPortal(bbb, "tenant-hessen-pseudonym-key-2026".getBytes(StandardCharsets.UTF_8));
            default:
                bbb.close();
                throw new IllegalArgumentException("portal must be adapter or direct, was " + kind);
        }
    }
}
