// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.Map;

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
public final class GetRecordingTextTracksRequest extends BbbRequest {
    private GetRecordingTextTracksRequest(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * {@return a new builder}
     *
     * @param recordId the record ID ({@code recordID}), not blank
     */
    public static Builder builder(String recordId) {
        return new Builder(recordId);
    }

    /** Collects a {@link GetRecordingTextTracksRequest}. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final String recordId;

        private Builder(String recordId) {
            this.recordId = recordId;
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if the record ID is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public GetRecordingTextTracksRequest build() {
            return new GetRecordingTextTracksRequest(withAdditional(Map.of("recordID", Validation.nonBlank("recordID", recordId))));
        }
    }
}
