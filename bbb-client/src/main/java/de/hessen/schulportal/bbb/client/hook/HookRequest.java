// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import java.util.Map;

/**
 * What every request of this package holds: its query parameters, and the part of its builder
 * the <a href="../package-summary.html#requests">request builder contract</a> of the root
 * package describes. Two requests are equal when they are of the same type and send the same
 * parameters (and what a subclass adds); {@code toString()} names the parameters, never their
 * values.
 */
abstract class HookRequest {
    private final Map<String, String> parameters;

    HookRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * {@return every query parameter exactly as it will be sent (before encoding and signing), in
     * wire order, as an unmodifiable map from parameter name to value}
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((HookRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + parameters.keySet();
    }

    /**
     * What every builder of this package shares: the {@code additionalParam} escape hatch, whose
     * parameters follow the builder's typed ones on the wire.
     *
     * @param <B> the builder's own type
     */
    abstract static class Builder<B extends Builder<B>> {
        private final Parameters additionalParams = new Parameters();

        /** What each builder's public {@code additionalParam} does (declared there so its signature names only public types). */
        @SuppressWarnings("unchecked")
        B additional(String name, String value) {
            additionalParams.additional(name, value);
            return (B) this;
        }

        /**
         * {@return the wire parameters: the typed ones in their order, then the additional ones}
         *
         * @throws IllegalArgumentException if an additional parameter repeats a typed one
         */
        Map<String, String> withAdditional(Map<String, String> typed) {
            Parameters all = new Parameters();
            typed.forEach(all::put);
            additionalParams.build().forEach(all::additional);
            return all.build();
        }
    }
}
