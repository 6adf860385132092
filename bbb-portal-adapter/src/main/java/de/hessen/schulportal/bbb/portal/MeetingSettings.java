// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.client.meeting.LockSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The meeting settings the adapter controls for a kind of room (see {@link MeetingDefaults}) or
 * one room (see {@link RoomOptions.Builder#settings(MeetingSettings)}).
 *
 * <p>Recording, the guest policy, metadata and the privacy switches that no setting may turn off
 * (no full-duration media, no kept events) are decided by {@link SchoolConferences}, not here.
 *
 * <p>Immutable. A fresh builder starts with every switch off and the learning dashboard disabled.
 */
public final class MeetingSettings {
    private final boolean endWhenNoModerator;
    private final boolean muteOnStart;
    private final boolean webcamsOnlyForModerator;
    private final Set<Feature> disabledFeatures;
    private final int maxParticipants;
    private final Duration duration;
    private final LockSettings lockSettings;

    private MeetingSettings(Builder b) {
        this.endWhenNoModerator = b.endWhenNoModerator;
        this.muteOnStart = b.muteOnStart;
        this.webcamsOnlyForModerator = b.webcamsOnlyForModerator;
        this.disabledFeatures = Collections.unmodifiableSet(b.disabledFeatures.isEmpty()
                ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(b.disabledFeatures));
        this.maxParticipants = b.maxParticipants;
        this.duration = b.duration;
        this.lockSettings = b.lockSettings;
    }

    /**
     * A builder with every switch off and the learning dashboard disabled.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.endWhenNoModerator = endWhenNoModerator;
        b.muteOnStart = muteOnStart;
        b.webcamsOnlyForModerator = webcamsOnlyForModerator;
        b.disabledFeatures.clear();
        b.disabledFeatures.addAll(disabledFeatures);
        b.maxParticipants = maxParticipants;
        b.duration = duration;
        b.lockSettings = lockSettings;
        return b;
    }

    /**
     * Whether the meeting ends when the last moderator has left.
     *
     * @return the flag
     */
    public boolean isEndWhenNoModerator() {
        return endWhenNoModerator;
    }

    /**
     * Whether everyone is muted on start.
     *
     * @return the flag
     */
    public boolean isMuteOnStart() {
        return muteOnStart;
    }

    /**
     * Whether viewers' webcams are visible to moderators only.
     *
     * @return the flag
     */
    public boolean isWebcamsOnlyForModerator() {
        return webcamsOnlyForModerator;
    }

    /**
     * The client features switched off.
     *
     * @return the features
     */
    public Set<Feature> disabledFeatures() {
        return disabledFeatures;
    }

    /**
     * The participant limit.
     *
     * @return the limit; 0 for none
     */
    public int maxParticipants() {
        return maxParticipants;
    }

    /**
     * The maximum duration.
     *
     * @return the duration; zero for none
     */
    public Duration duration() {
        return duration;
    }

    /**
     * The lock settings for viewers.
     *
     * @return the settings, or empty for the server's defaults
     */
    public Optional<LockSettings> lockSettings() {
        return Optional.ofNullable(lockSettings);
    }

    void applyTo(CreateMeetingRequest.Builder b) {
        b.endWhenNoModerator(endWhenNoModerator)
                .muteOnStart(muteOnStart)
                .webcamsOnlyForModerator(webcamsOnlyForModerator);
        if (!disabledFeatures.isEmpty()) {
            b.disabledFeatures(disabledFeatures.toArray(new Feature[0]));
        }
        if (maxParticipants > 0) {
            b.maxParticipants(maxParticipants);
        }
        if (!duration.isZero()) {
            b.duration(duration);
        }
        if (lockSettings != null) {
            b.lockSettings(lockSettings);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MeetingSettings)) {
            return false;
        }
        MeetingSettings m = (MeetingSettings) o;
        return m.endWhenNoModerator == endWhenNoModerator && m.muteOnStart == muteOnStart
                && m.webcamsOnlyForModerator == webcamsOnlyForModerator && m.disabledFeatures.equals(disabledFeatures)
                && m.maxParticipants == maxParticipants && m.duration.equals(duration)
                && Objects.equals(m.lockSettings, lockSettings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endWhenNoModerator, muteOnStart, webcamsOnlyForModerator, disabledFeatures,
                maxParticipants, duration, lockSettings);
    }

    @Override
    public String toString() {
        return "MeetingSettings{endWhenNoModerator=" + endWhenNoModerator + ", muteOnStart=" + muteOnStart
                + ", webcamsOnlyForModerator=" + webcamsOnlyForModerator + ", disabledFeatures=" + disabledFeatures
                + ", maxParticipants=" + maxParticipants + ", duration=" + duration + ", lockSettings=" + lockSettings
                + '}';
    }

    /**
     * Collects {@link MeetingSettings}. Each setter returns this builder and replaces the value set
     * before ({@code disable} and {@code enable} change one set of disabled features); a {@code null}
     * argument throws {@link NullPointerException} naming it, and a value out of range throws
     * {@link IllegalArgumentException} in the setter. Not thread-safe.
     */
    public static final class Builder {
        private boolean endWhenNoModerator;
        private boolean muteOnStart;
        private boolean webcamsOnlyForModerator;
        private final Set<Feature> disabledFeatures = EnumSet.of(Feature.LEARNING_DASHBOARD,
                Feature.LEARNING_DASHBOARD_DOWNLOAD_SESSION_DATA);
        private int maxParticipants;
        private Duration duration = Duration.ZERO;
        private LockSettings lockSettings;

        private Builder() {
        }

        /** Whether the meeting ends when the last moderator has left. */
        public Builder endWhenNoModerator(boolean value) {
            this.endWhenNoModerator = value;
            return this;
        }

        /** Whether everyone is muted on start. */
        public Builder muteOnStart(boolean value) {
            this.muteOnStart = value;
            return this;
        }

        /** Whether viewers' webcams are visible to moderators only. */
        public Builder webcamsOnlyForModerator(boolean value) {
            this.webcamsOnlyForModerator = value;
            return this;
        }

        /** Switches client features off, in addition to those already off. */
        public Builder disable(Feature... features) {
            for (Feature f : Checks.required("features", features)) {
                disabledFeatures.add(Checks.required("feature", f));
            }
            return this;
        }

        /**
         * Switches client features back on (removes them from the disabled set). Enabling
         * {@link Feature#LEARNING_DASHBOARD} lets moderators see per-person activity: do it only
         * where the school has decided so.
         */
        public Builder enable(Feature... features) {
            for (Feature f : Checks.required("features", features)) {
                disabledFeatures.remove(Checks.required("feature", f));
            }
            return this;
        }

        /**
         * The participant limit. Default 0 (none).
         *
         * @param value 0 or more
         */
        public Builder maxParticipants(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxParticipants must be 0 (no limit) or more, was " + value);
            }
            this.maxParticipants = value;
            return this;
        }

        /**
         * The maximum duration. Default zero (none).
         *
         * @param value whole minutes, zero or more
         */
        public Builder duration(Duration value) {
            Checks.required("duration", value);
            if (value.isNegative() || value.toSeconds() % 60 != 0 || value.getNano() != 0) {
                throw new IllegalArgumentException("duration must be a whole, non-negative number of minutes, was " + value);
            }
            this.duration = value;
            return this;
        }

        /** The lock settings for viewers. Default: the server's. */
        public Builder lockSettings(LockSettings value) {
            this.lockSettings = Checks.required("lockSettings", value);
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public MeetingSettings build() {
            return new MeetingSettings(this);
        }
    }
}
