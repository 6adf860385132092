// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ConnectionCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /health/ready}: whether every backend answers as a BigBlueButton API with the configured
 * secret ({@link BbbClient#checkConnection()}, once per distinct backend), within a time budget.
 *
 * <p>Scrapes cannot amplify load on the backends: the result is cached for {@code cacheFor}; when it
 * is stale, one caller runs the check (bounded by {@code budget}) while every other caller gets the
 * last result at once. Before the first check has finished the gateway is not ready.
 *
 * <p>Thread-safe.
 */
public final class Readiness {
    /** One result: ready or not, how many backends failed, when it was taken. */
    private static final class Snapshot {
        final boolean ready;
        final int failed;
        final int total;
        final long takenNanos;

        Snapshot(boolean ready, int failed, int total, long takenNanos) {
            this.ready = ready;
            this.failed = failed;
            this.total = total;
            this.takenNanos = takenNanos;
        }
    }

    private final List<BbbClient> backends;
    private final Duration budget;
    private final long cacheNanos;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Snapshot last;

    /**
     * Readiness over these backends.
     *
     * @param backends one client per distinct backend
     * @param budget how long one check may take in all
     * @param cacheFor how long a result is reused
     */
    public Readiness(Collection<BbbClient> backends, Duration budget, Duration cacheFor) {
        this.backends = List.copyOf(backends);
        this.budget = budget;
        this.cacheNanos = cacheFor.toNanos();
    }

    /**
     * The readiness answer: 200 {@code {"status":"UP"}} or 503 {@code {"status":"DOWN",…}} with the
     * count of failing backends (never a URL or tenant).
     *
     * @return the answer
     */
    public Answer answer() {
        Snapshot s = current();
        if (s == null) {
            return Answer.plain(503, "application/json", "{\"status\":\"DOWN\",\"reason\":\"not checked yet\"}", "down");
        }
        if (s.ready) {
            return Answer.plain(200, "application/json", "{\"status\":\"UP\",\"backends\":" + s.total + "}", "success");
        }
        return Answer.plain(503, "application/json",
                "{\"status\":\"DOWN\",\"backends\":" + s.total + ",\"failing\":" + s.failed + "}", "down");
    }

    private Snapshot current() {
        Snapshot s = last;
        if ((s == null || System.nanoTime() - s.takenNanos > cacheNanos) && checking.compareAndSet(false, true)) {
            try {
                s = check();
                last = s;
            } finally {
                checking.set(false);
            }
        }
        return s;
    }

    private Snapshot check() {
        long start = System.nanoTime();
        List<CompletableFuture<ConnectionCheck>> checks = new ArrayList<>();
        for (BbbClient c : backends) {
            checks.add(c.async().checkConnection());
        }
        int failed = 0;
        for (CompletableFuture<ConnectionCheck> f : checks) {
            long left = budget.toNanos() - (System.nanoTime() - start);
            try {
                if (left <= 0 || !f.get(left, TimeUnit.NANOSECONDS).isOk()) {
                    failed++;
                }
            } catch (ExecutionException | TimeoutException e) {
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed++;
            }
        }
        checks.forEach(f -> f.cancel(true));
        return new Snapshot(failed == 0, failed, backends.size(), System.nanoTime());
    }
}
