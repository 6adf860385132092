// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A recording as listed by {@code getRecordings}. Immutable. Fields a server (or Scalelite) does not
 * send read as empty.
 */
public final class Recording {
    private final String recordId;
    private final String meetingId;
    private final String internalMeetingId;
    private final String name;
    private final boolean breakout;
    private final boolean published;
    private final String rawState;
    private final Instant startTime;
    private final Instant endTime;
    private final int participants;
    private final long rawSize;
    private final long size;
    private final Boolean protectedFlag;
    private final Map<String, String> metadata;
    private final List<PlaybackFormat> playbackFormats;
    private final String breakoutParentId;
    private final int breakoutSequence;
    private final List<String> breakoutRooms;

    private Recording(Builder b) {
        this.recordId = b.recordId;
        this.meetingId = b.meetingId;
        this.internalMeetingId = b.internalMeetingId;
        this.name = b.name;
        this.breakout = b.breakout;
        this.published = b.published;
        this.rawState = b.rawState;
        this.startTime = b.startTime;
        this.endTime = b.endTime;
        this.participants = b.participants;
        this.rawSize = b.rawSize;
        this.size = b.size;
        this.protectedFlag = b.protectedFlag;
        this.metadata = b.metadata;
        this.playbackFormats = b.playbackFormats;
        this.breakoutParentId = b.breakoutParentId;
        this.breakoutSequence = b.breakoutSequence;
        this.breakoutRooms = b.breakoutRooms;
    }

    /**
     * The record ID ({@code sha1(meetingID)-createTime}).
     *
     * @return the ID
     */
    public String recordId() {
        return recordId;
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
     * The internal meeting ID (Scalelite and newer servers send it).
     *
     * @return the ID, or empty
     */
    public String internalMeetingId() {
        return internalMeetingId;
    }

    /**
     * The meeting name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Whether the recording is of a breakout room.
     *
     * @return the flag
     */
    public boolean isBreakout() {
        return breakout;
    }

    /**
     * Whether the recording is published.
     *
     * @return the flag
     */
    public boolean isPublished() {
        return published;
    }

    /**
     * The processing state.
     *
     * @return the state, {@link RecordingState#UNKNOWN} for one this SDK does not know
     */
    public RecordingState state() {
        return RecordingState.fromServer(rawState);
    }

    /**
     * The state exactly as sent.
     *
     * @return the raw state
     */
    public String rawState() {
        return rawState;
    }

    /**
     * When the recorded meeting started.
     *
     * @return the instant, or empty
     */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(startTime);
    }

    /**
     * When the recorded meeting ended.
     *
     * @return the instant, or empty
     */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(endTime);
    }

    /**
     * How many people took part.
     *
     * @return the count
     */
    public int participants() {
        return participants;
    }

    /**
     * The size of the processed recording in bytes, where reported.
     *
     * @return the size, or empty
     */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /**
     * The size of the raw recording in bytes, where reported.
     *
     * @return the size, or empty
     */
    public OptionalLong rawSize() {
        return rawSize < 0 ? OptionalLong.empty() : OptionalLong.of(rawSize);
    }

    /**
     * Scalelite's protected flag (protected recordings need a token to play).
     *
     * @return the flag, or empty where not supported
     */
    public Optional<Boolean> isProtected() {
        return Optional.ofNullable(protectedFlag);
    }

    /**
     * The metadata, as stored by the server.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The playback formats.
     *
     * @return an unmodifiable list
     */
    public List<PlaybackFormat> playbackFormats() {
        return playbackFormats;
    }

    /**
     * The first playback format of a kind.
     *
     * @param type the kind
     * @return the format, or empty
     */
    public Optional<PlaybackFormat> playback(PlaybackType type) {
        return playbackFormats.stream().filter(f -> f.playbackType() == type).findFirst();
    }

    /**
     * For a breakout room's recording: the parent's record ID.
     *
     * @return the ID, or empty
     */
    public Optional<String> breakoutParentId() {
        return breakoutParentId.isEmpty() ? Optional.empty() : Optional.of(breakoutParentId);
    }

    /**
     * For a breakout room's recording: its room number.
     *
     * @return the number, or empty
     */
    public OptionalInt breakoutSequence() {
        return breakoutSequence > 0 ? OptionalInt.of(breakoutSequence) : OptionalInt.empty();
    }

    /**
     * For a parent meeting: the record IDs of its breakout rooms.
     *
     * @return an unmodifiable list
     */
    public List<String> breakoutRooms() {
        return breakoutRooms;
    }

    private List<Object> values() {
        return Arrays.asList(recordId, meetingId, internalMeetingId, name, breakout, published, rawState, startTime,
                endTime, participants, rawSize, size, protectedFlag, metadata, playbackFormats, breakoutParentId,
                breakoutSequence, breakoutRooms);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recording && ((Recording) o).values().equals(values());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values().toArray());
    }

    @Override
    public String toString() {
        return "Recording{recordId=" + recordId + ", meetingId=" + meetingId + ", state=" + rawState + ", formats="
                + playbackFormats.size() + '}';
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

    /** Builds a {@link Recording}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String recordId = "";
        private String meetingId = "";
        private String internalMeetingId = "";
        private String name = "";
        private boolean breakout = false;
        private boolean published = false;
        private String rawState = "";
        private Instant startTime = null;
        private Instant endTime = null;
        private int participants = 0;
        private long rawSize = -1;
        private long size = -1;
        private Boolean protectedFlag = null;
        private Map<String, String> metadata = Map.of();
        private List<PlaybackFormat> playbackFormats = List.of();
        private String breakoutParentId = "";
        private int breakoutSequence = 0;
        private List<String> breakoutRooms = List.of();

        private Builder() {
        }

        /**
         * Sets {@code recordId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder recordId(String value) {
            this.recordId = Objects.requireNonNull(value, "recordId");
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
         * Sets {@code name}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
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
         * Sets {@code published}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder published(boolean value) {
            this.published = value;
            return this;
        }

        /**
         * Sets {@code rawState}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder rawState(String value) {
            this.rawState = Objects.requireNonNull(value, "rawState");
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
         * Sets {@code participants}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder participants(int value) {
            this.participants = value;
            return this;
        }

        /**
         * Sets {@code rawSize}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder rawSize(long value) {
            this.rawSize = value;
            return this;
        }

        /**
         * Sets {@code size}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder size(long value) {
            this.size = value;
            return this;
        }

        /**
         * Sets {@code protectedFlag}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder protectedFlag(boolean value) {
            this.protectedFlag = value;
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
         * Sets {@code playbackFormats}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder playbackFormats(List<PlaybackFormat> value) {
            this.playbackFormats = List.copyOf(Objects.requireNonNull(value, "playbackFormats"));
            return this;
        }

        /**
         * Sets {@code breakoutParentId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder breakoutParentId(String value) {
            this.breakoutParentId = Objects.requireNonNull(value, "breakoutParentId");
            return this;
        }

        /**
         * Sets {@code breakoutSequence}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder breakoutSequence(int value) {
            this.breakoutSequence = value;
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
         * Builds the immutable value.
         *
         * @return the value
         */
        public Recording build() {
            return new Recording(this);
        }
    }
}
