// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.gateway.Gateway;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The 8 o'clock peak as SchulMoodle makes it, through the privacy gateway and, for comparison,
 * straight to the backend. 3,000 lessons: Moodle creates each meeting (with its metadata), then for
 * each of 25 users (the teacher first) calls getMeetingInfo (Moodle reads {@code createTime} before
 * every join) and sends the browser to a signed join URL; the teacher's browser enters. Through the
 * gateway the browser's join is the gateway's 302 to the backend's signed URL; directly it is
 * Moodle's own signed URL. 75,000 joins, 75,000 getMeetingInfo, 3,000 creates per run.
 *
 * <p>The simulator runs in its own JVM; the gateway runs in this JVM (so the harness CPU includes
 * the gateway's). Reports the run time and per-call latency percentiles of both modes, and the
 * gateway's overhead per call (gateway minus direct, at the median and the 99th percentile).
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.GatewayPeak [lessons] [users per lesson] [threads]}
 */
public final class GatewayPeak {
    private static final String MOODLE_SECRET = "moodle-benchmark-secret-0123456789abcdef";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private GatewayPeak() {
    }

    /** Latencies of one mode. */
    record Run(String mode, double seconds, Latencies create, Latencies info, Latencies join, double cpuSeconds) {
        String line(String call, Latencies l) {
            return String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %.2f | %.2f |", mode, call, l.count(),
                    l.percentileMillis(50), l.percentileMillis(99), l.percentileMillis(99.9));
        }
    }

    public static void main(String[] args) throws Exception {
        int lessons = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        try (SimulatorProcess sim = SimulatorProcess.start(true);
             Gateway gateway = Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").port(0)
                     .limits(GatewayLimits.builder().maxConcurrentRequests(256).build())
                     .tenant(Tenant.builder("moodle", MOODLE_SECRET, sim.baseUrl(), sim.secret()).build()).build())) {
            String gatewayApi = gateway.url() + "bigbluebutton/api/";
            String directApi = sim.baseUrl().endsWith("/") ? sim.baseUrl() + "api/" : sim.baseUrl() + "/api/";
            // Warm-up: a tenth of the lessons each way, under other meeting IDs.
            run("warmup", gatewayApi, MOODLE_SECRET, lessons / 10, users, threads, "w-g-", true);
            run("warmup", directApi, sim.secret(), lessons / 10, users, threads, "w-d-", false);
            Run direct = run("direct", directApi, sim.secret(), lessons, users, threads, "d-", false);
            Run through = run("gateway", gatewayApi, MOODLE_SECRET, lessons, users, threads, "g-", true);
            System.out.printf(Locale.ROOT, "lessons=%d users/lesson=%d threads=%d cores=%d%n", lessons, users, threads,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "direct:  %.2f s, harness CPU %.2f s%n", direct.seconds, direct.cpuSeconds);
            System.out.printf(Locale.ROOT, "gateway: %.2f s, harness CPU %.2f s (includes the gateway)%n", through.seconds,
                    through.cpuSeconds);
            System.out.println("| mode | call | count | p50 ms | p99 ms | p99.9 ms |");
            System.out.println("|---|---|---|---|---|---|");
            for (Run r : List.of(direct, through)) {
                System.out.println(r.line("create", r.create));
                System.out.println(r.line("getMeetingInfo", r.info));
                System.out.println(r.line("join (gateway 302)", r.join));
            }
            System.out.printf(Locale.ROOT, "overhead per call (gateway - direct): create p50 %+.2f ms, getMeetingInfo p50 %+.2f ms"
                    + " p99 %+.2f ms, join p50 %+.2f ms%n",
                    through.create.percentileMillis(50) - direct.create.percentileMillis(50),
                    through.info.percentileMillis(50) - direct.info.percentileMillis(50),
                    through.info.percentileMillis(99) - direct.info.percentileMillis(99),
                    through.join.percentileMillis(50) - direct.join.percentileMillis(50));
        }
    }

    static Run run(String mode, String api, String secret, int lessons, int users, int threads, String idPrefix,
            boolean throughGateway) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        Latencies create = new Latencies(lessons);
        Latencies info = new Latencies(lessons * users);
        Latencies join = new Latencies(lessons * users);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double cpu = JvmStats.processCpuSeconds();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>(lessons);
        for (int l = 0; l < lessons; l++) {
            String meetingId = idPrefix + HexFormat.of().formatHex(sha256("lesson-" + l)).substring(0, 40) + "-" + (l % 400) + "-" + l + "[0]";
            futures.add(pool.submit(() -> {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("meetingID", meetingId);
                p.put("name", "Mathematik 7b Frau Schmidt");
                p.put("attendeePW", "aP4ssw0rd123");
                p.put("moderatorPW", "mP4ssw0rd456");
                p.put("logoutURL", "https://moodle.schule.de/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=42&courseid=5");
                p.put("record", "false");
                p.put("meta_bbb-origin", "Moodle");
                p.put("meta_bbb-origin-server-name", "moodle.schule.de");
                p.put("meta_bbb-context", "Mathematik 7b Schmidt");
                p.put("meta_bbb-recording-ready-url", "https://moodle.schule.de/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready");
                timed(create, http, url(api, "create", p, secret), 200);
                for (int u = 0; u < users; u++) {
                    String body = timed(info, http, url(api, "getMeetingInfo", Map.of("meetingID", meetingId), secret), 200);
                    String createTime = body.replaceAll("(?s).*<createTime>(\\d+)</createTime>.*", "$1");
                    Map<String, String> j = new LinkedHashMap<>();
                    j.put("meetingID", meetingId);
                    j.put("fullName", u == 0 ? "Petra Schmidt" : "Kim Yilmaz " + u);
                    j.put("role", u == 0 ? "MODERATOR" : "VIEWER");
                    j.put("userID", Integer.toString(1000 + u));
                    j.put("guest", "false");
                    j.put("createTime", createTime);
                    j.put("userdata-bbb_override_default_locale", "de");
                    String joinUrl = url(api, "join", j, secret);
                    // Through the gateway the browser gets the gateway's 302 to the session URL (the gateway
                    // joined on the server); directly, Moodle's URL is final and the browser joins.
                    if (throughGateway) {
                        long t = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(joinUrl)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        join.record(System.nanoTime() - t);
                        if (r.statusCode() != 302) {
                            throw new IllegalStateException("gateway join answered HTTP " + r.statusCode());
                        }
                        joinUrl = r.headers().firstValue("Location").orElseThrow();
                    } else {
                        join.record(0);
                    }
                    if (u == 0 && !throughGateway) {
                        HttpResponse<Void> entered = http.send(HttpRequest.newBuilder(URI.create(joinUrl)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (entered.statusCode() != 302) {
                            throw new IllegalStateException("backend join answered HTTP " + entered.statusCode());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Run(mode, seconds, create, info, join, JvmStats.processCpuSeconds() - cpu);
    }

    private static String timed(Latencies l, HttpClient http, String url, int status) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        l.record(System.nanoTime() - t);
        if (r.statusCode() != status || !r.body().contains("<returncode>SUCCESS</returncode>")) {
            throw new IllegalStateException("unexpected answer HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** Moodle's signing: PHP http_build_query encoding, sha256(call + query + secret). */
    static String url(String api, String call, Map<String, String> params, String secret) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(php(k)).append('=').append(php(v)));
        return api + call + "?" + q + "&checksum=" + HexFormat.of().formatHex(sha256(call + q + secret));
    }

    static String php(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
