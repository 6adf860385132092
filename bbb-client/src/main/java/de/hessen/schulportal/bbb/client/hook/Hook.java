// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.Redactor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A registered webhook as listed by {@code hooks/list}. Immutable. */
public final class Hook {
    private final String hookId;
    private final String callbackUrl;
    private final String meetingId;
    private final List<String> eventIds;
    private final boolean permanent;
    private final boolean rawData;

    private Hook(Builder b) {
        this.hookId = b.hookId;
        this.callbackUrl = b.callbackUrl;
        this.meetingId = b.meetingId;
        this.eventIds = b.eventIds;
        this.permanent = b.permanent;
        this.rawData = b.rawData;
    }

    /**
     * The hook's ID.
     *
     * @return the ID
     */
    public String hookId() {
        return hookId;
    }

    /**
     * Where events are sent.
     *
     * @return the URL
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * The meeting the hook is limited to.
     *
     * @return the external meeting ID, or empty for a global hook
     */
    public Optional<String> meetingId() {
        return meetingId.isEmpty() ? Optional.empty() : Optional.of(meetingId);
    }

    /**
     * The event filter.
     *
     * @return the event IDs, empty for all events
     */
    public List<String> eventIds() {
        return eventIds;
    }

    /**
     * Whether the hook is configured on the server as permanent.
     *
     * @return the flag
     */
    public boolean isPermanent() {
        return permanent;
    }

    /**
     * Whether the hook receives raw messages.
     *
     * @return the flag
     */
    public boolean isRawData() {
        return rawData;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Hook)) {
            return false;
        }
        Hook h = (Hook) o;
        return hookId.equals(h.hookId) && callbackUrl.equals(h.callbackUrl) && meetingId.equals(h.meetingId)
                && eventIds.equals(h.eventIds) && permanent == h.permanent && rawData == h.rawData;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hookId, callbackUrl, meetingId, eventIds, permanent, rawData);
    }

    @Override
    public String toString() {
        // The receiver may have put a token anywhere into its callback URL's query.
        return "Hook{hookId=" + hookId + ", callbackUrl=" + Redactor.maskQueryValues(callbackUrl) + ", meetingId="
                + meetingId + '}';
    }

    /**
     * A builder with every field empty, zero, {@code false} or absent: for mapping answers and for
     * integrators' tests.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Hook}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String hookId = "";
        private String callbackUrl = "";
        private String meetingId = "";
        private List<String> eventIds = List.of();
        private boolean permanent = false;
        private boolean rawData = false;

        private Builder() {
        }

        /**
         * Sets {@code hookId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder hookId(String value) {
            this.hookId = Objects.requireNonNull(value, "hookId");
            return this;
        }

        /**
         * Sets {@code callbackUrl}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder callbackUrl(String value) {
            this.callbackUrl = Objects.requireNonNull(value, "callbackUrl");
            return this;
        }

        /**
         * Sets {@code meetingId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder meetingId(String value) {
            this.meetingId = Objects.requireNonNull(value, "meetingId");
            return this;
        }

        /**
         * Sets {@code eventIds}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder eventIds(List<String> value) {
            this.eventIds = List.copyOf(Objects.requireNonNull(value, "eventIds"));
            return this;
        }

        /**
         * Sets {@code permanent}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder permanent(boolean value) {
            this.permanent = value;
            return this;
        }

        /**
         * Sets {@code rawData}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder rawData(boolean value) {
            this.rawData = value;
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public Hook build() {
            return new Hook(this);
        }
    }
}
