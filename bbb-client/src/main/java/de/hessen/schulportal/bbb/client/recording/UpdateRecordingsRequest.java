// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
public final class UpdateRecordingsRequest extends BbbRequest {
    private final List<String> recordIds;

    private UpdateRecordingsRequest(Builder b) {
        super(b.parameters());
        this.recordIds = b.recordIds;
    }

    /**
     * {@return a new builder for one or more recordings}
     *
     * @param recordIds the record IDs ({@code recordID}), at least one, none blank or with a comma
     * @throws NullPointerException if the record IDs or one of them is {@code null}
     * @throws IllegalArgumentException if there is no record ID or one is blank or has a comma
     */
    public static Builder builder(String... recordIds) {
        return new Builder(recordIds);
    }

    /** {@return the record IDs, an unmodifiable list} */
    public List<String> recordIds() {
        return recordIds;
    }

    /** Collects the changes. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final List<String> recordIds;
        private final Parameters meta = new Parameters();
        private Boolean protect;

        private Builder(String... ids) {
            Validation.recordIds(Arrays.asList(Validation.required("recordID", ids)));
            this.recordIds = List.of(ids);
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

        private Map<String, String> parameters() {
            Parameters p = new Parameters().put("recordID", String.join(",", recordIds));
            meta.build().forEach(p::put);
            if (protect != null) {
                p.put("protect", protect.toString());
            }
            return withAdditional(p.build());
        }

        /**
         * {@return the immutable request}
         *
         * @throws IllegalArgumentException if an additional parameter repeats a typed one
         */
        public UpdateRecordingsRequest build() {
            return new UpdateRecordingsRequest(this);
        }
    }
}
