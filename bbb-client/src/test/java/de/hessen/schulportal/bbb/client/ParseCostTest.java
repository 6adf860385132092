// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading an answer costs time linear in its size, whatever its shape (issue 12, item 1: the old
 * reader was quadratic in the number of distinct sibling names: 8,000 of them cost it a hundred
 * times what 2,000 did). The sizes stay below the ten thousand or so distinct names where the
 * parser's own name table leaves the processor caches on this kind of machine (a bare StAX pass
 * measured 0.1 µs per name there and 2 to 5 µs at 160,000 names): that step is not ours, and the
 * request deadline bounds such answers whatever they cost (ParseDeadlineTest). Texts stay below
 * the size the collector allocates in its own slow way (half a heap region). For each shape,
 * reading an answer of size 4n once is compared with reading the answer of size n four times in a
 * row: the same amount of input, so linear cost gives a ratio near 1 and quadratic cost near 4. Both
 * sides take about as long, so a busy machine (preemption, caches another process emptied) costs both
 * alike; comparing one small read with one large read did not have that property and failed at load
 * 40. Time is this thread's CPU time (the collector runs on other threads), the best of seven
 * interleaved runs of each; no absolute time limit is set. The bound of 2.5 leaves room for caches
 * and the JIT without letting a quadratic reader through (the reader before issue 12: 2,000 distinct
 * names 12 ms, 8,000 names 800 ms, a ratio of 16 here).
 */
class ParseCostTest {
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("many distinct sibling names", 2_000, (IntFunction<String>) n -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        sb.append("<e").append(i).append(">x</e").append(i).append('>');
                    }
                    return sb.toString();
                }),
                Arguments.of("many repeated siblings", 2_000, (IntFunction<String>) n -> "<attendees>"
                        + "<attendee><userID>u</userID><fullName>Ada</fullName></attendee>".repeat(n) + "</attendees>"),
                Arguments.of("deep subtrees", 50, (IntFunction<String>) n -> ("<a>".repeat(60) + "x" + "</a>".repeat(60))
                        .repeat(n)),
                Arguments.of("wide distinct children under one element", 2_000, (IntFunction<String>) n -> {
                    StringBuilder sb = new StringBuilder("<metadata>");
                    for (int i = 0; i < n; i++) {
                        sb.append("<k").append(i).append("/>");
                    }
                    return sb.append("</metadata>").toString();
                }),
                Arguments.of("long text", 50_000, (IntFunction<String>) n -> "<meetingName>" + "y".repeat(n)
                        + "</meetingName>"),
                Arguments.of("many attributes", 200, (IntFunction<String>) n -> {
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

    /**
     * This thread's CPU time: the collector's threads and other work on the machine do not count.
     * Read through reflection because the tests are compiled into the module, which does not read
     * {@code java.management}; they run on the class path, where it is there.
     */
    private static final ThreadCpu CPU = new ThreadCpu();

    private static final class ThreadCpu {
        private final Object bean;
        private final Method cpuTime;

        ThreadCpu() {
            try {
                Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
                bean = factory.getMethod("getThreadMXBean").invoke(null);
                cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("java.management is part of every JDK", e);
            }
        }

        long nanos() {
            try {
                return (Long) cpuTime.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static long nanos(byte[] body, int times) {
        long start = CPU.nanos();
        for (int i = 0; i < times; i++) {
            MeetingResponses.meetingInfo(Envelope.xml(ApiErrors.Family.MEETING, "getMeetingInfo", null,
                    MappingProbe.raw(body)));
        }
        return CPU.nanos() - start;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parseAndMap_whenAnswerGrowsFourfold_costsAsMuchAsFourSmallOnes(String shape, int n, IntFunction<String> doc) {
        byte[] small = answer(doc, n);
        byte[] large = answer(doc, 4 * n);
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            // Until the JIT has compiled the reader, the first runs measure the interpreter.
            nanos(small, 4);
            nanos(large, 1);
        }
        long smallCost = Long.MAX_VALUE;
        long largeCost = Long.MAX_VALUE;
        // Interleaved, so that a slow phase of the machine hits both sizes alike.
        for (int run = 0; run < 7; run++) {
            smallCost = Math.min(smallCost, nanos(small, 4));
            largeCost = Math.min(largeCost, nanos(large, 1));
        }
        double ratio = (double) largeCost / smallCost;
        assertThat(ratio).as("%s: %d ns for 4 x %d bytes, %d ns for 1 x %d bytes", shape, smallCost,
                small.length, largeCost, large.length).isLessThan(2.5);
    }
}
