// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.Map;

/**
 * The {@code hooks/list} call: the registered webhooks. bbb-webhooks reads only the optional
 * {@code meetingID}: without it the answer lists every hook, with it that meeting's hooks plus all
 * global ones.
 *
 * <pre>{@code
 * ListHooksRequest request = ListHooksRequest.builder().meetingId("7b-mathe").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class ListHooksRequest extends BbbRequest {
    private ListHooksRequest(Map<String, String> parameters) {
        super(parameters);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a {@link ListHooksRequest}. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private String meetingId;

        private Builder() {
        }

        /**
         * Lists only the hooks of this meeting (external ID) and the global ones ({@code meetingID}).
         *
         * @param value the external meeting ID: 2 to 256 characters, no comma, no surrounding
         *              whitespace, no control characters
         */
        public Builder meetingId(String value) {
            meetingId = Validation.meetingId("meetingID", value);
            return this;
        }

        /**
         * {@return the immutable request}
         *
         * @throws IllegalArgumentException if an additional parameter repeats {@code meetingID}
         */
        public ListHooksRequest build() {
            return new ListHooksRequest(withAdditional(meetingId == null ? Map.of() : Map.of("meetingID", meetingId)));
        }
    }
}
