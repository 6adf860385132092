// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import java.util.LinkedHashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A meeting as reported by {@code getMeetingInfo} or {@code getMeetings}. Immutable snapshot.
 * Fields a server version does not send read as empty, zero or {@code false}.
 */
public final class MeetingInfo {
    private final String meetingName;
    private final String meetingId;
    private final String internalMeetingId;
    private final long createTime;
    private final String createDate;
    private final String voiceBridge;
    private final String dialNumber;
    private final boolean running;
    private final Duration duration;
    private final boolean hasUserJoined;
    private final boolean recording;
    private final boolean hasBeenForciblyEnded;
    private final Instant startTime;
    private final Instant endTime;
    private final int participantCount;
    private final int listenerCount;
    private final int voiceParticipantCount;
    private final int videoCount;
    private final int maxUsers;
    private final int moderatorCount;
    private final List<Attendee> attendees;
    private final Map<String, String> metadata;
    private final boolean breakout;
    private final List<String> breakoutRooms;
    private final String parentMeetingId;
    private final int sequence;
    private final boolean freeJoin;
    private final String messageKey;
    private final String message;

    private MeetingInfo(Builder b) {
        this.meetingName = b.meetingName;
        this.meetingId = b.meetingId;
        this.internalMeetingId = b.internalMeetingId;
        this.createTime = b.createTime;
        this.createDate = b.createDate;
        this.voiceBridge = b.voiceBridge;
        this.dialNumber = b.dialNumber;
        this.running = b.running;
        this.duration = b.duration;
        this.hasUserJoined = b.hasUserJoined;
        this.recording = b.recording;
        this.hasBeenForciblyEnded = b.hasBeenForciblyEnded;
        this.startTime = b.startTime;
        this.endTime = b.endTime;
        this.participantCount = b.participantCount;
        this.listenerCount = b.listenerCount;
        this.voiceParticipantCount = b.voiceParticipantCount;
        this.videoCount = b.videoCount;
        this.maxUsers = b.maxUsers;
        this.moderatorCount = b.moderatorCount;
        this.attendees = b.attendees;
        this.metadata = b.metadata;
        this.breakout = b.breakout;
        this.breakoutRooms = b.breakoutRooms;
        this.parentMeetingId = b.parentMeetingId;
        this.sequence = b.sequence;
        this.freeJoin = b.freeJoin;
        this.messageKey = b.messageKey;
        this.message = b.message;
    }

    /**
     * The meeting name.
     *
     * @return the name
     */
    public String meetingName() {
        return meetingName;
    }

    /**
     * The external meeting ID.
     *
     * @return the ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * The internal meeting ID.
     *
     * @return the ID
     */
    public String internalMeetingId() {
        return internalMeetingId;
    }

    /**
     * When the meeting was created, in epoch milliseconds.
     *
     * @return the create time
     */
    public long createTime() {
        return createTime;
    }

    /**
     * The creation date as the server formats it.
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
     * Whether the meeting is running, i.e. someone has joined and it has not ended.
     *
     * @return the flag
     */
    public boolean isRunning() {
        return running;
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
     * Whether anyone has joined so far.
     *
     * @return the flag
     */
    public boolean hasUserJoined() {
        return hasUserJoined;
    }

    /**
     * Whether the meeting may be recorded (create's {@code record} flag).
     *
     * @return the flag
     */
    public boolean isRecording() {
        return recording;
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
     * When the first user joined.
     *
     * @return the instant, or empty if not started
     */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(startTime);
    }

    /**
     * When the meeting ended.
     *
     * @return the instant, or empty while it runs
     */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(endTime);
    }

    /**
     * How many users are in the meeting.
     *
     * @return the count
     */
    public int participantCount() {
        return participantCount;
    }

    /**
     * How many users only listen.
     *
     * @return the count
     */
    public int listenerCount() {
        return listenerCount;
    }

    /**
     * How many users are in the audio conference.
     *
     * @return the count
     */
    public int voiceParticipantCount() {
        return voiceParticipantCount;
    }

    /**
     * How many cameras are shared.
     *
     * @return the count
     */
    public int videoCount() {
        return videoCount;
    }

    /**
     * The participant limit; 0 for none.
     *
     * @return the limit
     */
    public int maxUsers() {
        return maxUsers;
    }

    /**
     * How many moderators are in the meeting.
     *
     * @return the count
     */
    public int moderatorCount() {
        return moderatorCount;
    }

    /**
     * The users in the meeting.
     *
     * @return an unmodifiable list; empty if none
     */
    public List<Attendee> attendees() {
        return attendees;
    }

    /**
     * The metadata given on create, keys lower-cased by the server and without {@code meta_}.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Whether this meeting is a breakout room.
     *
     * @return the flag
     */
    public boolean isBreakout() {
        return breakout;
    }

    /**
     * The internal IDs of this meeting's breakout rooms.
     *
     * @return an unmodifiable list; empty if none
     */
    public List<String> breakoutRooms() {
        return breakoutRooms;
    }

    /**
     * The parent of a breakout room.
     *
     * @return the parent's internal ID, or empty
     */
    public Optional<String> parentMeetingId() {
        return parentMeetingId.isEmpty() || "bbb-none".equals(parentMeetingId) ? Optional.empty() : Optional.of(parentMeetingId);
    }

