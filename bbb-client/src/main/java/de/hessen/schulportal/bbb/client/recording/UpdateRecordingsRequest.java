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
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
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
         */
        public Builder removeMeta(String key) {
            meta.meta(key, "");
            return this;
        }

        /**
         * Scalelite only: protect the recordings (playback needs a short-lived token).
         */
        public Builder protect(boolean value) {
            this.protect = value;
            return this;
        }

        /**
         * A parameter this SDK does not model yet, sent as given after the typed ones; see the
         * <a href="../package-summary.html#requests">request builder contract</a>.
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
