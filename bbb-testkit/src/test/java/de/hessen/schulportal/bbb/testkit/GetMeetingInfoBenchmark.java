package de.hessen.schulportal.bbb.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create(api.url("getMeetingInfo", Api.params("meetingID", "bench-room")))).build();
            int threads = 8;
            Duration warmup = Duration.ofSeconds(3);
            Duration measure = Duration.ofSeconds(10);
            run(request, threads, warmup);
            long count = run(request, threads, measure);
            System.out.printf(java.util.Locale.ROOT, "getMeetingInfo: %d requests in %d s with %d client threads = %.0f req/s (%d cores)%n",
                    count, measure.toSeconds(), threads, count / (double) measure.toSeconds(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static long run(HttpRequest request, int threads, Duration duration) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        return ok.get();
    }
}
