// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import java.util.Objects;

/** The answer to {@code hooks/create}. Immutable. */
public final class HookRegistration {
    private final String hookId;
    private final boolean permanent;
    private final boolean rawData;
    private final boolean duplicate;

    private HookRegistration(Builder b) {
        this.hookId = b.hookId;
        this.permanent = b.permanent;
        this.rawData = b.rawData;
        this.duplicate = b.duplicate;
    }

    /**
     * The hook's ID (a number on bbb-webhooks 2.x, a UUID on 3.x), needed to destroy it.
     *
     * @return the ID
     */
    public String hookId() {
        return hookId;
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

    /**
     * Whether the URL was registered already ({@code duplicateWarning}); the existing hook is unchanged.
     *
     * @return the flag
     */
    public boolean isDuplicate() {
        return duplicate;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HookRegistration)) {
            return false;
        }
        HookRegistration h = (HookRegistration) o;
        return hookId.equals(h.hookId) && permanent == h.permanent && rawData == h.rawData && duplicate == h.duplicate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hookId, permanent, rawData, duplicate);
    }

    @Override
    public String toString() {
        return "HookRegistration{hookId=" + hookId + ", duplicate=" + duplicate + '}';
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

    /** Builds a {@link HookRegistration}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String hookId = "";
        private boolean permanent = false;
        private boolean rawData = false;
        private boolean duplicate = false;

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
         * Sets {@code duplicate}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder duplicate(boolean value) {
            this.duplicate = value;
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public HookRegistration build() {
            return new HookRegistration(this);
        }
    }
}
