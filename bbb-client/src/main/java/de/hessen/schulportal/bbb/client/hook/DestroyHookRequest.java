// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code hooks/destroy} call: removes a webhook. bbb-webhooks reads only {@code hookID}.
 *
 * <pre>{@code
 * DestroyHookRequest request = DestroyHookRequest.builder(registration.hookId()).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class DestroyHookRequest {
    private final Map<String, String> parameters;

    private DestroyHookRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * Starts a request.
     *
     * @param hookId the hook's ID ({@code hookID}) as {@code hooks/create} or {@code hooks/list} gave it
     * @return a new builder
     */
    public static Builder builder(String hookId) {
        return new Builder(hookId);
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
        return o instanceof DestroyHookRequest && ((DestroyHookRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters);
    }

    @Override
    public String toString() {
        return "DestroyHookRequest" + parameters.keySet();
    }

    /** Collects a {@link DestroyHookRequest}. Not thread-safe. */
    public static final class Builder {
        private final String hookId;
        private final Parameters params = new Parameters();

        private Builder(String hookId) {
            this.hookId = hookId;
            params.put("hookID", hookId);
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
         * @throws NullPointerException if the hook ID is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public DestroyHookRequest build() {
            Validation.nonBlank("hookID", hookId);
            return new DestroyHookRequest(params.build());
        }
    }
}
