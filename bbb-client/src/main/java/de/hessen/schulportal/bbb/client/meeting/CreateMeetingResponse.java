package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
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

    CreateMeetingResponse(XmlNode n) {
        this.meetingId = n.text("meetingID");
        this.internalMeetingId = n.text("internalMeetingID");
        this.parentMeetingId = n.text("parentMeetingID");
        this.createTime = n.longValue("createTime", 0);
        this.createDate = n.text("createDate");
        this.voiceBridge = n.text("voiceBridge");
        this.dialNumber = n.text("dialNumber");
        this.hasUserJoined = n.bool("hasUserJoined");
        this.duration = n.minutes("duration");
        this.hasBeenForciblyEnded = n.bool("hasBeenForciblyEnded");
        this.messageKey = n.text("messageKey");
        this.message = n.text("message");
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
}
