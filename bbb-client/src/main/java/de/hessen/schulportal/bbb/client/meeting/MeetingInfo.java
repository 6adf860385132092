package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
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

    MeetingInfo(XmlNode n) {
        this.meetingName = n.text("meetingName");
        this.meetingId = n.text("meetingID");
        this.internalMeetingId = n.text("internalMeetingID");
        this.createTime = n.longValue("createTime", 0);
        this.createDate = n.text("createDate");
        this.voiceBridge = n.text("voiceBridge");
        this.dialNumber = n.text("dialNumber");
        this.running = n.bool("running");
        this.duration = n.minutes("duration");
        this.hasUserJoined = n.bool("hasUserJoined");
        this.recording = n.bool("recording");
        this.hasBeenForciblyEnded = n.bool("hasBeenForciblyEnded");
        this.startTime = n.instant("startTime").orElse(null);
        this.endTime = n.instant("endTime").orElse(null);
        this.participantCount = n.intValue("participantCount", 0);
        this.listenerCount = n.intValue("listenerCount", 0);
        this.voiceParticipantCount = n.intValue("voiceParticipantCount", 0);
        this.videoCount = n.intValue("videoCount", 0);
        this.maxUsers = n.intValue("maxUsers", 0);
        this.moderatorCount = n.intValue("moderatorCount", 0);
        List<Attendee> list = new ArrayList<>();
        for (XmlNode a : n.child("attendees").children("attendee")) {
            list.add(new Attendee(a));
        }
        this.attendees = Collections.unmodifiableList(list);
        this.metadata = n.map("metadata");
        this.breakout = n.bool("isBreakout");
        List<String> rooms = new ArrayList<>();
        for (XmlNode b : n.child("breakoutRooms").children("breakout")) {
            if (!b.text().isEmpty()) {
                rooms.add(b.text());
            }
        }
        this.breakoutRooms = Collections.unmodifiableList(rooms);
        // Breakout rooms report their parent as direct children; the docs sample wraps them in <breakout>.
        XmlNode wrapped = n.child("breakout");
        this.parentMeetingId = n.optionalText("parentMeetingID").orElse(wrapped.text("parentMeetingID"));
        this.sequence = n.intValue("sequence", wrapped.intValue("sequence", 0));
        this.freeJoin = n.child("freeJoin").exists() ? n.bool("freeJoin") : wrapped.bool("freeJoin");
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

    private List<Object> values() {
        return java.util.Arrays.asList(meetingName, meetingId, internalMeetingId, createTime, createDate, voiceBridge,
                dialNumber, running, duration, hasUserJoined, recording, hasBeenForciblyEnded, startTime, endTime,
                participantCount, listenerCount, voiceParticipantCount, videoCount, maxUsers, moderatorCount, attendees,
                metadata, breakout, breakoutRooms, parentMeetingId, sequence, freeJoin);
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
}
