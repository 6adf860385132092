// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.Map;

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
public final class DestroyHookRequest extends BbbRequest {
    private DestroyHookRequest(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * {@return a new builder}
     *
     * @param hookId the hook's ID ({@code hookID}) as {@code hooks/create} or {@code hooks/list} gave it
     */
    public static Builder builder(String hookId) {
        return new Builder(hookId);
    }

    /** Collects a {@link DestroyHookRequest}. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final String hookId;

        private Builder(String hookId) {
            this.hookId = hookId;
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if the hook ID is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public DestroyHookRequest build() {
            return new DestroyHookRequest(withAdditional(Map.of("hookID", Validation.nonBlank("hookID", hookId))));
        }
    }
}
