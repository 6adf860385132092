// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits between retries. Injected so tests can observe the backoff without waiting for it. */
public interface Sleeper {
    /** The real one: blocks the thread for sync calls, schedules without a thread for async ones. */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }

        @Override
        public CompletableFuture<Void> delay(Duration d) {
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS, Runnable::run));
        }
    };

    /**
     * Blocks for the given time.
     *
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration d) throws InterruptedException;

    /** {@return a future completing after {@code d}, without blocking a thread} */
    CompletableFuture<Void> delay(Duration d);
}
