// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
public final class PublishRecordingsRequest {
    private final Map<String, String> parameters;

    private PublishRecordingsRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * Starts a request.
     *
     * @param recordIds the record IDs ({@code recordID}), at least one, none blank or with a comma
     * @param publish {@code true} to publish, {@code false} to hide ({@code publish})
     * @return a new builder
     */
    public static Builder builder(Collection<String> recordIds, boolean publish) {
        return new Builder(recordIds, publish);
    }

    /**
     * Every query parameter exactly as it will be sent (before encoding and signing), in wire order.
     *
     * @return an unmodifiable map from parameter name to value
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishRecordingsRequest && ((PublishRecordingsRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters);
    }

    @Override
    public String toString() {
        return "PublishRecordingsRequest" + parameters.keySet();
    }

    /** Collects a {@link PublishRecordingsRequest}. Not thread-safe. */
    public static final class Builder {
        private final List<String> recordIds;
        private final Parameters params = new Parameters();

        private Builder(Collection<String> recordIds, boolean publish) {
            // Copied now, checked in build(); their place on the wire is first.
            this.recordIds = recordIds == null ? null : new ArrayList<>(recordIds);
            params.put("recordID", null).put("publish", Boolean.toString(publish));
        }

        /**
         * A parameter this SDK does not model yet, sent as given after the typed ones; see the
         * <a href="../package-summary.html#requests">request builder contract</a>.
         */
        public Builder additionalParam(String name, String value) {
            params.additional(name, value);
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the immutable request
         * @throws NullPointerException if the record IDs or one of them is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public PublishRecordingsRequest build() {
            params.put("recordID", Validation.recordIds(recordIds));
            return new PublishRecordingsRequest(params.build());
        }
    }
}
