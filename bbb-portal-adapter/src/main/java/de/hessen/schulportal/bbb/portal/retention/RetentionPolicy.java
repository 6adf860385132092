// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.retention;

import de.hessen.schulportal.bbb.portal.RoomKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the recordings of each room kind are kept, counted from the recording's end. A period of
 * {@link Duration#ZERO} deletes a recording at the first run after it ends ("not at all").
 *
 * <p><b>Errs on deleting.</b> {@link #defaults()} keeps conference and staff-meeting recordings
 * {@link #DEFAULT_PERIOD} (30 days) and deletes those of lessons, tutoring and consultations at
 * once: pupils and parents are in them, and a school that wants them kept says so. A kind not
 * named in a builder is not kept ({@link Duration#ZERO}); a recording whose kind the adapter does
 * not know (a later version, a damaged value) gets the shortest period of the policy.
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder()
 *         .keep(RoomKind.CONFERENCE, Duration.ofDays(30))
 *         .keep(RoomKind.STAFF_MEETING, Duration.ofDays(7))
 *         .build();   // lessons, tutoring, consultations: not named, so Duration.ZERO
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetentionPolicy {
    /** The period of {@link #defaults()} for conferences and staff meetings: 30 days. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final RetentionPolicy DEFAULTS = builder().keep(RoomKind.CONFERENCE, DEFAULT_PERIOD)
            .keep(RoomKind.STAFF_MEETING, DEFAULT_PERIOD).keep(RoomKind.LESSON, Duration.ZERO)
            .keep(RoomKind.TUTORING, Duration.ZERO).keep(RoomKind.CONSULTATION, Duration.ZERO).build();

    private final Map<RoomKind, Duration> periods;
    private final Duration shortest;

    private RetentionPolicy(Map<RoomKind, Duration> periods) {
        this.periods = Collections.unmodifiableMap(new EnumMap<>(periods));
        this.shortest = periods.values().stream().min(Duration::compareTo).orElseThrow();
    }

    /**
     * Conferences and staff meetings 30 days, lessons, tutoring and consultations not at all.
     *
     * @return the default policy
     */
    public static RetentionPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Starts an empty policy.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The period of every room kind, in the order of {@link RoomKind}.
     *
     * @return an unmodifiable map with every kind
     */
    public Map<RoomKind, Duration> periods() {
        return periods;
    }

    /**
     * The period of a room kind.
     *
     * @param kind the kind
     * @return its period
     * @throws NullPointerException if the kind is null
     */
    public Duration period(RoomKind kind) {
        return periods.get(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * The period of a recording by the kind written into its metadata ({@code room-kind}, e.g.
     * {@code staff-meeting}); the shortest period for a kind that is unknown or missing.
     *
     * @param wireValue the metadata value, may be null
     * @return the period
     */
    public Duration periodOf(String wireValue) {
        return kindOf(wireValue).map(periods::get).orElse(shortest);
    }

    /**
     * The shortest period of the policy, used where the kind is unknown.
     *
     * @return the period
     */
    public Duration shortest() {
        return shortest;
    }

    static Optional<RoomKind> kindOf(String wireValue) {
        for (RoomKind k : RoomKind.values()) {
            if (k.wireValue().equals(wireValue)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionPolicy && ((RetentionPolicy) o).periods.equals(periods);
    }

    @Override
    public int hashCode() {
        return periods.hashCode();
    }

    @Override
    public String toString() {
        return "RetentionPolicy" + periods;
    }

    /**
     * Builds a {@link RetentionPolicy}. {@code keep} returns this builder and replaces the period set
     * before for that kind; a {@code null} argument throws {@link NullPointerException} naming it, and
     * a negative period throws {@link IllegalArgumentException}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<RoomKind, Duration> periods = new EnumMap<>(RoomKind.class);

        private Builder() {
        }

        /**
         * How long recordings of a kind are kept after they end.
         *
         * @param kind the room kind
         * @param period zero (delete at the next run) or positive
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the period is negative
         */
        public Builder keep(RoomKind kind, Duration period) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("retention period of " + kind.wireValue()
                        + " must be zero or positive, was " + period);
            }
            periods.put(kind, period);
            return this;
        }

        /**
         * Builds the policy; kinds not named are not kept ({@link Duration#ZERO}).
         *
         * @return the policy
         */
        public RetentionPolicy build() {
            Map<RoomKind, Duration> all = new EnumMap<>(RoomKind.class);
            for (RoomKind k : RoomKind.values()) {
                all.put(k, periods.getOrDefault(k, Duration.ZERO));
            }
            return new RetentionPolicy(all);
        }
    }
}
