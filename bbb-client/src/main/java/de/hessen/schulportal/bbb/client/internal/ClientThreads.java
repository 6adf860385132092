package de.hessen.schulportal.bbb.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
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
 * completion pool, so a caller that blocks in a callback (even on another call of this client)
 * never stalls the threads that receive answers. That pool only grows while callbacks are running.
 * Idle threads of both pools end after a while, so a client that is dropped without
 * {@code close()} keeps no threads (on Java 17 the JDK client itself cannot be closed).
 */
public final class ClientThreads {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private ClientThreads() {
    }

    /**
     * A fixed pool for the JDK client's work.
     *
     * @return a new pool; the caller shuts it down
     */
    public static ExecutorService httpPool() {
        int size = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory("bbb-client-" + CLIENTS.incrementAndGet() + "-http-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * A pool that completes callers' futures: a thread per concurrently running callback, idle
     * threads end after 30 s.
     *
     * @return a new pool; the caller shuts it down
     */
    public static ExecutorService completionPool() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory("bbb-client-" + CLIENTS.get() + "-callback-"));
    }

    /**
     * Runs a task on an executor, or here if the executor no longer takes tasks (client closed).
     *
     * @param executor the executor
     * @param task the task
     */
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
