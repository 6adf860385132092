package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
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

    Recording(XmlNode n) {
        this.recordId = n.text("recordID");
        this.meetingId = n.text("meetingID");
        this.internalMeetingId = n.text("internalMeetingID");
        this.name = n.text("name");
        this.breakout = n.bool("isBreakout");
        this.published = n.bool("published");
        this.rawState = n.text("state");
        this.startTime = n.instant("startTime").orElse(null);
        this.endTime = n.instant("endTime").orElse(null);
        this.participants = n.intValue("participants", 0);
        this.rawSize = n.longValue("rawSize", -1);
        this.size = n.longValue("size", -1);
        this.protectedFlag = n.child("protected").exists() ? n.bool("protected") : null;
        this.metadata = n.map("metadata");
        List<PlaybackFormat> formats = new ArrayList<>();
        for (XmlNode f : n.child("playback").children("format")) {
            formats.add(new PlaybackFormat(f));
        }
        this.playbackFormats = Collections.unmodifiableList(formats);
        this.breakoutParentId = n.child("breakout").text("parentId");
        this.breakoutSequence = n.child("breakout").intValue("sequence", 0);
        List<String> rooms = new ArrayList<>();
        for (XmlNode r : n.child("breakoutRooms").children("breakoutRoom")) {
            if (!r.text().isEmpty()) {
                rooms.add(r.text());
            }
        }
        this.breakoutRooms = Collections.unmodifiableList(rooms);
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
}
