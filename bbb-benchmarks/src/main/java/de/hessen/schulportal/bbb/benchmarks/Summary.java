// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JMH JSON of one run into the tables of BENCHMARKS.md: ratios of benchmarks measured
 * side by side, bytes per second, and our URLs per second next to the Node peer's.
 *
 * <p>{@code java -cp benchmarks.jar de.hessen.schulportal.bbb.benchmarks.Summary jmh.json [peer URLs/s]}
 */
public final class Summary {
    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode runs = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode r : runs.values()) {
            String name = r.path("benchmark").asString();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            String alg = r.path("params").path("algorithm").asString("");
            byName.put(alg.isEmpty() ? name : name + ":" + alg, r);
        }
        table("1. Signed join URL (ns per URL, bytes allocated per URL)", "algorithm", "SDK joinUrl",
                "SDK build + joinUrl", "raw JDK floor", "joinUrl / floor", "build + joinUrl / floor", "B/op joinUrl",
                "B/op build + joinUrl", "B/op floor");
        for (String alg : new String[] {"SHA1", "SHA256"}) {
            JsonNode sdk = byName.get("JoinUrlBenchmark.joinUrl:" + alg);
            JsonNode built = byName.get("JoinUrlBenchmark.buildAndJoinUrl:" + alg);
            JsonNode raw = byName.get("JoinUrlBenchmark.rawFloor:" + alg);
            if (sdk == null || built == null || raw == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | **%.2f×** | %.2f× | %.0f | %.0f | %.0f |%n", alg,
                    score(sdk), score(built), score(raw), value(sdk) / value(raw), value(built) / value(raw),
                    alloc(sdk), alloc(built), alloc(raw));
        }
        System.out.println();
        table("2. Parsing (MB/s = 10^6 bytes of XML per second)", "answer", "plain StAX pass", "SDK parse + map",
                "SDK full call over loopback", "StAX / SDK map", "StAX / SDK call", "B/op SDK map");
        for (String call : new String[] {"GetMeetings", "GetRecordings"}) {
            JsonNode stax = byName.get("ParseBenchmark.stax" + call);
            JsonNode map = byName.get("ParseBenchmark.sdkMap" + call);
            JsonNode http = byName.get("ParseBenchmark.sdkCall" + call);
            if (stax == null || map == null || http == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | **%.2f×** | %.2f× | %.0f |%n", call.substring(3),
                    mbs(stax), mbs(map), mbs(http), mbs(stax) / mbs(map), mbs(stax) / mbs(http), alloc(map));
        }
        JsonNode built = byName.get("JoinUrlBenchmark.buildAndJoinUrl:SHA1");
        if (built != null) {
            double ours = 1e9 / value(built);
            System.out.println();
            System.out.println("## 5. Peer comparison, SHA-1 join URLs per second on one core");
            System.out.println();
            if (args.length > 1) {
                double peer = Double.parseDouble(args[1]);
                System.out.printf(Locale.ROOT, "| SDK (build + joinUrl, 1 thread) | bigbluebutton-js (Node, 1 thread) | ratio |%n|---|---|---|%n"
                        + "| %,.0f | %,.0f | **%.1f×** |%n", ours, peer, ours / peer);
            } else {
                System.out.printf(Locale.ROOT, "SDK (build + joinUrl, 1 thread): %,.0f URLs/s%n", ours);
            }
        }
    }

    /** Prints a Markdown heading and the head of a table with these columns. */
    private static void table(String title, String... columns) {
        System.out.println("## " + title);
        System.out.println();
        System.out.println("| " + String.join(" | ", columns) + " |");
        System.out.println("|---".repeat(columns.length) + "|");
    }

    private static double value(JsonNode r) {
        return r.path("primaryMetric").path("score").asDouble();
    }

    private static String score(JsonNode r) {
        return String.format(Locale.ROOT, "%.0f ± %.0f", value(r), r.path("primaryMetric").path("scoreError").asDouble());
    }

    private static double alloc(JsonNode r) {
        return r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
    }

    private static double mbs(JsonNode r) {
        return r.path("secondaryMetrics").path("bytes").path("score").asDouble() / 1e6;
    }
}
