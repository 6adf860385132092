// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.portal.DisplayNamePolicy;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The names part of a join: the adapter builds a {@link Person} (normal form and checks of first
 * and last name) and makes the display name (the marker check by confusable skeleton since issue
 * 19). Run on main and on the branch for the cost of the UTS #39 rules per join.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DisplayNameBenchmark extends ShortRun {
    private final DisplayNamePolicy policy = DisplayNamePolicy.defaults();

    @Benchmark
    public String pupilJoins() {
        return policy.displayName(Person.builder("u-4711", SchoolRole.STUDENT, Relation.MEMBER)
                .firstName("Kim Sophie").lastName("Yılmaz").build());
    }

    @Benchmark
    public String guestJoins() {
        return policy.displayName(Person.builder("g-1", SchoolRole.GUEST, Relation.INVITED_GUEST)
                .firstName("Dr. Jana").lastName("Roth-Müller").build());
    }
}
