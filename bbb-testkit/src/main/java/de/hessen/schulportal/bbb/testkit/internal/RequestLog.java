// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@value #CAPACITY} requests and a total count. Every stored field is cut to a bound
 * ({@value #MAX_FIELD} characters, the method to {@value #MAX_METHOD}), so a peer cannot make the log
 * hold more than a few megabytes however long its requests are.
 */
public final class RequestLog {
    /** How many requests are kept. */
    public static final int CAPACITY = 10_000;
    /** Characters kept of the path, the call name and the query. */
    public static final int MAX_FIELD = 2048;
    /** Characters kept of the method. */
    public static final int MAX_METHOD = 16;

    /**
     * One received request; {@code callName} is null outside the API.
     *
     * @param truncated whether a field was cut to its bound
     */
    public record Entry(String method, String path, String callName, String rawQuery, long time, boolean truncated) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final AtomicLong total = new AtomicLong();

    /** Records a request, each field cut to its bound. */
    public void add(String method, String path, String callName, String rawQuery, long time) {
        boolean truncated = method.length() > MAX_METHOD || path.length() > MAX_FIELD
                || (callName != null && callName.length() > MAX_FIELD) || (rawQuery != null && rawQuery.length() > MAX_FIELD);
        add(new Entry(cut(method, MAX_METHOD), cut(path, MAX_FIELD), cut(callName, MAX_FIELD), cut(rawQuery, MAX_FIELD),
                time, truncated));
    }

    private static String cut(String s, int max) {
        // A copy, not a view: the kept entry must not pin the whole request line.
        return s == null || s.length() <= max ? s : new String(s.substring(0, max).toCharArray());
    }

    private void add(Entry e) {
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
