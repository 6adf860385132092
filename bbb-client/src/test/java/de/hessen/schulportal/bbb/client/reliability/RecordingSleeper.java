// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import de.hessen.schulportal.bbb.client.internal.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every backoff the retry layer asks for and returns at once, so tests see delays without waiting. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration d) {
        sleeps.add(d);
    }

    @Override
    public CompletableFuture<Void> delay(Duration d) {
        sleeps.add(d);
        return CompletableFuture.completedFuture(null);
    }

    /** {@return the backoffs asked for, in order} */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Forgets the backoffs recorded so far. */
    public void clear() {
        sleeps.clear();
    }
}
