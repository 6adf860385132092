// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code deleteRecordings} call: deletes recordings for good. bbb-web reads {@code recordID}
 * (a comma-separated list). The client does not retry it.
 *
 * <pre>{@code
 * DeleteRecordingsRequest request = DeleteRecordingsRequest.builder(List.of(recordId)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class DeleteRecordingsRequest extends BbbRequest {
    private DeleteRecordingsRequest(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * {@return a new builder}
     *
     * @param recordIds the record IDs ({@code recordID}), at least one, none blank or with a comma
     */
    public static Builder builder(Collection<String> recordIds) {
        return new Builder(recordIds);
    }

    /** Collects a {@link DeleteRecordingsRequest}. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final List<String> recordIds;

        private Builder(Collection<String> recordIds) {
            // Copied now, checked in build().
            this.recordIds = recordIds == null ? null : new ArrayList<>(recordIds);
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if the record IDs or one of them is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public DeleteRecordingsRequest build() {
            return new DeleteRecordingsRequest(withAdditional(Map.of("recordID", Validation.recordIds(recordIds))));
        }
    }
}
