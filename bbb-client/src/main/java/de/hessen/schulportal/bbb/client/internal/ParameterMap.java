package de.hessen.schulportal.bbb.client.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered map of query parameters held in one array of names and values instead of
 * hash tables. Built per click for a join link, where a {@code LinkedHashMap} and its copies were
 * most of the builder's cost (BENCHMARKS.md, peer comparison). Lookups are linear, which is faster
 * than hashing for the dozen parameters a request has. Iteration order is insertion order.
 */
public final class ParameterMap extends AbstractMap<String, String> {
    private final String[] pairs;
    private final int size;

    private ParameterMap(String[] pairs, int size) {
        this.pairs = pairs;
        this.size = size;
    }

    /**
     * The name at a position.
     *
     * @param index 0 to {@code size() - 1}
     * @return the name
     */
    public String nameAt(int index) {
        return pairs[2 * index];
    }

    /**
     * The value at a position.
     *
     * @param index 0 to {@code size() - 1}
     * @return the value
     */
    public String valueAt(int index) {
        return pairs[2 * index + 1];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(pairs, size, key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(pairs, size, key);
        return i < 0 ? null : pairs[2 * i + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(pairs[2 * i], pairs[2 * i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(pairs[2 * i], pairs[2 * i + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private static int indexOf(String[] pairs, int size, Object key) {
        for (int i = 0; i < size; i++) {
            if (pairs[2 * i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Collects parameters in order; setting a name again replaces its value in place, as a
     * {@code LinkedHashMap} would. Not thread-safe.
     */
    public static final class Builder {
        private String[] pairs;
        private int size;

        /**
         * Creates an empty builder.
         *
         * @param expected the expected number of parameters (it grows beyond it)
         */
        public Builder(int expected) {
            pairs = new String[2 * Math.max(1, expected)];
        }

        /**
         * Sets a parameter; setting it again replaces the value and keeps the first position.
         *
         * @param name the wire name
         * @param value the wire value
         * @return this
         */
        public Builder put(String name, String value) {
            int i = indexOf(pairs, size, name);
            if (i >= 0) {
                pairs[2 * i + 1] = value;
                return this;
            }
            return append(name, value);
        }

        /**
         * Appends a parameter whose name the caller knows is not set yet.
         *
         * @param name the wire name
         * @param value the wire value
         * @return this
         */
        public Builder append(String name, String value) {
            if (2 * size == pairs.length) {
                pairs = Arrays.copyOf(pairs, 2 * pairs.length);
            }
            pairs[2 * size] = name;
            pairs[2 * size + 1] = value;
            size++;
            return this;
        }

        /**
         * Whether a parameter is set.
         *
         * @param name the wire name
         * @return {@code true} if set
         */
        public boolean has(String name) {
            return indexOf(pairs, size, name) >= 0;
        }

        /**
         * The number of parameters set.
         *
         * @return the count
         */
        public int size() {
            return size;
        }

        /**
         * The name at a position.
         *
         * @param index 0 to {@code size() - 1}
         * @return the name
         */
        public String nameAt(int index) {
            return pairs[2 * index];
        }

        /**
         * The value at a position.
         *
         * @param index 0 to {@code size() - 1}
         * @return the value
         */
        public String valueAt(int index) {
            return pairs[2 * index + 1];
        }

        /**
         * The immutable map of what was set, as a copy; the builder stays usable.
         *
         * @return the map in insertion order
         */
        public ParameterMap build() {
            return new ParameterMap(Arrays.copyOf(pairs, 2 * size), size);
        }

        /**
         * The immutable map of what was set, handing over the array without a copy when it is full.
         * The builder must not be used afterwards.
         *
         * @return the map in insertion order
         */
        public ParameterMap finish() {
            return 2 * size == pairs.length ? new ParameterMap(pairs, size) : build();
        }
    }
}
