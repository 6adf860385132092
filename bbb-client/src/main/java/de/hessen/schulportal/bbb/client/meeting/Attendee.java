// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user in a running meeting, as reported by {@code getMeetingInfo}. Immutable.
 */
public final class Attendee {
    private final String userId;
    private final String fullName;
    private final Role role;
    private final String rawRole;
    private final boolean presenter;
    private final boolean listeningOnly;
    private final boolean joinedVoice;
    private final boolean video;
    private final String clientType;
    private final Map<String, String> customData;

    private Attendee(Builder b) {
        this.userId = b.userId;
        this.fullName = b.fullName;
        this.role = Role.fromServer(b.rawRole);
        this.rawRole = b.rawRole;
        this.presenter = b.presenter;
        this.listeningOnly = b.listeningOnly;
        this.joinedVoice = b.joinedVoice;
        this.video = b.video;
        this.clientType = b.clientType;
        this.customData = b.customData;
    }

    /**
     * The external user ID given on join ({@code userID}), or the server's internal one if none was given.
     *
     * @return the user ID
     */
    public String userId() {
        return userId;
    }

    /**
     * The display name.
     *
     * @return the name
     */
    public String fullName() {
        return fullName;
    }

    /**
     * The role; {@link Role#UNKNOWN} for a value this SDK does not know (see {@link #rawRole()}).
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * The role exactly as the server sent it.
     *
     * @return the raw role
     */
    public String rawRole() {
        return rawRole;
    }

    /**
     * Whether the user is the presenter.
     *
     * @return the flag
     */
    public boolean isPresenter() {
        return presenter;
    }

    /**
     * Whether the user only listens.
     *
     * @return the flag
     */
    public boolean isListeningOnly() {
        return listeningOnly;
    }

    /**
     * Whether the user joined the audio conference.
     *
     * @return the flag
     */
    public boolean hasJoinedVoice() {
        return joinedVoice;
    }

    /**
     * Whether the user shares a camera.
     *
     * @return the flag
     */
    public boolean hasVideo() {
        return video;
    }

    /**
     * The client the user connected with, e.g. {@code HTML5}.
     *
     * @return the client type, or empty
     */
    public String clientType() {
        return clientType;
    }

    /**
     * The {@code userdata-*} values given on join, keyed without the prefix.
     *
     * @return an unmodifiable map; empty if none
     */
    public Map<String, String> customData() {
        return customData;
    }

    private List<Object> values() {
        return List.of(userId, fullName, rawRole, presenter, listeningOnly, joinedVoice, video, clientType, customData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attendee && ((Attendee) o).values().equals(values());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values().toArray());
    }

    @Override
    public String toString() {
        // The display name is personal data: it stays out of logs.
        return "Attendee{userId=" + userId + ", role=" + rawRole + ", presenter=" + presenter
                + ", video=" + video + ", voice=" + joinedVoice + '}';
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

    /** Builds a {@link Attendee}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String userId = "";
        private String fullName = "";
        private String rawRole = "";
        private boolean presenter = false;
        private boolean listeningOnly = false;
        private boolean joinedVoice = false;
        private boolean video = false;
        private String clientType = "";
        private Map<String, String> customData = Map.of();

        private Builder() {
        }

        /**
         * Sets {@code userId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder userId(String value) {
            this.userId = Objects.requireNonNull(value, "userId");
            return this;
        }

        /**
         * Sets {@code fullName}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder fullName(String value) {
            this.fullName = Objects.requireNonNull(value, "fullName");
            return this;
        }

        /**
         * Sets {@code rawRole}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder rawRole(String value) {
            this.rawRole = Objects.requireNonNull(value, "rawRole");
            return this;
        }

        /**
         * Sets {@code presenter}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder presenter(boolean value) {
            this.presenter = value;
            return this;
        }

        /**
         * Sets {@code listeningOnly}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder listeningOnly(boolean value) {
            this.listeningOnly = value;
            return this;
        }

        /**
         * Sets {@code joinedVoice}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder joinedVoice(boolean value) {
            this.joinedVoice = value;
            return this;
        }

        /**
         * Sets {@code video}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder video(boolean value) {
            this.video = value;
            return this;
        }

        /**
         * Sets {@code clientType}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder clientType(String value) {
            this.clientType = Objects.requireNonNull(value, "clientType");
            return this;
        }

        /**
         * Sets {@code customData}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder customData(Map<String, String> value) {
            this.customData = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(value, "customData")));
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public Attendee build() {
            return new Attendee(this);
        }
    }
}
