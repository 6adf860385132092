// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.gateway.Gateway;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * The 8 o'clock peak as SchulMoodle makes it, through the privacy gateway and, for comparison,
 * straight to the backend. 3,000 lessons: Moodle creates each meeting (with its metadata), then for
 * each of 25 users (the teacher first) calls getMeetingInfo (Moodle reads {@code createTime} before
 * every join) and sends the browser to a signed join URL; the teacher's browser enters. Through the
 * gateway the browser's join is the gateway's 302 to the backend's signed URL; directly it is
 * Moodle's own signed URL. 75,000 joins, 75,000 getMeetingInfo, 3,000 creates per run.
 *
 * <p>One way of measuring: after a warm-up, {@code pairs} paired runs, the direct and the gateway
 * run of a pair back to back in this one invocation (their order alternating from pair to pair), so
 * both sides of a ratio see the same machine load. Reported: each pair's whole-peak ratio (gateway ÷
 * direct) and the median over the pairs; per call kind the overhead at p50 and p99 (gateway minus
 * direct, median over the pairs); the CPU the gateway's own threads (Jetty's {@code bbb-gateway}
 * pool and bbb-client's {@code bbb-client-*} executor) spent per proxied call, read from
 * {@link ThreadMXBean}, which load does not inflate the way it inflates wall-clock time; and the
 * system load average before and after.
 *
 * <p>The simulator runs in its own JVM; the gateway runs in this JVM beside the harness.
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.GatewayPeak [lessons] [users per lesson] [threads] [pairs]}
 */
public final class GatewayPeak {
    private static final String MOODLE_SECRET = "moodle-benchmark-secret-0123456789abcdef";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private GatewayPeak() {
    }

    /** Latencies of one run, and the CPU the gateway's threads spent in it. */
    record Run(String mode, double seconds, Latencies create, Latencies info, Latencies join, double gatewayCpuSeconds) {
        /** Calls the gateway answered: creates, getMeetingInfo and the joins' 302. */
        int gatewayCalls() {
            return create.count() + info.count() + join.count();
        }
    }

    public static void main(String[] args) throws Exception {
        int lessons = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (SimulatorProcess sim = SimulatorProcess.start(true);
             Gateway gateway = Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").port(0)
                     .limits(GatewayLimits.builder().maxConcurrentRequests(256).build())
                     .tenant(Tenant.builder("moodle", MOODLE_SECRET, sim.baseUrl(), sim.secret()).build()).build())) {
            String gatewayApi = gateway.url() + "bigbluebutton/api/";
            String directApi = sim.baseUrl().endsWith("/") ? sim.baseUrl() + "api/" : sim.baseUrl() + "/api/";
            double loadBefore = loadAverage();
            // Warm-up: a third of the lessons each way, under other meeting IDs (with a tenth, the first pair still
            // ran the gateway half-compiled: twice the CPU per call of the later pairs).
            run("warmup", gatewayApi, MOODLE_SECRET, lessons / 3, users, threads, "w-g-", true);
            run("warmup", directApi, sim.secret(), lessons / 3, users, threads, "w-d-", false);
            List<Run[]> runs = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                Run direct;
                Run through;
                if (i % 2 == 0) {
                    direct = run("direct", directApi, sim.secret(), lessons, users, threads, "d" + i + "-", false);
                    through = run("gateway", gatewayApi, MOODLE_SECRET, lessons, users, threads, "g" + i + "-", true);
                } else {
                    through = run("gateway", gatewayApi, MOODLE_SECRET, lessons, users, threads, "g" + i + "-", true);
                    direct = run("direct", directApi, sim.secret(), lessons, users, threads, "d" + i + "-", false);
                }
                runs.add(new Run[] {direct, through});
                System.out.printf(Locale.ROOT, "pair %d: direct %.2f s, gateway %.2f s, ratio %.2f, gateway CPU %.0f µs/call,"
                        + " load %.1f%n", i + 1, direct.seconds, through.seconds, through.seconds / direct.seconds,
                        cpuMicrosPerCall(through), loadAverage());
            }
            double loadAfter = loadAverage();
            System.out.printf(Locale.ROOT, "lessons=%d users/lesson=%d threads=%d pairs=%d cores=%d load average (1 min) %.1f before,"
                    + " %.1f after%n", lessons, users, threads, pairs, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            System.out.printf(Locale.ROOT, "whole peak: direct %.2f s, gateway %.2f s (medians); ratio gateway/direct median %.2f"
                    + " (pairs %s)%n",
                    median(runs, r -> r[0].seconds), median(runs, r -> r[1].seconds),
                    median(runs, r -> r[1].seconds / r[0].seconds), pairsOf(runs, r -> r[1].seconds / r[0].seconds));
            System.out.printf(Locale.ROOT, "gateway threads' CPU per proxied call: median %.0f µs (pairs %s)%n",
                    median(runs, r -> cpuMicrosPerCall(r[1])), pairsOf(runs, r -> cpuMicrosPerCall(r[1])));
            System.out.println("| call | direct p50 ms | gateway p50 ms | added p50 ms | direct p99 ms | gateway p99 ms | added p99 ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            row("create", runs, Run::create);
            row("getMeetingInfo", runs, Run::info);
            System.out.printf(Locale.ROOT, "| join (the gateway's 302; direct: none) | – | %.2f | %.2f | – | %.2f | %.2f |%n",
                    median(runs, r -> r[1].join.percentileMillis(50)), median(runs, r -> r[1].join.percentileMillis(50)),
                    median(runs, r -> r[1].join.percentileMillis(99)), median(runs, r -> r[1].join.percentileMillis(99)));
        }
    }

