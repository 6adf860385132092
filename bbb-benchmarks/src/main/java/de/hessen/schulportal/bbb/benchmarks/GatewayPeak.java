// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.gateway.Gateway;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The 8 o'clock peak as SchulMoodle makes it, through the privacy gateway and, for comparison,
 * straight to the backend. 3,000 lessons: Moodle creates each meeting (with its metadata), then for
 * each of 25 users (the teacher first) calls getMeetingInfo (Moodle reads {@code createTime} before
 * every join) and sends the browser to a signed join URL, and the browser follows it. Directly, the
 * browser's request is the backend's join (its 302 to the client page); through the gateway it is
 * the gateway's join, which joins on the backend and answers a 302 to the session URL. Either way
 * the backend sees one join per user, so both sides ask the same work of the simulator (the same
 * attendees, the same getMeetingInfo answers); neither side loads the client page. 75,000 joins,
 * 75,000 getMeetingInfo, 3,000 creates per run.
 *
 * <p>One way of measuring: after a warm-up, {@code pairs} paired runs, the direct and the gateway
 * run of a pair back to back in this one invocation (their order alternating from pair to pair), so
 * both sides of a ratio see the same machine load; one harness HTTP client (HTTP/1.1, keep-alive)
 * for all runs. Reported: each pair's whole-peak ratio (gateway ÷ direct) and the median over the
 * pairs; per call kind the overhead at p50 and p99 (gateway minus direct, median over the pairs);
 * the CPU the gateway's own threads spent per proxied call, read from {@link ThreadMXBean}, which
 * load does not inflate the way it inflates wall-clock time (Jetty's {@code bbb-gateway} pool,
 * bbb-client's {@code bbb-client-*} executor and the selector threads of the gateway's JDK HTTP
 * clients; not the harness's client); the simulator JVM's CPU per run on each side (equal when
 * the sides ask the same of it); and the system load average before (the machine's other work)
 * and after each pair (which also counts this benchmark's own runnable threads).
 *
 * <p>The simulator runs in its own JVM; the gateway runs in this JVM beside the harness.
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.GatewayPeak [lessons] [users per lesson] [threads] [pairs]}
 */
public final class GatewayPeak {
    private static final String MOODLE_SECRET = "moodle-benchmark-secret-0123456789abcdef";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The target of issue 20 §6: the whole peak at most this many times the direct one. */
    static final double TARGET_RATIO = 1.5;
    /** The target of issue 20 §6: at most this many milliseconds added at p99 of getMeetingInfo. */
    static final double TARGET_ADDED_P99_MS = 1.0;

    private GatewayPeak() {
    }

    /**
     * What every run of an invocation shares.
     *
     * @param http the harness's HTTP client (Moodle's and the browsers' requests)
     * @param harness IDs of the harness's threads named like the gateway's (its HTTP client's selector)
     * @param simulatorCpu the simulator JVM's CPU seconds so far ({@code NaN} if unknown)
     */
    record Bench(HttpClient http, Set<Long> harness, DoubleSupplier simulatorCpu) {
        /**
         * A harness HTTP client and the bench around it; create it before the gateway starts, so the
         * client's selector thread is told apart from the gateway's.
         *
         * @param simulatorCpu the simulator JVM's CPU seconds so far
         * @return the bench
         */
        static Bench create(DoubleSupplier simulatorCpu) {
            // The JDK client's default executor (a cached pool), with threads named apart from the gateway's.
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "harness-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).executor(executor).build();
            // The JDK client starts its selector thread (HttpClient-<n>-SelectorManager) when it is built.
            Set<Long> harness = new HashSet<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("HttpClient-")) {
                    harness.add(t.getId());
                }
            }
            return new Bench(http, Set.copyOf(harness), simulatorCpu);
        }
    }

    /**
     * Latencies of one run and the CPU spent in it: the gateway's threads (all, and of them the
     * backend client's), the harness's (Moodle and the browsers) and the simulator JVM's.
     */
    record Run(String mode, double seconds, Latencies create, Latencies info, Latencies join, double gatewayCpuSeconds,
            double backendClientCpuSeconds, double harnessCpuSeconds, double simulatorCpuSeconds) {
        /** Moodle's and the browsers' requests: creates, getMeetingInfo and joins (through the gateway, each one it answered). */
        int gatewayCalls() {
            return create.count() + info.count() + join.count();
        }

        /** Microseconds of CPU per request of the harness, for the given seconds. */
        double perCall(double cpuSeconds) {
            return cpuSeconds * 1e6 / gatewayCalls();
        }
    }

    public static void main(String[] args) throws Exception {
        int lessons = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String loadBefore = loadAverages();
        try (SimulatorProcess sim = SimulatorProcess.start(true)) {
            Bench bench = Bench.create(sim::cpuSeconds);
            try (Gateway gateway = Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").port(0)
                     .limits(GatewayLimits.builder().maxConcurrentRequests(256).build())
                     .tenant(Tenant.builder("moodle", MOODLE_SECRET, sim.baseUrl(), sim.secret()).build()).build())) {
                measure(bench, gateway.url() + "bigbluebutton/api/", sim, lessons, users, threads, pairs, loadBefore);
            }
        }
    }

    private static void measure(Bench bench, String gatewayApi, SimulatorProcess sim, int lessons, int users, int threads,
            int pairs, String loadBefore) throws Exception {
        String directApi = sim.baseUrl().endsWith("/") ? sim.baseUrl() + "api/" : sim.baseUrl() + "/api/";
        System.out.printf(Locale.ROOT, "GatewayPeak %d %d %d %d at %s UTC; %d cores, Java %s; load average (1/5/15 min) before: %s%n",
                lessons, users, threads, pairs, Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadBefore);
        // Warm-up: a third of the lessons each way, under other meeting IDs (with a tenth, the first pair still
        // ran the gateway half-compiled: twice the CPU per call of the later pairs).
        run(bench, "warmup", gatewayApi, MOODLE_SECRET, lessons / 3, users, threads, "w-g-", true);
        run(bench, "warmup", directApi, sim.secret(), lessons / 3, users, threads, "w-d-", false);
        List<Run[]> runs = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Run direct;
            Run through;
            if (i % 2 == 0) {
                direct = run(bench, "direct", directApi, sim.secret(), lessons, users, threads, "d" + i + "-", false);
                through = run(bench, "gateway", gatewayApi, MOODLE_SECRET, lessons, users, threads, "g" + i + "-", true);
            } else {
                through = run(bench, "gateway", gatewayApi, MOODLE_SECRET, lessons, users, threads, "g" + i + "-", true);
                direct = run(bench, "direct", directApi, sim.secret(), lessons, users, threads, "d" + i + "-", false);
            }
            runs.add(new Run[] {direct, through});
            System.out.printf(Locale.ROOT, "pair %d (%s first): direct %.2f s, gateway %.2f s, ratio %.2f; gateway CPU %.0f µs/call;"
                    + " simulator CPU direct %.1f s, gateway %.1f s; load average now %s%n", i + 1, i % 2 == 0 ? "direct" : "gateway",
                    direct.seconds, through.seconds, through.seconds / direct.seconds, cpuMicrosPerCall(through),
                    direct.simulatorCpuSeconds, through.simulatorCpuSeconds, loadAverages());
        }
        System.out.printf(Locale.ROOT, "load average (1/5/15 min) after: %s (while running it counts this benchmark's own threads)%n",
                loadAverages());
        double ratio = median(runs, r -> r[1].seconds / r[0].seconds);
        System.out.printf(Locale.ROOT, "whole peak: direct %.2f s, gateway %.2f s (medians); ratio gateway/direct median %.2f"
                + " (pairs %s)%n",
                median(runs, r -> r[0].seconds), median(runs, r -> r[1].seconds), ratio, pairsOf(runs, r -> r[1].seconds / r[0].seconds));
        System.out.printf(Locale.ROOT, "gateway threads' CPU per proxied call: median %.0f µs (pairs %s)%n",
                median(runs, r -> cpuMicrosPerCall(r[1])), pairsOf(runs, r -> cpuMicrosPerCall(r[1])));
        System.out.printf(Locale.ROOT, "  of it the backend client's threads (bbb-client-*, HttpClient-*): median %.0f µs; Jetty's threads the rest%n",
                median(runs, r -> r[1].backendClientCpuSeconds * 1e6 / r[1].gatewayCalls()));
        System.out.printf(Locale.ROOT, "simulator JVM's CPU per run: direct %.1f s, gateway %.1f s (medians)%n",
                median(runs, r -> r[0].simulatorCpuSeconds), median(runs, r -> r[1].simulatorCpuSeconds));
        // On saturated cores the wall-clock ratio follows the ratio of the CPU each side needs per request.
        double directCpu = median(runs, r -> r[0].perCall(r[0].harnessCpuSeconds + r[0].simulatorCpuSeconds));
        double gatewayCpu = median(runs, r -> r[1].perCall(r[1].harnessCpuSeconds + r[1].simulatorCpuSeconds + r[1].gatewayCpuSeconds));
        System.out.printf(Locale.ROOT, "CPU per request (medians): direct %.0f µs (harness %.0f + simulator %.0f); through the gateway"
                + " %.0f µs (harness %.0f + simulator %.0f + gateway %.0f); ratio %.2f%n", directCpu,
                median(runs, r -> r[0].perCall(r[0].harnessCpuSeconds)), median(runs, r -> r[0].perCall(r[0].simulatorCpuSeconds)),
                gatewayCpu, median(runs, r -> r[1].perCall(r[1].harnessCpuSeconds)), median(runs, r -> r[1].perCall(r[1].simulatorCpuSeconds)),
                median(runs, r -> r[1].perCall(r[1].gatewayCpuSeconds)), gatewayCpu / directCpu);
        System.out.println("| call | direct p50 ms | gateway p50 ms | added p50 ms | direct p99 ms | gateway p99 ms | added p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("create", runs, Run::create);
        double infoAddedP99 = row("getMeetingInfo", runs, Run::info);
        row("join (the browser's request: backend's 302 / gateway's 302)", runs, Run::join);
        boolean met = ratio <= TARGET_RATIO && infoAddedP99 <= TARGET_ADDED_P99_MS;
        System.out.printf(Locale.ROOT, "target (ratio <= %.1f, getMeetingInfo added p99 <= %.1f ms): %s (ratio %.2f, added p99 %+.2f ms)%n",
                TARGET_RATIO, TARGET_ADDED_P99_MS, met ? "met" : "not met", ratio, infoAddedP99);
    }

    /** Prints one call kind's row; returns its added p99 (median over the pairs). */
    private static double row(String call, List<Run[]> runs, java.util.function.Function<Run, Latencies> kind) {
        double addedP99 = median(runs, r -> kind.apply(r[1]).percentileMillis(99) - kind.apply(r[0]).percentileMillis(99));
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f | %.2f | %.2f | %+.2f |%n", call,
                median(runs, r -> kind.apply(r[0]).percentileMillis(50)), median(runs, r -> kind.apply(r[1]).percentileMillis(50)),
                median(runs, r -> kind.apply(r[1]).percentileMillis(50) - kind.apply(r[0]).percentileMillis(50)),
                median(runs, r -> kind.apply(r[0]).percentileMillis(99)), median(runs, r -> kind.apply(r[1]).percentileMillis(99)),
                addedP99);
        return addedP99;
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

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or the JVM's 1-minute figure elsewhere. */
    private static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Whose work a thread of this JVM does. */
    enum Side {
        /** Jetty's pool of the gateway ({@code bbb-gateway*}). */
        JETTY,
        /** The gateway's backend and callback HTTP clients ({@code bbb-client-*}, {@code HttpClient-*}). */
        BACKEND_CLIENT,
        /** Moodle and the browsers: the run's pool, the harness HTTP client's executor and selector. */
        HARNESS,
        /** Anything else (main, JFR, the JVM's own Java threads). */
        OTHER
    }

    static Side side(String name, long id, Set<Long> harness) {
        if (name.startsWith("harness-") || harness.contains(id)) {
            return Side.HARNESS;
        }
        if (name.startsWith("bbb-gateway")) {
            return Side.JETTY;
        }
        return name.startsWith("bbb-client-") || name.startsWith("HttpClient-") ? Side.BACKEND_CLIENT : Side.OTHER;
    }

    /**
     * CPU nanoseconds of every thread alive now, by thread ID. A run's share is the difference of two
     * snapshots, thread by thread (a thread started during the run counts from zero; one that ended
     * during it is lost, which undercounts slightly).
     */
    static Map<Long, Long> threadsCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long ns = mx.getThreadCpuTime(id);
            if (ns > 0) {
                cpu.put(id, ns);
            }
        }
        return cpu;
    }

    /** CPU seconds by side since the snapshot. */
    static Map<Side, Double> cpuSecondsSince(Map<Long, Long> before, Set<Long> harness) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Side, Double> bySide = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            bySide.put(side, 0.0);
        }
        for (Map.Entry<Long, Long> e : threadsCpu().entrySet()) {
            ThreadInfo t = mx.getThreadInfo(e.getKey());
            if (t != null) {
                bySide.merge(side(t.getThreadName(), e.getKey(), harness), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9,
                        Double::sum);
            }
        }
        return bySide;
    }

    /** The meeting ID Moodle gives lesson {@code l} of a run: 40 hex characters, then course and activity numbers. */
    static String meetingId(String idPrefix, int l) {
        return idPrefix + HexFormat.of().formatHex(sha256("lesson-" + l)).substring(0, 40) + "-" + (l % 400) + "-" + l + "[0]";
    }

    static Run run(Bench bench, String mode, String api, String secret, int lessons, int users, int threads, String idPrefix,
            boolean throughGateway) throws Exception {
        HttpClient http = bench.http();
        Latencies create = new Latencies(lessons);
        Latencies info = new Latencies(lessons * users);
        Latencies join = new Latencies(lessons * users);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "harness-moodle-" + n.incrementAndGet()));
        Map<Long, Long> cpu = threadsCpu();
        double simulatorCpu = bench.simulatorCpu().getAsDouble();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>(lessons);
        for (int l = 0; l < lessons; l++) {
            String meetingId = meetingId(idPrefix, l);
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
                    String createTime = element(body, "createTime");
                    Map<String, String> j = new LinkedHashMap<>();
                    j.put("meetingID", meetingId);
                    j.put("fullName", u == 0 ? "Petra Schmidt" : "Kim Yilmaz " + u);
                    j.put("role", u == 0 ? "MODERATOR" : "VIEWER");
                    j.put("userID", Integer.toString(1000 + u));
                    j.put("guest", "false");
                    j.put("createTime", createTime);
                    j.put("userdata-bbb_override_default_locale", "de");
                    // The browser follows Moodle's join URL: directly the backend joins and answers its 302 to
                    // the client page; through the gateway the gateway joins on the backend and answers its 302
                    // to the session URL.
                    long t = System.nanoTime();
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url(api, "join", j, secret))).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    join.record(System.nanoTime() - t);
                    if (r.statusCode() != 302 || r.headers().firstValue("Location").isEmpty()) {
                        throw new IllegalStateException(mode + " join answered HTTP " + r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Read the CPU before the pool shuts down: a thread that has ended is no longer reported, and
        // the Moodle threads end soon after shutdown(), so reading after it dropped their CPU in some runs.
        Map<Side, Double> used = cpuSecondsSince(cpu, bench.harness());
        pool.shutdown();
        return new Run(mode, seconds, create, info, join, used.get(Side.JETTY) + used.get(Side.BACKEND_CLIENT), used.get(Side.BACKEND_CLIENT),
                used.get(Side.HARNESS), bench.simulatorCpu().getAsDouble() - simulatorCpu);
    }

    /** The text of the first {@code <name>} element of an answer. */
    static String element(String xml, String name) {
        int open = xml.indexOf("<" + name + ">");
        int close = xml.indexOf("</" + name + ">", open);
        if (open < 0 || close < 0) {
            throw new IllegalStateException("the answer has no " + name);
        }
        return xml.substring(open + name.length() + 2, close);
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
