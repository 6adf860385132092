// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code getRecordingTextTracks} call: the subtitle and caption tracks of one recording.
 * bbb-web reads only {@code recordID}; the answer is JSON. Not available behind Scalelite.
 *
 * <pre>{@code
 * GetRecordingTextTracksRequest request = GetRecordingTextTracksRequest.builder(recordId).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class GetRecordingTextTracksRequest {
    private final Map<String, String> parameters;

    private GetRecordingTextTracksRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * Starts a request.
     *
     * @param recordId the record ID ({@code recordID}), not blank
     * @return a new builder
     */
    public static Builder builder(String recordId) {
        return new Builder(recordId);
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
        return o instanceof GetRecordingTextTracksRequest && ((GetRecordingTextTracksRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters);
    }

    @Override
    public String toString() {
        return "GetRecordingTextTracksRequest" + parameters.keySet();
    }

    /** Collects a {@link GetRecordingTextTracksRequest}. Not thread-safe. */
    public static final class Builder {
        private final String recordId;
        private final Parameters params = new Parameters();

        private Builder(String recordId) {
            this.recordId = recordId;
            params.put("recordID", recordId);
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
         * @throws NullPointerException if the record ID is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public GetRecordingTextTracksRequest build() {
            Validation.nonBlank("recordID", recordId);
            return new GetRecordingTextTracksRequest(params.build());
        }
    }
}
