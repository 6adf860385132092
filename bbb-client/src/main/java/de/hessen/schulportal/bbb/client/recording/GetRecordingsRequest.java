// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@code getRecordings} call: which recordings to list. Without filters the server lists all
 * published and unpublished recordings (if it allows fetching all).
 *
 * <pre>{@code
 * GetRecordingsRequest request = GetRecordingsRequest.builder()
 *         .meetingIds("7b-mathe-2026")
 *         .states(RecordingState.PUBLISHED, RecordingState.UNPUBLISHED)
 *         .meta("bbb-origin", "schulportal")
 *         .limit(50)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class GetRecordingsRequest extends BbbRequest {
    private final int offset;
    private final int limit;

    private GetRecordingsRequest(Map<String, String> parameters, int offset, int limit) {
        super(parameters);
        this.offset = offset;
        this.limit = limit;
    }

    /** {@return a new builder, without filters} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the page offset, or empty if not set} */
    public OptionalInt offset() {
        return offset < 0 ? OptionalInt.empty() : OptionalInt.of(offset);
    }

    /** {@return the page size, or empty if not set} */
    public OptionalInt limit() {
        return limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * {@return the same request for another page}
     *
     * @param newOffset the offset, zero or more
     * @param newLimit the page size, 1 to 100
     */
    public GetRecordingsRequest page(int newOffset, int newLimit) {
        Validation.nonNegative("offset", newOffset);
        checkLimit(newLimit);
        // Offset and limit go last, so a page of a request without them reads like the first page.
        Map<String, String> p = new LinkedHashMap<>(parameters());
        p.remove("offset");
        p.remove("limit");
        p.put("offset", Integer.toString(newOffset));
        p.put("limit", Integer.toString(newLimit));
        return new GetRecordingsRequest(Collections.unmodifiableMap(p), newOffset, newLimit);
    }

    private static int checkLimit(int value) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException("limit must be 1 to 100 (the server clamps other values), was " + value);
        }
        return value;
    }

    /** Collects the filters of a {@link GetRecordingsRequest}. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final List<String> meetingIds = new ArrayList<>();
        private final List<String> recordIds = new ArrayList<>();
        private final List<String> states = new ArrayList<>();
        private final Parameters meta = new Parameters();
        private int offset = -1;
        private int limit = -1;

        private Builder() {
        }

        private static void addIds(List<String> target, String parameter, String... ids) {
            Validation.required(parameter, ids);
            for (String id : ids) {
                Validation.nonBlank(parameter, id);
                if (id.contains(",")) {
                    throw new IllegalArgumentException(parameter + " must not contain a comma: the server splits the list at commas");
                }
                target.add(id);
            }
        }

        /**
         * Only recordings of these meetings (external IDs).
         *
         * <p>A meeting ID containing {@code +} or {@code %} is refused: bbb-web decodes the
         * {@code meetingID} of getRecordings twice (a {@code +} becomes a space, {@code %41} becomes
         * {@code A}, a lone {@code %} fails the call), Scalelite decodes it once. No encoding means
         * the same ID to both, so the filter would silently find the wrong meetings or none. Find
         * such a meeting's recordings by {@link #recordIds(String...)} (the {@code sha1} of the
         * meeting ID matches all of them) or by a {@link #meta(String, String)} filter instead.
         *
         * @param ids the meeting IDs: not blank, no comma, no {@code +}, no {@code %}
         * @throws IllegalArgumentException if an ID breaks a rule
         */
        public Builder meetingIds(String... ids) {
            Validation.required("meetingID", ids);
            for (String id : ids) {
                Validation.required("meetingID", id);
                if (id.indexOf('+') >= 0 || id.indexOf('%') >= 0) {
                    throw new IllegalArgumentException("meetingID filter must not contain '+' or '%': bbb-web decodes"
                            + " getRecordings' meetingID twice and Scalelite once, so the server would search another ID;"
                            + " filter by recordID (the sha1 of the meeting ID) or by meta instead");
                }
            }
            addIds(meetingIds, "meetingID", ids);
            return this;
        }

        /**
         * Only these recordings. Each ID is a prefix on the server: the {@code sha1} part alone
         * matches all recordings of a meeting. The server ignores {@code meetingID} when this is set.
         *
         * @param ids the record IDs: not blank, no comma
         * @throws IllegalArgumentException if an ID breaks a rule
         */
        public Builder recordIds(String... ids) {
            addIds(recordIds, "recordID", ids);
            return this;
        }

        /**
         * Only recordings in these states. Default: published and unpublished.
         *
         * @param values the states, not {@link RecordingState#UNKNOWN}
         * @throws IllegalArgumentException for {@link RecordingState#UNKNOWN}
         */
        public Builder states(RecordingState... values) {
            Validation.required("state", values);
            for (RecordingState s : values) {
                if (Validation.required("state", s) == RecordingState.UNKNOWN) {
                    throw new IllegalArgumentException("state UNKNOWN cannot be used as a filter");
                }
                states.add(s.wireName());
            }
            return this;
        }

        /**
         * Recordings in any state.
         */
        public Builder anyState() {
            states.clear();
            states.add("any");
            return this;
        }

        /**
         * Only recordings whose metadata has this value. BigBlueButton combines several keys with
         * AND and accepts {@code %} at the start or end of the value as a wildcard; Scalelite
         * combines them with OR.
         *
         * @param key the key without {@code meta_}: {@code [a-z][a-z0-9-]*}
         */
        public Builder meta(String key, String value) {
            meta.meta(key, value);
            return this;
        }

        /**
         * The first recording to return (BigBlueButton 2.6 and later; Scalelite ignores it).
         *
         * @param value zero or more
         * @throws IllegalArgumentException if negative
         */
        public Builder offset(int value) {
            this.offset = Validation.nonNegative("offset", value);
            return this;
        }

        /**
         * The page size (BigBlueButton 2.6 and later; Scalelite ignores it).
         *
         * @param value 1 to 100
         * @throws IllegalArgumentException if out of range
         */
        public Builder limit(int value) {
            this.limit = checkLimit(value);
            return this;
        }

        /**
         * {@return the immutable request}
         *
         * @throws IllegalArgumentException if an additional parameter repeats a typed one
         */
        public GetRecordingsRequest build() {
            Parameters p = new Parameters();
            if (!meetingIds.isEmpty()) {
                p.put("meetingID", String.join(",", meetingIds));
            }
            if (!recordIds.isEmpty()) {
                p.put("recordID", String.join(",", recordIds));
            }
            if (!states.isEmpty()) {
                p.put("state", String.join(",", states));
            }
            meta.build().forEach(p::put);
            if (offset >= 0) {
                p.put("offset", Integer.toString(offset));
            }
            if (limit >= 0) {
                p.put("limit", Integer.toString(limit));
            }
            return new GetRecordingsRequest(withAdditional(p.build()), offset, limit);
        }
    }
}
