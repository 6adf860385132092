// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every JMH benchmark here shares, in one place: one fork, 3 warm-up and 5 measured
 * iterations of 1 s each, one state per benchmark. A benchmark extends this class (JMH's annotations
 * are inherited) and adds its own mode and time unit; the command lines in BENCHMARKS.md may override
 * the counts for a published run.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class ShortRun {
    /** For the benchmarks that extend it. */
    protected ShortRun() {
    }
}
