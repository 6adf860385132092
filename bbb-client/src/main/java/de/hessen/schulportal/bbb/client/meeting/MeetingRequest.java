// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What every request of this package holds: the meeting ID it is about and its query parameters,
 * and the part of its builder the <a href="../package-summary.html#requests">request builder
 * contract</a> of the root package describes. Two requests are equal when they are of the same type
 * and send the same parameters (and what a subclass adds); {@code toString()} names the parameters,
 * never their values.
 */
abstract class MeetingRequest {
    private final String meetingId;
    private final Map<String, String> parameters;

    MeetingRequest(Builder<?> b) {
        this.meetingId = b.meetingId;
        this.parameters = b.parameters();
    }

    /** {@return the external meeting ID ({@code meetingID})} */
    public String meetingId() {
        return meetingId;
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
        return o != null && o.getClass() == getClass() && ((MeetingRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{meetingId=" + meetingId + ", parameters=" + parameters.keySet() + '}';
    }

    /**
     * What every builder of this package shares: the meeting ID, the parameters in wire order, the
     * {@code additionalParam} escape hatch, and one way per kind of value to check and put a typed
     * parameter. The builder puts its required parameters first; their values are checked in
     * {@code build()}.
     *
     * @param <B> the builder's own type
     */
    abstract static class Builder<B extends Builder<B>> {
        final String meetingId;
        final Parameters params = new Parameters();

        Builder(String meetingId) {
            this.meetingId = meetingId;
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /** What each builder's public {@code additionalParam} does (declared there so its signature names only public types). */
        B additional(String name, String value) {
            params.additional(name, value);
            return self();
        }

        /** The parameters in wire order, the meeting ID checked. */
        Map<String, String> parameters() {
            Validation.meetingId("meetingID", meetingId);
            return params.build();
        }

        B put(String parameter, String value) {
            params.put(parameter, value);
            return self();
        }

        B flag(String parameter, boolean value) {
            return put(parameter, Validation.flag(value));
        }

        B text(String parameter, String value) {
            return put(parameter, Validation.text(parameter, value));
        }

        B nonBlank(String parameter, String value) {
            return put(parameter, Validation.nonBlank(parameter, value));
        }

        B url(String parameter, URI value) {
            return put(parameter, Validation.url(parameter, value));
        }

        B minutes(String parameter, Duration value) {
            return put(parameter, Long.toString(Validation.wholeMinutes(parameter, value)));
        }

        B nonNegative(String parameter, int value) {
            return put(parameter, Integer.toString(Validation.nonNegative(parameter, value)));
        }

        B name(String parameter, Enum<?> value) {
            return put(parameter, Validation.required(parameter, value).name());
        }
    }
}
