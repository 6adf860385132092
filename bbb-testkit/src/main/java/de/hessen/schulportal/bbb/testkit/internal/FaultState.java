// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.Random;

/** The fault knobs; read on every request, changed by tests at any time. */
public final class FaultState {
    private volatile long latencyMs;
    private volatile int forcedStatus;
    private volatile boolean hang;
    private volatile boolean closeConnections;
    private double failureRate;
    private Random random = new Random(0);
    private volatile Runnable onRelease = () -> { };

    public long latencyMs() {
        return latencyMs;
    }

    public void latencyMs(long ms) {
        latencyMs = ms;
    }

    public int forcedStatus() {
        return forcedStatus;
    }

    public void forcedStatus(int status) {
        forcedStatus = status;
    }

    public boolean hang() {
        return hang;
    }

    /** Turning hanging off releases the held requests by closing their connections. */
    public void hang(boolean on) {
        hang = on;
        if (!on) {
            onRelease.run();
        }
    }

    public boolean closeConnections() {
        return closeConnections;
    }

    public void closeConnections(boolean on) {
        closeConnections = on;
    }

    public synchronized double failureRate() {
        return failureRate;
    }

    /** A seeded generator makes the sequence of failures reproducible. */
    public synchronized void failureRate(double rate, long seed) {
        failureRate = rate;
        random = new Random(seed);
    }

    /** Draws whether this request fails. */
    public synchronized boolean drawFailure() {
        return failureRate > 0 && random.nextDouble() < failureRate;
    }

    public void onRelease(Runnable r) {
        onRelease = r;
    }

    /** Back to a healthy server. */
    public void reset() {
        latencyMs = 0;
        forcedStatus = 0;
        closeConnections = false;
        failureRate(0, 0);
        hang(false);
    }
}
