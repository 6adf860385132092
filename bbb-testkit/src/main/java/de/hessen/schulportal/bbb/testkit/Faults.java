// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.FaultState;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for resilience tests; obtained from {@link BbbSimulator#faults()}. Changes take
 * effect for the next request and apply to every path of the simulator. Thread-safe; all setters
 * return this for chaining.
 *
 * <pre>{@code
 * sim.faults().latency(Duration.ofMillis(200)).failureRate(0.3, 42);
 * ...
 * sim.faults().reset();
 * }</pre>
 *
 * Precedence per request: {@link #closeConnections(boolean)}, then {@link #hang(boolean)}, then
 * {@link #latency(Duration)} (a delay before the rest is decided), then {@link #forceStatus(int)},
 * then {@link #failureRate(double, long)}.
 */
public final class Faults {
    private final FaultState state;

    Faults(FaultState state) {
        this.state = state;
    }

    /**
     * Delays every answer by {@code delay} (on the connection's own thread; other connections are not held up).
     *
     * @param delay the delay; zero turns it off
     * @return this
     * @throws IllegalArgumentException if negative
     * @throws NullPointerException if {@code delay} is null
     */
    public Faults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + delay);
        }
        state.latencyMs(delay.toMillis());
        return this;
    }

    /**
     * Answers that fraction of requests with HTTP 503 and an HTML body, like an overloaded proxy.
     * The choice is drawn from a generator seeded with {@code seed}, so a test sees the same
     * sequence every run.
     *
     * @param rate 0.0 (never) to 1.0 (always)
     * @param seed the seed of the random generator
     * @return this
     * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
     */
    public Faults failureRate(double rate, long seed) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("failure rate must be within [0, 1], was " + rate);
        }
        state.failureRate(rate, seed);
        return this;
    }

    /**
     * Answers every request with this HTTP status and an HTML body; 0 turns it off.
     *
     * @param status the HTTP status, or 0 for off
     * @return this
     * @throws IllegalArgumentException unless 0 or 100..599
     */
    public Faults forceStatus(int status) {
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 0 or 100..599, was " + status);
        }
        state.forcedStatus(status);
        return this;
    }

    /**
     * While on, requests are accepted but never answered, until the client gives up. Turning it
     * off (or {@link #reset()}, or closing the simulator) closes the connections of the held requests.
     *
     * @param on whether requests hang
     * @return this
     */
    public Faults hang(boolean on) {
        state.hang(on);
        return this;
    }

    /**
     * While on, each request's connection is closed without any response.
     *
     * @param on whether connections are closed
     * @return this
     */
    public Faults closeConnections(boolean on) {
        state.closeConnections(on);
        return this;
    }

    /**
     * Turns every fault off.
     *
     * @return this
     */
    public Faults reset() {
        state.reset();
        return this;
    }

    @Override
    public String toString() {
        return "Faults[latencyMs=" + state.latencyMs() + ", failureRate=" + state.failureRate()
                + ", forcedStatus=" + state.forcedStatus() + ", hang=" + state.hang()
                + ", closeConnections=" + state.closeConnections() + "]";
    }
}
