// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What viewers may not do when the meeting locks them ({@code lockSettings*} on create). Only the
 * settings that were set are sent; the others keep the server's defaults.
 *
 * <pre>{@code
 * LockSettings locks = LockSettings.builder().disablePrivateChat(true).hideUserList(true).build();
 * }</pre>
 */
public final class LockSettings extends ParameterGroup {
    private LockSettings(Map<String, String> parameters) {
        super(Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
    }

    /**
     * Starts an empty set of lock settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects lock settings. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder set(String name, boolean value) {
            parameters.put(name, Validation.flag(value));
            return this;
        }

        /**
         * Viewers may not share their camera.
         *
         * @param value the setting
         * @return this builder
         */
        public Builder disableCam(boolean value) {
            return set("lockSettingsDisableCam", value);
        }

        /**
         * Viewers may not use their microphone.
         *
         * @param value the setting
         * @return this builder
         */
        public Builder disableMic(boolean value) {
            return set("lockSettingsDisableMic", value);
        }

        /**
         * Viewers may not chat privately.
         *
         * @param value the setting
         * @return this builder
         */
        public Builder disablePrivateChat(boolean value) {
            return set("lockSettingsDisablePrivateChat", value);
        }

        /**
         * Viewers may not write in the public chat.
         *
         * @param value the setting
         * @return this builder
         */
        public Builder disablePublicChat(boolean value) {
            return set("lockSettingsDisablePublicChat", value);
        }

        /**
         * Viewers may not edit shared notes.
         *
         * @param value the setting
         * @return this builder
         */
        public Builder disableNotes(boolean value) {
            return set("lockSettingsDisableNotes", value);
        }

        /**
         * Viewers do not see the user list.
         *
         * @param value the setting
         * @return this builder
         */
        public Builder hideUserList(boolean value) {
            return set("lockSettingsHideUserList", value);
        }

        /**
         * Lock settings apply as soon as viewers join (server default {@code true}).
         *
         * @param value the setting
         * @return this builder
         */
        public Builder lockOnJoin(boolean value) {
            return set("lockSettingsLockOnJoin", value);
        }

        /**
         * Viewers may change {@code lockOnJoin} themselves.
         *
         * @param value the setting
         * @return this builder
         */
        public Builder lockOnJoinConfigurable(boolean value) {
            return set("lockSettingsLockOnJoinConfigurable", value);
        }

        /**
         * Viewers do not see other viewers' cursors (2.5).
         *
         * @param value the setting
         * @return this builder
         */
        public Builder hideViewersCursor(boolean value) {
            return set("lockSettingsHideViewersCursor", value);
        }

        /**
         * Viewers do not see other viewers' annotations (2.7).
         *
         * @param value the setting
         * @return this builder
         */
        public Builder hideViewersAnnotation(boolean value) {
            return set("lockSettingsHideViewersAnnotation", value);
        }

        /**
         * Builds the immutable settings.
         *
         * @return the settings
         */
        public LockSettings build() {
            return new LockSettings(parameters);
        }
    }
}
