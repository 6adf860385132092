// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.gateway.Gateway;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Why the gateway's clients need more CPU per request through it (issue 20 §6): the harness (Moodle's
 * and the browsers' side) and the simulator (the backend) of {@link GatewayPeak}, looked at from
 * outside. Two parts:
 *
 * <ol>
 *   <li><b>What goes over the wire:</b> a small peak with a counting TCP relay on each hop
 *       (harness → gateway, gateway → simulator; directly harness → simulator): TCP connections opened
 *       and bytes each way per request, on each side. Shows whether the gateway's answers are longer
 *       or framed so that its clients reconnect, and what more the gateway sends the backend.</li>
 *   <li><b>CPU per request without relays</b>, in rounds of three runs: direct; direct through an
 *       in-process relay that burns about as much CPU per request as the gateway spends
 *       ({@code burn}: the same bytes as direct, the gateway's CPU load in the same JVM and on the same
 *       cores); and through the gateway. The harness's and the simulator's CPU per request of the
 *       {@code burn} run beyond the direct one is what sharing the cores with a gateway-sized load
 *       costs them whatever the gateway sends; the gateway run beyond the {@code burn} run is what
 *       the gateway's own requests and answers cost them.</li>
 * </ol>
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.GatewayPeakClients [lessons] [rounds] [burn µs]}
 */
public final class GatewayPeakClients {
    private static final String MOODLE_SECRET = "moodle-benchmark-secret-0123456789abcdef";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private GatewayPeakClients() {
    }

    /**
     * A TCP relay on 127.0.0.1 to one port, a thread per direction and connection; counts connections
     * and bytes, and may burn CPU on each chunk from the client (before forwarding it).
     */
    static final class Relay implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final long burnNanos;
        final AtomicLong connections = new AtomicLong();
        final AtomicLong up = new AtomicLong();
        final AtomicLong down = new AtomicLong();
        /** Reads that returned bytes from the server side (TCP segments, roughly). */
        final AtomicLong downReads = new AtomicLong();

