// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last few entries of what an example server saw, bounded in count and in the length of every
 * entry and of every field in it: whoever can reach the server decides what it is asked to store
 * (a path of 100 KiB, a thousand times), so nothing it stores may grow with the request.
 * Thread-safe.
 */
final class BoundedLog {
    /** Entries kept; older ones are dropped. */
    static final int MAX_ENTRIES = 1000;
    /** Characters per entry; longer entries are cut and marked. */
    static final int MAX_ENTRY_CHARS = 400;
    /** Characters per field put into an entry with {@link #field(String)}. */
    static final int MAX_FIELD_CHARS = 120;

    private final ArrayDeque<String> entries = new ArrayDeque<>();

    /**
     * A value from a request, cut to {@value #MAX_FIELD_CHARS} characters and without terminal
     * controls, for use in an entry.
     *
     * @param value the value, may be {@code null}
     * @return the bounded value; {@code -} for {@code null}
     */
    static String field(String value) {
        return cut(value == null ? "-" : Terminal.clean(value), MAX_FIELD_CHARS);
    }

    /**
     * Adds an entry, cut to {@value #MAX_ENTRY_CHARS} characters, dropping the oldest beyond
     * {@value #MAX_ENTRIES}.
     *
     * @param entry the entry
     */
    synchronized void add(String entry) {
        entries.addLast(cut(Terminal.clean(entry), MAX_ENTRY_CHARS));
        while (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
    }

    /**
     * The entries, oldest first.
     *
     * @return a snapshot
     */
    synchronized List<String> snapshot() {
        return List.copyOf(entries);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + (s.length() - max) + " more)";
    }
}