    private static void row(String call, List<Run[]> runs, java.util.function.Function<Run, Latencies> kind) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f | %.2f | %.2f | %+.2f |%n", call,
                median(runs, r -> kind.apply(r[0]).percentileMillis(50)), median(runs, r -> kind.apply(r[1]).percentileMillis(50)),
                median(runs, r -> kind.apply(r[1]).percentileMillis(50) - kind.apply(r[0]).percentileMillis(50)),
                median(runs, r -> kind.apply(r[0]).percentileMillis(99)), median(runs, r -> kind.apply(r[1]).percentileMillis(99)),
                median(runs, r -> kind.apply(r[1]).percentileMillis(99) - kind.apply(r[0]).percentileMillis(99)));
    }

    static double median(List<Run[]> runs, ToDoubleFunction<Run[]> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String pairsOf(List<Run[]> runs, ToDoubleFunction<Run[]> f) {
        StringBuilder sb = new StringBuilder();
        for (Run[] r : runs) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", f.applyAsDouble(r)));
        }
        return sb.toString();
    }

    private static double cpuMicrosPerCall(Run r) {
        return r.gatewayCpuSeconds * 1e6 / r.gatewayCalls();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * CPU nanoseconds of the gateway's threads alive now, by thread ID: Jetty's pool and
     * bbb-client's executor. A run's share is the difference of two snapshots, thread by thread (a
     * thread started during the run counts from zero; one that ended during it is lost, which
     * undercounts slightly).
     */
    static Map<Long, Long> gatewayThreadsCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("bbb-gateway") || t.getThreadName().startsWith("bbb-client-"))) {
                long ns = mx.getThreadCpuTime(t.getThreadId());
                if (ns > 0) {
                    cpu.put(t.getThreadId(), ns);
                }
            }
        }
        return cpu;
    }

    static double cpuSecondsSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> e : gatewayThreadsCpu().entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total / 1e9;
    }

    static Run run(String mode, String api, String secret, int lessons, int users, int threads, String idPrefix,
            boolean throughGateway) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        Latencies create = new Latencies(lessons);
        Latencies info = new Latencies(lessons * users);
        Latencies join = new Latencies(lessons * users);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<Long, Long> cpu = gatewayThreadsCpu();
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
        return new Run(mode, seconds, create, info, join, cpuSecondsSince(cpu));
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