        Relay(int target, long burnNanos) throws IOException {
            this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
            this.target = target;
            this.burnNanos = burnNanos;
            Thread t = new Thread(this::accept, "relay-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void reset() {
            connections.set(0);
            up.set(0);
            down.set(0);
            downReads.set(0);
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    Socket backend = new Socket(InetAddress.getLoopbackAddress(), target);
                    client.setTcpNoDelay(true);
                    backend.setTcpNoDelay(true);
                    connections.incrementAndGet();
                    pipe(client, backend, up, null, burnNanos);
                    pipe(backend, client, down, downReads, 0);
                }
            } catch (IOException e) {
                // closed
            }
        }

        private static void pipe(Socket from, Socket to, AtomicLong count, AtomicLong reads, long burnNanos) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                try (InputStream in = from.getInputStream()) {
                    OutputStream out = to.getOutputStream();
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        count.addAndGet(n);
                        if (reads != null) {
                            reads.incrementAndGet();
                        }
                        if (burnNanos > 0) {
                            burn(burnNanos);
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    to.shutdownOutput();
                } catch (IOException e) {
                    // the other side closed
                }
            }, "relay-pipe");
            t.setDaemon(true);
            t.start();
        }

        /** Hashes until this thread has spent {@code nanos} of CPU (work of the kind a gateway does). */
        private static void burn(long nanos) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long end = mx.getCurrentThreadCpuTime() + nanos;
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] b = new byte[2048];
                while (mx.getCurrentThreadCpuTime() < end) {
                    md.update(b);
                    b[0] ^= md.digest()[0];
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    public static void main(String[] args) throws Exception {
        int lessons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long burnMicros = args.length > 2 ? Long.parseLong(args[2]) : 150;
        try (SimulatorProcess sim = SimulatorProcess.start(true)) {
            GatewayPeak.Bench bench = GatewayPeak.Bench.create(sim::cpuSeconds);
            int simPort = URI.create(sim.baseUrl()).getPort();
            String directApi = (sim.baseUrl().endsWith("/") ? sim.baseUrl() : sim.baseUrl() + "/") + "api/";
            wire(bench, sim, simPort, directApi, Math.max(10, lessons / 10));
            try (Relay burner = new Relay(simPort, burnMicros * 1_000);
                 Gateway gateway = gateway(sim.baseUrl(), sim.secret())) {
                String burnApi = directApi.replace(":" + simPort + "/", ":" + burner.port() + "/");
                String gatewayApi = gateway.url() + "bigbluebutton/api/";
                System.out.printf(Locale.ROOT, "CPU per request (µs), %d lessons x 25 users, 16 threads; burn %d µs per request in the relay%n",
                        lessons, burnMicros);
                for (int round = -1; round < rounds; round++) {
                    int n = round < 0 ? lessons / 3 : lessons;
                    String p = "c" + round + "-";
                    double[] direct = cpu(bench, "direct", directApi, sim.secret(), n, p + "d-", false);
                    double[] burn = cpu(bench, "burn", burnApi, sim.secret(), n, p + "b-", false);
                    double[] through = cpu(bench, "gateway", gatewayApi, MOODLE_SECRET, n, p + "g-", true);
                    if (round >= 0) {
                        System.out.printf(Locale.ROOT, "round %d: harness direct %s, burn %s, gateway %s; simulator direct %.0f, burn %.0f,"
                                + " gateway %.0f; gateway's own %.0f; load average %s%n", round + 1, harness(direct), harness(burn),
                                harness(through), direct[4], burn[4], through[4], through[5], loadAverage());
                    }
                }
            }
        }
    }

    private static String harness(double[] c) {
        return String.format(Locale.ROOT, "%.0f (Moodle's threads %.0f + HTTP client's executor %.0f + selector %.0f)", c[0], c[1], c[2], c[3]);
    }

    /**
     * One run's CPU per request in µs: the harness (all; its Moodle threads, its HTTP client's executor,
     * its selector), the simulator, the gateway.
     */
    private static double[] cpu(GatewayPeak.Bench bench, String mode, String api, String secret, int lessons, String prefix,
            boolean through) throws Exception {
        Map<Long, Long> before = GatewayPeak.threadsCpu();
        GatewayPeak.Run r = GatewayPeak.run(bench, mode, api, secret, lessons, 25, 16, prefix, through);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // The run's Moodle threads have ended by now (the run counted them before its pool shut down):
        // their share is the harness's total less its HTTP client's threads, which live on.
        double[] part = new double[3];
        for (Map.Entry<Long, Long> e : GatewayPeak.threadsCpu().entrySet()) {
            ThreadInfo t = mx.getThreadInfo(e.getKey());
            if (t != null && GatewayPeak.side(t.getThreadName(), e.getKey(), bench.harness()) == GatewayPeak.Side.HARNESS
                    && !t.getThreadName().startsWith("harness-moodle")) {
                part[t.getThreadName().startsWith("harness-http") ? 1 : 2] += (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9;
            }
        }
        part[0] = r.harnessCpuSeconds() - part[1] - part[2];
        return new double[] {r.perCall(r.harnessCpuSeconds()), r.perCall(part[0]), r.perCall(part[1]), r.perCall(part[2]),
            r.perCall(r.simulatorCpuSeconds()), r.perCall(r.gatewayCpuSeconds())};
    }

    /** Part 1: connections and bytes per request on each hop, direct and through the gateway. */
    private static void wire(GatewayPeak.Bench bench, SimulatorProcess sim, int simPort, String directApi, int lessons)
            throws Exception {
        try (Relay toSim = new Relay(simPort, 0);
             Gateway gateway = gateway(directApi.replace(":" + simPort + "/", ":" + toSim.port() + "/")
                     .replaceFirst("api/$", ""), sim.secret());
             Relay toGateway = new Relay(gateway.port(), 0)) {
            String relayedDirect = directApi.replace(":" + simPort + "/", ":" + toSim.port() + "/");
            String relayedGateway = gateway.url().toString().replace(":" + gateway.port() + "/", ":" + toGateway.port() + "/")
                    + "bigbluebutton/api/";
            for (int i = 0; i < 2; i++) {
                for (boolean through : new boolean[] {false, true}) {
                    toSim.reset();
                    toGateway.reset();
                    GatewayPeak.Run r = GatewayPeak.run(bench, through ? "gateway" : "direct", through ? relayedGateway : relayedDirect,
                            through ? MOODLE_SECRET : sim.secret(), lessons, 25, 16, "w" + i + (through ? "g-" : "d-"), through);
                    double calls = r.gatewayCalls();
                    Relay harnessHop = through ? toGateway : toSim;
                    System.out.printf(Locale.ROOT, "%s run %d (%d requests): harness opened %d connections, sent %.0f and received %.0f bytes"
                            + " in %.2f reads per request%s%n", r.mode(), i + 1, r.gatewayCalls(), harnessHop.connections.get(),
                            harnessHop.up.get() / calls, harnessHop.down.get() / calls, harnessHop.downReads.get() / calls, through ? String.format(Locale.ROOT, "; the gateway opened %d connections to the"
                                    + " simulator, sent %.0f and received %.0f bytes in %.2f reads per request", toSim.connections.get(),
                                    toSim.up.get() / calls, toSim.down.get() / calls, toSim.downReads.get() / calls) : "");
                }
            }
        }
    }

    private static Gateway gateway(String backend, String backendSecret) {
        return Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").port(0)
                .limits(GatewayLimits.builder().maxConcurrentRequests(256).build())
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, backend, backendSecret).build()).build());
    }

    private static String loadAverage() {
        try {
            return Arrays.toString(Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException | UncheckedIOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
