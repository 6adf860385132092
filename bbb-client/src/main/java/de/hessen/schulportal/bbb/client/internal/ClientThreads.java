// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a client that creates its own {@code HttpClient}.
 *
 * <p>Without an executor the JDK client uses a cached thread pool, which starts a thread for every
 * response that arrives while the others are busy: with 256 calls in flight a 2-core JVM held
 * about 150 {@code HttpClient-Worker} threads (see BENCHMARKS.md, end-to-end). The HTTP pool here
 * is fixed and small, because only the JDK's own non-blocking work and the SDK's parsing run on it.
 * Callers' code attached to async results does not: their futures are completed on the separate
 * completion pool, so a caller that blocks in a callback never stalls the threads that receive
 * answers.
 *
 * <p>The completion pool is a {@link ForkJoinPool} with the same small parallelism. Its size does
 * not follow the number of calls in flight (a pool with a thread per running callback grew to 50
 * threads with 256 in flight, BENCHMARKS.md §3). A bounded pool alone would deadlock when every
 * one of its threads runs a callback that waits for another async call of the same client, whose
 * completion would need a thread of that same pool. The fork/join pool avoids that: a thread that
 * waits in {@code CompletableFuture.join()/get()} (also inside the client's own sync calls, which
 * wait on the JDK client's future) is a managed block, and the pool starts a spare thread for the
 * time of the wait, up to {@link #MAX_BLOCKED_CALLBACKS} spares. Idle threads of both pools end
 * after 30 s, so a client that is dropped without {@code close()} keeps no threads (on Java 17 the
 * JDK client itself cannot be closed).
 */
public final class ClientThreads {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /**
     * How many callbacks may wait at the same time on a future (for example another call of the
     * client) before the next such wait fails with {@link RejectedExecutionException} instead of
     * starting yet another thread.
     */
    public static final int MAX_BLOCKED_CALLBACKS = 256;

    private ClientThreads() {
    }

    /** {@return a new fixed pool for the JDK client's work}; the caller shuts it down. */
    public static ExecutorService httpPool() {
        int size = poolSize();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory("bbb-client-" + CLIENTS.incrementAndGet() + "-http-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The number of threads each pool keeps busy: the cores, at least 2, at most 8. */
    public static int poolSize() {
        return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * {@return a new pool that completes callers' futures}: {@link #poolSize()} threads running
     * callbacks, plus a spare thread for each callback that waits on a future, up to
     * {@link #MAX_BLOCKED_CALLBACKS}; idle threads end after 30 s. The caller shuts it down.
     */
    public static ExecutorService completionPool() {
        int size = poolSize();
        String prefix = "bbb-client-" + CLIENTS.get() + "-callback-";
        AtomicInteger n = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
            ForkJoinWorkerThread t = new CallbackThread(pool);
            t.setName(prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // asyncMode: callbacks are independent event-style tasks, run in the order they arrived.
        return new ForkJoinPool(size, factory, null, true, 0, size + MAX_BLOCKED_CALLBACKS, 1, null, 30,
                TimeUnit.SECONDS);
    }

    private static final class CallbackThread extends ForkJoinWorkerThread {
        CallbackThread(ForkJoinPool pool) {
            super(pool);
        }
    }

    /** Runs a task on an executor, or here if the executor no longer takes tasks (client closed). */
    public static void execute(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private static java.util.concurrent.ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
