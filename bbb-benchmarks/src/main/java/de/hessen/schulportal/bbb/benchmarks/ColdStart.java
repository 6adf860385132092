// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 6: cold start, measured as whole processes. For each probe a fresh JVM is launched
 * ({@code java -cp benchmarks.jar ...ColdStart$Probe <what>}); the time runs from
 * {@code ProcessBuilder.start()} until the probe prints its result line. Probes: {@code jvm} (the
 * floor: a JVM that prints and exits), {@code sign} (build a client, sign one join URL),
 * {@code names} (the adapter's first display name: loads the name rules, ICU4J's data since issue 19) and
 * {@code info} (build a client, complete one {@code getMeetingInfo} against the simulator, which
 * runs warm in this process). Medians of the runs.
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.ColdStart [runs]}
 */
public final class ColdStart {
    private ColdStart() {
    }

    /** One probe's result. */
    public record Result(String probe, double medianMs, double minMs, double maxMs, int runs) {
        /** @return one markdown table row */
        public String row() {
            return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d |", probe, medianMs, minMs, maxMs, runs);
        }
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (Result r : run(runs)) {
            System.out.println(r.row());
        }
    }

    /**
     * Runs every probe.
     *
     * @param runs launches per probe
     * @return the results
     */
    public static List<Result> run(int runs) {
        List<Result> results = new ArrayList<>();
        try (SimulatorProcess sim = SimulatorProcess.start(false);
             BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            bbb.create(CreateMeetingRequest.builder("cold-start-room", "Klasse 7b – Mathematik").build());
            results.add(probe("JVM start to first output (floor)", runs, "jvm"));
            results.add(probe("JVM start to first signed join URL", runs, "sign"));
            results.add(probe("JVM start to first display name (adapter name rules)", runs, "names"));
            results.add(probe("JVM start to first completed getMeetingInfo", runs, "info", sim.baseUrl(), sim.secret()));
        }
        return results;
    }

    private static Result probe(String name, int runs, String... args) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(List.of(SimulatorProcess.javaExecutable(), "-cp",
                    System.getProperty("java.class.path"), Probe.class.getName()));
            cmd.addAll(Arrays.asList(args));
            long start = System.nanoTime();
            try {
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line = out.readLine();
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    if (line == null || !line.startsWith("OK")) {
                        throw new IllegalStateException("probe " + args[0] + " failed: " + line);
                    }
                }
                p.waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Result(name, sorted[runs / 2], sorted[0], sorted[runs - 1], runs);
    }

    /** The process that is started cold. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            switch (args[0]) {
                case "jvm":
                    System.out.println("OK");
                    break;
                case "sign":
                    try (BbbClient bbb = Workload.signingClient(ChecksumAlgorithm.SHA256)) {
                        System.out.println("OK " + bbb.joinUrl(Workload.joinRequest()).rawUrl().length());
                    }
                    break;
                case "names":
                    System.out.println("OK " + de.hessen.schulportal.bbb.portal.DisplayNamePolicy.defaults().displayName(
                            de.hessen.schulportal.bbb.portal.Person.builder("u-1", de.hessen.schulportal.bbb.portal.SchoolRole.STUDENT,
                                    de.hessen.schulportal.bbb.portal.Relation.MEMBER).firstName("Kim").lastName("Yilmaz").build()));
                    break;
                case "info":
                    try (BbbClient bbb = BbbClient.builder().baseUrl(args[1]).secret(args[2]).build()) {
                        System.out.println("OK " + bbb.getMeetingInfo("cold-start-room").participantCount());
                    }
                    break;
                default:
                    throw new IllegalArgumentException(args[0]);
            }
            System.out.flush();
        }
    }
}
