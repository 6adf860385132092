// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code updateRecordings} call: add, replace or remove metadata of recordings, and on
 * Scalelite protect them.
 *
 * <pre>{@code
 * UpdateRecordingsRequest request = UpdateRecordingsRequest.builder("183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1554230749920")
 *         .meta("bbb-recording-name", "Mathe 7b, 12. Mai")
 *         .removeMeta("bbb-recording-tags")
 *         .build();
 * }</pre>
 */
public final class UpdateRecordingsRequest {
    private final List<String> recordIds;
    private final Map<String, String> parameters;

    private UpdateRecordingsRequest(List<String> recordIds, Map<String, String> parameters) {
        this.recordIds = recordIds;
        this.parameters = parameters;
    }

    /**
     * Starts a request for one or more recordings.
     *
     * @param recordIds the record IDs, at least one
     * @return a new builder
     */
    public static Builder builder(String... recordIds) {
        return new Builder(recordIds);
    }

    /**
     * The record IDs.
     *
     * @return an unmodifiable list
     */
    public List<String> recordIds() {
        return recordIds;
    }

    /**
     * Every query parameter exactly as it will be sent, in wire order.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpdateRecordingsRequest && ((UpdateRecordingsRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters);
    }

    @Override
    public String toString() {
        return "UpdateRecordingsRequest" + parameters;
    }

    /** Collects the changes. Not thread-safe. */
    public static final class Builder {
        private final List<String> recordIds = new ArrayList<>();
        private final Parameters meta = new Parameters();
        private final Parameters additional = new Parameters();
        private Boolean protect;

        private Builder(String... ids) {
            Validation.required("recordID", ids);
            for (String id : ids) {
                Validation.nonBlank("recordID", id);
                if (id.contains(",")) {
                    throw new IllegalArgumentException("recordID must not contain a comma: the server splits the list at commas");
                }
                recordIds.add(id);
            }
        }

        /**
         * Adds or replaces a metadata value.
         *
         * @param key the key without {@code meta_}: {@code [a-z][a-z0-9-]*}
         * @param value the new value, not empty (use {@link #removeMeta(String)} to remove)
         * @return this builder
         * @throws NullPointerException if key or value is {@code null}
         * @throws IllegalArgumentException if the key or value breaks its rule
         */
        public Builder meta(String key, String value) {
            Validation.required("meta_" + key, value);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("meta_" + key + " must not be empty: an empty value removes the key; use removeMeta");
            }
            meta.meta(key, value);
            return this;
        }

        /**
         * Removes a metadata key (sent as {@code meta_<key>=}).
         *
         * @param key the key without {@code meta_}: {@code [a-z][a-z0-9-]*}
         * @return this builder
         * @throws NullPointerException if key is {@code null}
         * @throws IllegalArgumentException if the key breaks its rule
         */
        public Builder removeMeta(String key) {
            meta.meta(key, "");
            return this;
        }

        /**
         * Scalelite only: protect the recordings (playback needs a short-lived token).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder protect(boolean value) {
            this.protect = value;
            return this;
        }

        /**
         * A parameter this SDK does not model yet, after all typed parameters on the wire. It may not
         * repeat a typed parameter.
         *
         * @param name the wire name, {@code [a-zA-Z][a-zA-Z0-9_.-]*}, not {@code meta_*}
         * @param value the value, sent as given
         * @return this builder
         * @throws NullPointerException if name or value is {@code null}
         * @throws IllegalArgumentException if the name or value breaks its rule
         */
        public Builder additionalParam(String name, String value) {
            additional.additional(name, value);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         * @throws IllegalArgumentException if no record ID was given or an additional parameter
         *                                  repeats a typed one
         */
        public UpdateRecordingsRequest build() {
            if (recordIds.isEmpty()) {
                throw new IllegalArgumentException("recordID: at least one record ID is required");
            }
            Parameters p = new Parameters().put("recordID", String.join(",", recordIds));
            meta.build().forEach(p::put);
            if (protect != null) {
                p.put("protect", protect.toString());
            }
            additional.build().forEach(p::additional);
            return new UpdateRecordingsRequest(List.copyOf(recordIds), p.build());
        }
    }
}
