// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What every request of this package holds beside its parameters: the meeting ID it is about.
 * {@code toString()} shows the meeting ID and the parameters' names, never their values.
 */
abstract class MeetingRequest extends BbbRequest {
    private final String meetingId;

    MeetingRequest(Builder<?> b) {
        super(b.parameters());
        this.meetingId = b.meetingId;
    }

    /** {@return the external meeting ID ({@code meetingID})} */
    public String meetingId() {
        return meetingId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{meetingId=" + meetingId + ", parameters=" + parameters().keySet() + '}';
    }

    /**
     * What every builder of this package shares beside the {@code additionalParam} escape hatch: the
     * meeting ID, the typed parameters in wire order, and one way per kind of value to check and put
     * a typed parameter. The builder puts its required parameters first; their values are checked in
     * {@code build()}.
     *
     * @param <B> the builder's own type
     */
    abstract static class Builder<B extends Builder<B>> extends BbbRequest.Builder<B> {
        final String meetingId;
        final Parameters params = new Parameters();

        Builder(String meetingId) {
            this.meetingId = meetingId;
        }

        /** The parameters in wire order, the meeting ID checked. */
        Map<String, String> parameters() {
            Validation.meetingId("meetingID", meetingId);
            return withAdditional(params.build());
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