    /**
     * The room number of a breakout room.
     *
     * @return the number, or empty
     */
    public OptionalInt sequence() {
        return sequence > 0 ? OptionalInt.of(sequence) : OptionalInt.empty();
    }

    /**
     * Whether users may choose this breakout room themselves.
     *
     * @return the flag
     */
    public boolean isFreeJoin() {
        return freeJoin;
    }

    /**
     * The {@code messageKey} a {@code getMeetingInfo} answer may carry beside the meeting (for
     * example on a meeting that has ended), as sent.
     *
     * @return the key, or empty
     */
    public Optional<String> messageKey() {
        return messageKey.isEmpty() ? Optional.empty() : Optional.of(messageKey);
    }

    /**
     * The {@code message} a {@code getMeetingInfo} answer may carry, as sent.
     *
     * @return the message, or empty
     */
    public Optional<String> message() {
        return message.isEmpty() ? Optional.empty() : Optional.of(message);
    }

    private List<Object> values() {
        return java.util.Arrays.asList(meetingName, meetingId, internalMeetingId, createTime, createDate, voiceBridge,
                dialNumber, running, duration, hasUserJoined, recording, hasBeenForciblyEnded, startTime, endTime,
                participantCount, listenerCount, voiceParticipantCount, videoCount, maxUsers, moderatorCount, attendees,
                metadata, breakout, breakoutRooms, parentMeetingId, sequence, freeJoin, messageKey, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeetingInfo && ((MeetingInfo) o).values().equals(values());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values().toArray());
    }

    @Override
    public String toString() {
        return "MeetingInfo{meetingId=" + meetingId + ", name=" + meetingName + ", running=" + running
                + ", participants=" + participantCount + ", moderators=" + moderatorCount + ", createTime=" + createTime + '}';
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

    /** Builds a {@link MeetingInfo}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String meetingName = "";
        private String meetingId = "";
        private String internalMeetingId = "";
        private long createTime = 0;
        private String createDate = "";
        private String voiceBridge = "";
        private String dialNumber = "";
        private boolean running = false;
        private Duration duration = Duration.ZERO;
        private boolean hasUserJoined = false;
        private boolean recording = false;
        private boolean hasBeenForciblyEnded = false;
        private Instant startTime = null;
        private Instant endTime = null;
        private int participantCount = 0;
        private int listenerCount = 0;
        private int voiceParticipantCount = 0;
        private int videoCount = 0;
        private int maxUsers = 0;
        private int moderatorCount = 0;
        private List<Attendee> attendees = List.of();
        private Map<String, String> metadata = Map.of();
        private boolean breakout = false;
        private List<String> breakoutRooms = List.of();
        private String parentMeetingId = "";
        private int sequence = 0;
        private boolean freeJoin = false;
        private String messageKey = "";
        private String message = "";

        private Builder() {
        }

        /**
         * Sets {@code meetingName}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder meetingName(String value) {
            this.meetingName = Objects.requireNonNull(value, "meetingName");
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
         * Sets {@code running}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder running(boolean value) {
            this.running = value;
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
         * Sets {@code recording}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder recording(boolean value) {
            this.recording = value;
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
         * Sets {@code startTime}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder startTime(Instant value) {
            this.startTime = Objects.requireNonNull(value, "startTime");
            return this;
        }

        /**
         * Sets {@code endTime}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder endTime(Instant value) {
            this.endTime = Objects.requireNonNull(value, "endTime");
            return this;
        }

        /**
         * Sets {@code participantCount}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder participantCount(int value) {
            this.participantCount = value;
            return this;
        }

        /**
         * Sets {@code listenerCount}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder listenerCount(int value) {
            this.listenerCount = value;
            return this;
        }

        /**
         * Sets {@code voiceParticipantCount}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder voiceParticipantCount(int value) {
            this.voiceParticipantCount = value;
            return this;
        }

        /**
         * Sets {@code videoCount}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder videoCount(int value) {
            this.videoCount = value;
            return this;
        }

        /**
         * Sets {@code maxUsers}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder maxUsers(int value) {
            this.maxUsers = value;
            return this;
        }

        /**
         * Sets {@code moderatorCount}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder moderatorCount(int value) {
            this.moderatorCount = value;
            return this;
        }

        /**
         * Sets {@code attendees}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder attendees(List<Attendee> value) {
            this.attendees = List.copyOf(Objects.requireNonNull(value, "attendees"));
            return this;
        }

        /**
         * Sets {@code metadata}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder metadata(Map<String, String> value) {
            this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(value, "metadata")));
            return this;
        }

        /**
         * Sets {@code breakout}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder breakout(boolean value) {
            this.breakout = value;
            return this;
        }

        /**
         * Sets {@code breakoutRooms}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder breakoutRooms(List<String> value) {
            this.breakoutRooms = List.copyOf(Objects.requireNonNull(value, "breakoutRooms"));
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
         * Sets {@code sequence}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder sequence(int value) {
            this.sequence = value;
            return this;
        }

        /**
         * Sets {@code freeJoin}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder freeJoin(boolean value) {
            this.freeJoin = value;
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
        public MeetingInfo build() {
            return new MeetingInfo(this);
        }
    }
}
