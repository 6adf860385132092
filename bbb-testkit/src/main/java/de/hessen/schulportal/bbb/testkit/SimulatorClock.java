// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's notion of time. Everything time-based (meeting {@code duration} expiry, empty
 * meetings expiring, {@code endWhenNoModerator}, recordings moving from processing to published)
 * is judged against this clock.
 *
 * <p>Two kinds:
 * <ul>
 *   <li>{@link #manual()} (the default of {@link BbbSimulator#start()}): starts at the real
 *       time of creation and moves <em>only</em> when {@link #advance(Duration)} is called, so
 *       tests are deterministic. Due work runs synchronously inside {@code advance}, and the
 *       callbacks it triggers are queued before {@code advance} returns.</li>
 *   <li>{@link #system()}: real time (plus whatever was {@linkplain #advance(Duration) advanced});
 *       the simulator checks for due work a few times a second. The command-line simulator uses
 *       this.</li>
 * </ul>
 *
 * <p>Thread-safe. A clock may serve one simulator only.
 */
public final class SimulatorClock {
    private final boolean manual;
    private final long base;
    private final AtomicLong offset = new AtomicLong();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    private SimulatorClock(boolean manual, long base) {
        this.manual = manual;
        this.base = base;
    }

    /**
     * A manual clock starting now; it moves only through {@link #advance(Duration)}.
     *
     * @return a new manual clock
     */
    public static SimulatorClock manual() {
        return new SimulatorClock(true, System.currentTimeMillis());
    }

    /**
     * A manual clock starting at {@code start}.
     *
     * @param start the initial time; only millisecond precision is kept
     * @return a new manual clock
     * @throws NullPointerException if {@code start} is null
     */
    public static SimulatorClock manual(Instant start) {
        return new SimulatorClock(true, start.toEpochMilli());
    }

    /**
     * A clock following the system time.
     *
     * @return a new system clock
     */
    public static SimulatorClock system() {
        return new SimulatorClock(false, 0);
    }

    /**
     * Whether this clock moves only when advanced.
     *
     * @return true for a {@linkplain #manual() manual} clock, false for a {@linkplain #system() system} clock
     */
    public boolean isManual() {
        return manual;
    }

    /**
     * The current simulated time, millisecond precision.
     *
     * @return the current simulated time
     */
    public Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    /**
     * The current simulated time in epoch milliseconds.
     *
     * @return the current simulated time in milliseconds since the epoch
     */
    public long millis() {
        return (manual ? base : System.currentTimeMillis()) + offset.get();
    }

    /**
     * Moves the clock forward and runs whatever became due (meeting expiry, recording
     * processing) before returning.
     *
     * @param amount how far; must not be negative
     * @return this clock
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws NullPointerException if {@code amount} is null
     */
    public SimulatorClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
        offset.addAndGet(amount.toMillis());
        for (Runnable listener : listeners) {
            listener.run();
        }
        return this;
    }

    /** Called by the simulator that owns the clock; runs after each {@link #advance}. */
    void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    /** Called by the simulator when it closes. */
    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "SimulatorClock[" + (manual ? "manual" : "system") + ", now=" + now() + "]";
    }
}
