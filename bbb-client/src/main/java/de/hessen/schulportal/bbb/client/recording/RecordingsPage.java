// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One answer of {@code getRecordings}: the recordings and, where the server pages (BigBlueButton
 * 2.6 and later, when {@code offset} or {@code limit} was sent), the paging information. Scalelite
 * does not page and returns everything at once. Immutable.
 */
public final class RecordingsPage {
    private final List<Recording> recordings;
    private final long offset;
    private final long limit;
    private final long totalElements;

    private RecordingsPage(Builder b) {
        this.recordings = b.recordings;
        this.offset = b.offset;
        this.limit = b.limit;
        this.totalElements = b.totalElements;
    }

    /**
     * The recordings of this page.
     *
     * @return an unmodifiable list; empty for {@code noRecordings}
     */
    public List<Recording> recordings() {
        return recordings;
    }

    /**
     * Whether the server paged the answer.
     *
     * @return {@code true} if paging information was sent
     */
    public boolean isPaged() {
        return totalElements >= 0;
    }

    /**
     * The offset of this page.
     *
     * @return the offset, or empty if not paged
     */
    public OptionalLong offset() {
        return isPaged() ? OptionalLong.of(offset) : OptionalLong.empty();
    }

    /**
     * The page size the server applied.
     *
     * @return the limit, or empty if not paged
     */
    public OptionalLong limit() {
        return isPaged() ? OptionalLong.of(limit) : OptionalLong.empty();
    }

    /**
     * How many recordings match in total.
     *
     * @return the total, or empty if not paged
     */
    public OptionalLong totalElements() {
        return isPaged() ? OptionalLong.of(totalElements) : OptionalLong.empty();
    }

    /**
     * Whether more pages follow.
     *
     * @return {@code true} if paged and offset + size of this page is below the total
     */
    public boolean hasMore() {
        return isPaged() && !recordings.isEmpty() && offset + recordings.size() < totalElements;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecordingsPage)) {
            return false;
        }
        RecordingsPage p = (RecordingsPage) o;
        return recordings.equals(p.recordings) && offset == p.offset && limit == p.limit && totalElements == p.totalElements;
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordings, offset, limit, totalElements);
    }

    @Override
    public String toString() {
        return "RecordingsPage{size=" + recordings.size() + (isPaged() ? ", offset=" + offset + ", total=" + totalElements : "")
                + '}';
    }

    /**
     * A builder with every field empty, zero, {@code false} or absent: for mapping answers and for
     * integrators' tests.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordingsPage}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private List<Recording> recordings = List.of();
        private long offset = 0;
        private long limit = 0;
        private long totalElements = -1;

        private Builder() {
        }

        /**
         * Sets {@code recordings}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder recordings(List<Recording> value) {
            this.recordings = List.copyOf(Objects.requireNonNull(value, "recordings"));
            return this;
        }

        /**
         * Sets {@code offset}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder offset(long value) {
            this.offset = value;
            return this;
        }

        /**
         * Sets {@code limit}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder limit(long value) {
            this.limit = value;
            return this;
        }

        /**
         * Sets {@code totalElements}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder totalElements(long value) {
            this.totalElements = value;
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public RecordingsPage build() {
            return new RecordingsPage(this);
        }
    }
}
