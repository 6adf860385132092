// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@code create}. Immutable. The meeting passwords the server still reports are
 * deliberately not exposed: joins use roles.
 */
public final class CreateMeetingResponse {
    private final String meetingId;
    private final String internalMeetingId;
    private final String parentMeetingId;
    private final long createTime;
    private final String createDate;
    private final String voiceBridge;
    private final String dialNumber;
    private final boolean hasUserJoined;
    private final Duration duration;
    private final boolean hasBeenForciblyEnded;
    private final String messageKey;
    private final String message;

    private CreateMeetingResponse(Builder b) {
        this.meetingId = b.meetingId;
        this.internalMeetingId = b.internalMeetingId;
        this.parentMeetingId = b.parentMeetingId;
        this.createTime = b.createTime;
        this.createDate = b.createDate;
        this.voiceBridge = b.voiceBridge;
        this.dialNumber = b.dialNumber;
        this.hasUserJoined = b.hasUserJoined;
        this.duration = b.duration;
        this.hasBeenForciblyEnded = b.hasBeenForciblyEnded;
        this.messageKey = b.messageKey;
        this.message = b.message;
    }

    /**
     * The external meeting ID.
     *
     * @return the meeting ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * The server's internal meeting ID ({@code sha1(meetingID)-createTime}); recordings carry it as record ID.
     *
     * @return the internal ID
     */
    public String internalMeetingId() {
        return internalMeetingId;
    }

    /**
     * The parent meeting of a breakout room.
     *
     * @return the parent's ID, or empty for a normal meeting ({@code bbb-none})
     */
    public Optional<String> parentMeetingId() {
        return parentMeetingId.isEmpty() || "bbb-none".equals(parentMeetingId) ? Optional.empty() : Optional.of(parentMeetingId);
    }

    /**
     * When the meeting was created, in epoch milliseconds. Pass it to
     * {@link JoinMeetingRequest.Builder#createTime(long)} so links never enter a later meeting with the same ID.
     *
     * @return the create time
     */
    public long createTime() {
        return createTime;
    }

    /**
     * The creation date as the server formats it (Java {@code Date.toString()}).
     *
     * @return the text
     */
    public String createDate() {
        return createDate;
    }

    /**
     * The voice conference number.
     *
     * @return the number as text
     */
    public String voiceBridge() {
        return voiceBridge;
    }

    /**
     * The dial-in number.
     *
     * @return the number as text
     */
    public String dialNumber() {
        return dialNumber;
    }

    /**
     * Whether anyone has joined yet (only ever true on a repeated create).
     *
     * @return the flag
     */
    public boolean hasUserJoined() {
        return hasUserJoined;
    }

    /**
     * The maximum duration; zero for none.
     *
     * @return the duration
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Whether the meeting was ended through the API.
     *
     * @return the flag
     */
    public boolean hasBeenForciblyEnded() {
        return hasBeenForciblyEnded;
    }

    /**
     * Whether the meeting already existed: the server answered {@code duplicateWarning} and ignored
     * the other parameters of this create.
     *
     * @return {@code true} for an existing meeting
     */
    public boolean isDuplicate() {
        return "duplicateWarning".equals(messageKey);
    }

    /**
     * The server's message key, e.g. {@code duplicateWarning}.
     *
     * @return the key, or empty
     */
    public String messageKey() {
        return messageKey;
    }

    /**
     * The server's message.
     *
     * @return the message, or empty
     */
    public String message() {
        return message;
    }

    private List<Object> values() {
        return List.of(meetingId, internalMeetingId, parentMeetingId, createTime, createDate, voiceBridge, dialNumber,
                hasUserJoined, duration, hasBeenForciblyEnded, messageKey, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateMeetingResponse && ((CreateMeetingResponse) o).values().equals(values());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values().toArray());
    }

    @Override
    public String toString() {
        return "CreateMeetingResponse{meetingId=" + meetingId + ", internalMeetingId=" + internalMeetingId
                + ", createTime=" + createTime + ", duplicate=" + isDuplicate() + '}';
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

    /** Builds a {@link CreateMeetingResponse}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String meetingId = "";
        private String internalMeetingId = "";
        private String parentMeetingId = "";
        private long createTime = 0;
        private String createDate = "";
        private String voiceBridge = "";
        private String dialNumber = "";
        private boolean hasUserJoined = false;
        private Duration duration = Duration.ZERO;
        private boolean hasBeenForciblyEnded = false;
        private String messageKey = "";
        private String message = "";

        private Builder() {
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
         * Sets {@code internalMeetingId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder internalMeetingId(String value) {
            this.internalMeetingId = Objects.requireNonNull(value, "internalMeetingId");
            return this;
        }

        /**
         * Sets {@code parentMeetingId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder parentMeetingId(String value) {
            this.parentMeetingId = Objects.requireNonNull(value, "parentMeetingId");
            return this;
        }

        /**
         * Sets {@code createTime}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder createTime(long value) {
            this.createTime = value;
            return this;
        }

        /**
         * Sets {@code createDate}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder createDate(String value) {
            this.createDate = Objects.requireNonNull(value, "createDate");
            return this;
        }

        /**
         * Sets {@code voiceBridge}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder voiceBridge(String value) {
            this.voiceBridge = Objects.requireNonNull(value, "voiceBridge");
            return this;
        }

        /**
         * Sets {@code dialNumber}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder dialNumber(String value) {
            this.dialNumber = Objects.requireNonNull(value, "dialNumber");
            return this;
        }

        /**
         * Sets {@code hasUserJoined}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder hasUserJoined(boolean value) {
            this.hasUserJoined = value;
            return this;
        }

        /**
         * Sets {@code duration}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder duration(Duration value) {
            this.duration = Objects.requireNonNull(value, "duration");
            return this;
        }

        /**
         * Sets {@code hasBeenForciblyEnded}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder hasBeenForciblyEnded(boolean value) {
            this.hasBeenForciblyEnded = value;
            return this;
        }

        /**
         * Sets {@code messageKey}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder messageKey(String value) {
            this.messageKey = Objects.requireNonNull(value, "messageKey");
            return this;
        }

        /**
         * Sets {@code message}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder message(String value) {
            this.message = Objects.requireNonNull(value, "message");
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public CreateMeetingResponse build() {
            return new CreateMeetingResponse(this);
        }
    }
}
