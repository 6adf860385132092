// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code publishRecordings} call: publishes or hides recordings. bbb-web reads
 * {@code recordID} (a comma-separated list) and {@code publish}; a hidden recording keeps its
 * files but is listed as unpublished and cannot be played.
 *
 * <pre>{@code
 * PublishRecordingsRequest request = PublishRecordingsRequest.builder(List.of(recordId), false).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class PublishRecordingsRequest extends BbbRequest {
    private PublishRecordingsRequest(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * {@return a new builder}
     *
     * @param recordIds the record IDs ({@code recordID}), at least one, none blank or with a comma
     * @param publish {@code true} to publish, {@code false} to hide ({@code publish})
     */
    public static Builder builder(Collection<String> recordIds, boolean publish) {
        return new Builder(recordIds, publish);
    }

    /** Collects a {@link PublishRecordingsRequest}. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final List<String> recordIds;
        private final boolean publish;

        private Builder(Collection<String> recordIds, boolean publish) {
            // Copied now, checked in build().
            this.recordIds = recordIds == null ? null : new ArrayList<>(recordIds);
            this.publish = publish;
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if the record IDs or one of them is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public PublishRecordingsRequest build() {
            return new PublishRecordingsRequest(withAdditional(new Parameters()
                    .put("recordID", Validation.recordIds(recordIds)).put("publish", Boolean.toString(publish)).build()));
        }
    }
}
