// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.request;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import java.util.Map;

/**
 * What every request holds: its query parameters, and the part of its builder the
 * <a href="../package-summary.html#requests">request builder contract</a> describes. Two requests
 * are equal when they are of the same type and send the same parameters (and what a subclass adds,
 * such as a body); {@code toString()} names the parameters, never their values.
 *
 * <p>The client's methods take the concrete request classes of the SDK ({@code CreateMeetingRequest},
 * {@code GetRecordingsRequest}, ...): this class is their common part, not an extension point.
 */
public abstract class BbbRequest {
    private final Map<String, String> parameters;

    /**
     * For the SDK's request classes.
     *
     * @param parameters the query parameters in wire order, unmodifiable, as a builder's
     *                   {@link Builder#withAdditional(Map)} returns them
     */
    protected BbbRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * {@return every query parameter exactly as it will be sent (before encoding and signing), in
     * wire order, as an unmodifiable map from parameter name to value}
     */
    public final Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((BbbRequest) o).parameters.equals(parameters);
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
     * What every builder shares: the {@code additionalParam} escape hatch, whose parameters follow
     * the builder's typed ones on the wire. Not thread-safe.
     *
     * @param <B> the builder's own type
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final Parameters additionalParams = new Parameters();

        /** For the builders of the SDK's request classes. */
        protected Builder() {
        }

        /**
         * Sends a parameter this SDK does not model yet, after the typed ones and exactly as given;
         * see the <a href="../package-summary.html#requests">request builder contract</a> for the
         * names it refuses.
         *
         * @param name the parameter's name
         * @param value its value
         * @return this builder
         */
        public B additionalParam(String name, String value) {
            additionalParams.additional(name, value);
            return self();
        }

        /** {@return this builder, as its own type} */
        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        /**
         * {@return the wire parameters: the typed ones in their order, then the additional ones}
         *
         * @param typed the typed parameters in wire order, checked
         * @throws IllegalArgumentException if an additional parameter repeats a typed one
         */
        protected final Map<String, String> withAdditional(Map<String, String> typed) {
            Parameters all = new Parameters();
            typed.forEach(all::put);
            additionalParams.build().forEach(all::additional);
            return all.build();
        }
    }
}
