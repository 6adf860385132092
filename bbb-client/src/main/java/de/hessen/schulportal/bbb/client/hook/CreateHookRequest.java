// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code hooks/create} call: where bbb-webhooks should POST events.
 *
 * <pre>{@code
 * CreateHookRequest request = CreateHookRequest.builder(URI.create("https://portal.schule.de/bbb/hooks"))
 *         .meetingId("7b-mathe-2026")
 *         .eventIds("meeting-ended", "user-joined")
 *         .build();
 * }</pre>
 *
 * <p>A callback URL can be registered once; registering it again answers {@code duplicateWarning}
 * and leaves the existing hook unchanged.
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class CreateHookRequest extends BbbRequest {
    private CreateHookRequest(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * {@return a new builder}
     *
     * @param callbackUrl the absolute http(s) URL that receives the events
     */
    public static Builder builder(java.net.URI callbackUrl) {
        return new Builder(callbackUrl);
    }

    /** Collects the request. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final java.net.URI callbackUrl;
        private String meetingId;
        private final List<String> eventIds = new ArrayList<>();
        private Boolean raw;

        private Builder(java.net.URI callbackUrl) {
            this.callbackUrl = callbackUrl;
        }

        /**
         * Only events of this meeting (external ID); without it the hook is global.
         */
        public Builder meetingId(String value) {
            this.meetingId = Validation.meetingId("meetingID", value);
            return this;
        }

        /**
         * Only these events, e.g. {@code meeting-ended}. bbb-webhooks compares them lower-cased,
         * so they are sent lower-cased. Filters apply to mapped events only.
         *
         * @param ids the event IDs
         */
        public Builder eventIds(String... ids) {
            Validation.required("eventID", ids);
            for (String id : ids) {
                Validation.nonBlank("eventID", id);
                if (!id.matches("[a-zA-Z0-9-]+")) {
                    throw new IllegalArgumentException("eventID '" + id + "' must match [a-zA-Z0-9-]+, e.g. meeting-ended");
                }
                eventIds.add(id.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * Whether events come as raw Redis messages instead of the mapped format. Raw hooks with an
         * event filter receive nothing, so the two cannot be combined.
         */
        public Builder getRaw(boolean value) {
            this.raw = value;
            return this;
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if the callback URL is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public CreateHookRequest build() {
            Validation.required("callbackURL", callbackUrl);
            Validation.url("callbackURL", callbackUrl.toString());
            if (Boolean.TRUE.equals(raw) && !eventIds.isEmpty()) {
                throw new IllegalArgumentException("eventID cannot be combined with getRaw=true: bbb-webhooks would deliver nothing");
            }
            Parameters p = new Parameters().put("callbackURL", callbackUrl.toString());
            if (meetingId != null) {
                p.put("meetingID", meetingId);
            }
            if (!eventIds.isEmpty()) {
                p.put("eventID", String.join(",", eventIds));
            }
            if (raw != null) {
                p.put("getRaw", raw.toString());
            }
            return new CreateHookRequest(withAdditional(p.build()));
        }
    }
}
