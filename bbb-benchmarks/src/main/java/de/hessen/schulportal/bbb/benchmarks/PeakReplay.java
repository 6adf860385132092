package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 4: the 8 o'clock peak. 3,000 lessons are started and 75,000 join links signed (one
 * teacher and 24 pupils per lesson), as fast as it goes, through a {@link LessonPortal} against the
 * simulator in its own JVM. Reports the total time and the harness JVM's peak heap.
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.PeakReplay [lessons] [links per lesson] [threads]}
 */
public final class PeakReplay {
    private PeakReplay() {
    }

    /** The outcome. */
    public record Result(int lessons, long links, int threads, double seconds, double peakHeapMiB, double maxHeapMiB) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d lessons + %,d join links with %d threads: %.2f s, peak heap %.0f MiB (max heap %.0f MiB)",
                    lessons, links, threads, seconds, peakHeapMiB, maxHeapMiB);
        }
    }

    public static void main(String[] args) throws Exception {
        int lessons = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int perLesson = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        System.out.println(run(true, lessons, perLesson, threads));
    }

    /**
     * Replays the peak.
     *
     * @param childJvm whether the simulator runs in its own JVM
     * @param lessons lessons to start
     * @param linksPerLesson join links per lesson (the first is the teacher's)
     * @param threads portal worker threads
     * @return the outcome
     * @throws Exception if a lesson failed
     */
    public static Result run(boolean childJvm, int lessons, int linksPerLesson, int threads) throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start(childJvm);
             LessonPortal portal = new DirectClientPortal(
                     BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build(),
                     "tenant-hessen-pseudonym-key-2026".getBytes(StandardCharsets.UTF_8))) {
            JvmStats.retainedHeapMiB();
            JvmStats.resetPeakHeap();
            AtomicLong links = new AtomicLong();
            AtomicLong urlBytes = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>(lessons);
            for (int l = 0; l < lessons; l++) {
                int lesson = l;
                futures.add(pool.submit(() -> {
                    String school = "schule-" + (lesson % 1_900);
                    LessonPortal.Lesson started = portal.startLesson(school, "lesson-" + lesson,
                            "Klasse " + (5 + lesson % 8) + (char) ('a' + lesson % 4) + " – Mathematik");
                    for (int u = 0; u < linksPerLesson; u++) {
                        boolean teacher = u == 0;
                        String url = portal.joinLink(started, school + "/user-" + lesson + "-" + u,
                                teacher ? "Frau Schäfer" : "Schüler Jürgen Größ " + u, teacher);
                        urlBytes.addAndGet(url.length());
                        links.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return new Result(lessons, links.get(), threads, seconds, JvmStats.peakHeapMiB(),
                    Runtime.getRuntime().maxMemory() / (1024.0 * 1024));
        }
    }
}
