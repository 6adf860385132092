package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The last {@value #CAPACITY} requests and a total count. */
public final class RequestLog {
    /** How many requests are kept. */
    public static final int CAPACITY = 10_000;

    /** One received request; {@code callName} is null outside the API. */
    public record Entry(String method, String path, String callName, String rawQuery, long time) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final AtomicLong total = new AtomicLong();

    void add(Entry e) {
        total.incrementAndGet();
        synchronized (entries) {
            if (entries.size() == CAPACITY) {
                entries.removeFirst();
            }
            entries.addLast(e);
        }
    }

    /** Kept entries, oldest first. */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Number of requests received since start or the last {@link #clear()}. */
    public long total() {
        return total.get();
    }

    /** Forgets everything. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
            total.set(0);
        }
    }
}
