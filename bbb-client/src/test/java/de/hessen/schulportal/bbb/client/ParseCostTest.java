// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading an answer costs time linear in its size, whatever its shape (issue 12, item 1: the old
 * reader was quadratic in the number of distinct sibling names). For each shape the envelope check,
 * parse and mapping of an answer of size n and of size 4n are timed in this thread's CPU time (best
 * of several runs, so other work on the machine does not count); linear cost gives a ratio near 4,
 * quadratic near 16. The bound of 9 leaves room for caches and the JIT without letting a quadratic
 * reader through.
 */
class ParseCostTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("many distinct sibling names", 4_000, (IntFunction<String>) n -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        sb.append("<e").append(i).append(">x</e").append(i).append('>');
                    }
                    return sb.toString();
                }),
                Arguments.of("many repeated siblings", 4_000, (IntFunction<String>) n -> "<attendees>"
                        + "<attendee><userID>u</userID><fullName>Ada</fullName></attendee>".repeat(n) + "</attendees>"),
                Arguments.of("deep subtrees", 100, (IntFunction<String>) n -> ("<a>".repeat(60) + "x" + "</a>".repeat(60))
                        .repeat(n)),
                Arguments.of("wide distinct children under one element", 4_000, (IntFunction<String>) n -> {
                    StringBuilder sb = new StringBuilder("<metadata>");
                    for (int i = 0; i < n; i++) {
                        sb.append("<k").append(i).append("/>");
                    }
                    return sb.append("</metadata>").toString();
                }),
                Arguments.of("long text", 100_000, (IntFunction<String>) n -> "<meetingName>" + "y".repeat(n)
                        + "</meetingName>"),
                Arguments.of("many attributes", 1_000, (IntFunction<String>) n -> {
                    StringBuilder attrs = new StringBuilder();
                    for (int i = 0; i < 60; i++) {
                        attrs.append(" a").append(i).append("='v'");
                    }
                    return ("<image" + attrs + ">u</image>").repeat(n);
                }));
    }

    private static byte[] answer(IntFunction<String> shape, int n) {
        return ("<response><returncode>SUCCESS</returncode>" + shape.apply(n) + "</response>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long bestCpuNanos(byte[] body) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 7; run++) {
            long start = THREADS.getCurrentThreadCpuTime();
            MeetingResponses.meetingInfo(Envelope.xml(ApiErrors.Family.MEETING, "getMeetingInfo", null,
                    MappingProbe.raw(body)));
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
        }
        return best;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parseAndMap_whenAnswerGrowsFourfold_costGrowsLinearly(String shape, int n, IntFunction<String> doc) {
        byte[] small = answer(doc, n);
        byte[] large = answer(doc, 4 * n);
        bestCpuNanos(large); // warm-up for the JIT
        long smallCost = Math.max(1, bestCpuNanos(small));
        long largeCost = bestCpuNanos(large);
        double ratio = (double) largeCost / smallCost;
        assertThat(ratio).as("%s: CPU %d ns for %d bytes, %d ns for %d bytes", shape, smallCost, small.length,
                largeCost, large.length).isLessThan(9.0);
    }
}
