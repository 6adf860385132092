// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a room allows beyond its kind: guests, the lobby for everyone, recording, and overrides of
 * the role table and of the meeting settings for this room.
 *
 * <p>Immutable. The defaults are the privacy defaults: no guests, no lobby for members, no
 * recording, no overrides.
 */
public final class RoomOptions {
    private static final RoomOptions DEFAULTS = builder().build();

    private final boolean guestsAllowed;
    private final boolean everyoneToLobby;
    private final boolean recordingAllowed;
    private final Map<SchoolRole, Outcome> memberOverrides;
    private final MeetingSettings settings;
    private final Map<String, String> metadata;

    private RoomOptions(Builder b) {
        this.guestsAllowed = b.guestsAllowed;
        this.everyoneToLobby = b.everyoneToLobby;
        this.recordingAllowed = b.recordingAllowed;
        this.memberOverrides = Collections.unmodifiableMap(new EnumMap<>(b.memberOverrides));
        this.settings = b.settings;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /**
     * The privacy defaults: no guests, no lobby for members, no recording.
     *
     * @return the default options
     */
    public static RoomOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.guestsAllowed = guestsAllowed;
        b.everyoneToLobby = everyoneToLobby;
        b.recordingAllowed = recordingAllowed;
        b.memberOverrides.putAll(memberOverrides);
        b.settings = settings;
        b.metadata.putAll(metadata);
        return b;
    }

    /**
     * Whether invited guests may enter (always through the lobby).
     *
     * @return the flag; default {@code false}
     */
    public boolean isGuestsAllowed() {
        return guestsAllowed;
    }

    /**
     * Whether everyone who is not a moderator waits in the lobby.
     *
     * @return the flag; default {@code false}
     */
    public boolean isEveryoneToLobby() {
        return everyoneToLobby;
    }

    /**
     * Whether the meeting may be recorded (a moderator still has to press the button; everyone is
     * told; people without consent keep their video out of the recording).
     *
     * @return the flag; default {@code false}
     */
    public boolean isRecordingAllowed() {
        return recordingAllowed;
    }

    /**
     * Outcomes for members of this room that replace the role table's cells for the room's kind.
     *
     * @return the overrides, empty if none
     */
    public Map<SchoolRole, Outcome> memberOverrides() {
        return memberOverrides;
    }

    /**
     * Meeting settings for this room that replace the defaults of its kind.
     *
     * @return the settings, or empty to use the kind's defaults
     */
    public Optional<MeetingSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /**
     * Additional metadata for this room's meeting. Keys must be on the facade's allow-list.
     *
     * @return the entries, empty if none
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RoomOptions)) {
            return false;
        }
        RoomOptions r = (RoomOptions) o;
        return r.guestsAllowed == guestsAllowed && r.everyoneToLobby == everyoneToLobby
                && r.recordingAllowed == recordingAllowed && r.memberOverrides.equals(memberOverrides)
                && Objects.equals(r.settings, settings) && r.metadata.equals(metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(guestsAllowed, everyoneToLobby, recordingAllowed, memberOverrides, settings, metadata);
    }

    @Override
    public String toString() {
        return "RoomOptions{guestsAllowed=" + guestsAllowed + ", everyoneToLobby=" + everyoneToLobby
                + ", recordingAllowed=" + recordingAllowed + ", memberOverrides=" + memberOverrides
                + ", settings=" + (settings == null ? "kind default" : settings) + ", metadata=" + metadata.keySet() + '}';
    }

    /**
     * Collects {@link RoomOptions}. Each setter returns this builder and replaces the value set before
     * (for {@code memberOverride} and {@code metadata}, the one for that role or key); a {@code null}
     * argument throws {@link NullPointerException} naming it, and a value breaking a rule throws
     * {@link IllegalArgumentException} in the setter. Not thread-safe.
     */
    public static final class Builder {
        private boolean guestsAllowed;
        private boolean everyoneToLobby;
        private boolean recordingAllowed;
        private final Map<SchoolRole, Outcome> memberOverrides = new EnumMap<>(SchoolRole.class);
        private MeetingSettings settings;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /** Whether invited guests may enter, through the lobby. Default {@code false}. */
        public Builder guestsAllowed(boolean value) {
            this.guestsAllowed = value;
            return this;
        }

        /** Whether everyone but moderators waits in the lobby. Default {@code false}. */
        public Builder everyoneToLobby(boolean value) {
            this.everyoneToLobby = value;
            return this;
        }

        /**
         * Whether the meeting may be recorded. Default {@code false}. Allow it only where the
         * school has a legal basis and the consent of those recorded.
         */
        public Builder recordingAllowed(boolean value) {
            this.recordingAllowed = value;
            return this;
        }

        /**
         * Overrides the role table for members of this room. Checked against the fixed rules of
         * {@link RolePolicy} when the decision is made and here for guests.
         *
         * @throws IllegalArgumentException if a guest would enter other than through the lobby
         */
        public Builder memberOverride(SchoolRole role, Outcome outcome) {
            Checks.required("role", role);
            Checks.required("outcome", outcome);
            if (role == SchoolRole.GUEST && (outcome == Outcome.MODERATOR || outcome == Outcome.VIEWER)) {
                throw new IllegalArgumentException("memberOverride GUEST=" + outcome
                        + ": a guest is never a moderator and only enters through the LOBBY (or is DENIED)");
            }
            memberOverrides.put(role, outcome);
            return this;
        }

        /** Meeting settings for this room instead of the defaults of its kind. */
        public Builder settings(MeetingSettings value) {
            this.settings = Checks.required("settings", value);
            return this;
        }

        /**
         * A metadata entry for this room's meeting. The key must be on the facade's allow-list
         * (checked when the meeting is created); the value must be a short machine value.
         *
         * @param key the key, without {@code meta_}
         * @param value {@code [A-Za-z0-9._:-]}, 1 to 64 characters
         * @throws IllegalArgumentException if the value is not a short machine value
         */
        public Builder metadata(String key, String value) {
            MetadataPolicy.checkEntry(key, value);
            metadata.put(key, value);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public RoomOptions build() {
            return new RoomOptions(this);
        }
    }
}
