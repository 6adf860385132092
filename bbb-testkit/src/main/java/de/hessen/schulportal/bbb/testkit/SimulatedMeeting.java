// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Attendee;
import de.hessen.schulportal.bbb.testkit.internal.ChatEntry;
import de.hessen.schulportal.bbb.testkit.internal.Document;
import de.hessen.schulportal.bbb.testkit.internal.Meeting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A consistent snapshot of one simulated meeting, taken when it was requested; it does not
 * change afterwards. Passwords are available through {@link #createParameters()} but never
 * appear in {@link #toString()}.
 */
public final class SimulatedMeeting {
    private final String meetingId;
    private final String name;
    private final String internalMeetingId;
    private final long createTime;
    private final boolean running;
    private final boolean ended;
    private final boolean forciblyEnded;
    private final String endReason;
    private final boolean record;
    private final String guestPolicy;
    private final int maxParticipants;
    private final int durationMinutes;
    private final Map<String, String> metadata;
    private final Map<String, String> createParameters;
    private final List<SimulatedAttendee> attendees;
    private final List<SimulatedAttendee> lobby;
    private final List<SimulatedAttendee> denied;
    private final List<ChatMessage> chatMessages;
    private final List<SimulatedDocument> documents;

    private SimulatedMeeting(Meeting m) {
        meetingId = m.meetingId;
        name = m.name;
        internalMeetingId = m.internalId;
        createTime = m.createTime;
        running = m.running();
        ended = m.ended;
        forciblyEnded = m.forciblyEnded;
        endReason = m.endReason;
        record = m.record;
        guestPolicy = m.guestPolicy;
        maxParticipants = m.maxParticipants;
        durationMinutes = m.durationMinutes;
        metadata = m.metadata;
        createParameters = m.createParams;
        attendees = attendees(m.attendees);
        lobby = attendees(m.lobby);
        denied = attendees(m.denied);
        List<ChatMessage> chat = new ArrayList<>();
        for (ChatEntry c : m.chat) {
            chat.add(new ChatMessage(c.userName(), c.message(), Instant.ofEpochMilli(c.time())));
        }
        chatMessages = List.copyOf(chat);
        List<SimulatedDocument> docs = new ArrayList<>();
        for (Document d : m.documents) {
            docs.add(SimulatedDocument.of(d));
        }
        documents = List.copyOf(docs);
    }

    private static List<SimulatedAttendee> attendees(List<Attendee> list) {
        List<SimulatedAttendee> out = new ArrayList<>(list.size());
        for (Attendee a : list) {
            out.add(SimulatedAttendee.of(a));
        }
        return List.copyOf(out);
    }

    static SimulatedMeeting of(Meeting m) {
        synchronized (m) {
            return new SimulatedMeeting(m);
        }
    }

    /**
     * The external meeting ID ({@code meetingID}).
     *
     * @return the external meeting ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * The meeting name.
     *
     * @return the meeting name
     */
    public String name() {
        return name;
    }

    /**
     * {@code sha1(meetingID) + "-" + createTime}; also the record ID of its recording.
     *
     * @return the internal meeting ID
     */
    public String internalMeetingId() {
        return internalMeetingId;
    }

    /**
     * The create time in epoch milliseconds (simulator clock).
     *
     * @return the create time in milliseconds since the epoch
     */
    public long createTime() {
        return createTime;
    }

    /**
     * Whether {@code isMeetingRunning} answers true: someone has joined and it has not ended.
     *
     * @return whether the meeting is running
     */
    public boolean isRunning() {
        return running;
    }

    /**
     * Whether the meeting has ended, for whatever reason.
     *
     * @return whether the meeting has ended
     */
    public boolean hasEnded() {
        return ended;
    }

    /**
     * Whether it was ended through the {@code end} call (or {@link BbbSimulator#end(String)}).
     *
     * @return whether the meeting was ended forcibly
     */
    public boolean forciblyEnded() {
        return forciblyEnded;
    }

    /**
     * Why it ended: {@code "end"}, {@code "duration"}, {@code "noUserJoined"}, {@code "lastUserLeft"},
     * {@code "noModerator"}; empty while it runs.
     *
     * @return the end reason, or an empty string while the meeting runs
     */
    public String endReason() {
        return endReason;
    }

    /**
     * The {@code record} flag of create.
     *
     * @return whether create asked for the meeting to be recorded
     */
    public boolean isRecording() {
        return record;
    }

    /**
     * The guest policy as sent, upper-cased ({@code ALWAYS_ACCEPT} when absent).
     *
     * @return the guest policy
     */
    public String guestPolicy() {
        return guestPolicy;
    }

    /**
     * {@code maxParticipants}, 0 for unlimited.
     *
     * @return the maximum number of participants, or 0 for unlimited
     */
    public int maxParticipants() {
        return maxParticipants;
    }

    /**
     * {@code duration} in minutes, 0 for unlimited.
     *
     * @return the duration in minutes, or 0 for unlimited
     */
    public int durationMinutes() {
        return durationMinutes;
    }

    /**
     * Metadata as bbb-web stored it: only valid {@code meta_} names, keys lower-cased; unmodifiable.
     *
     * @return an unmodifiable map from the lower-cased name after {@code meta_} to the value
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Every create parameter as received (decoded, first value each, without {@code checksum}); unmodifiable.
     *
     * @return an unmodifiable map from parameter name to its first value
     */
    public Map<String, String> createParameters() {
        return createParameters;
    }

    /**
     * Admitted users, in join order.
     *
     * @return an unmodifiable list of the admitted users
     */
    public List<SimulatedAttendee> attendees() {
        return attendees;
    }

    /**
     * Guests waiting in the lobby for {@link BbbSimulator#approveGuest} or {@link BbbSimulator#denyGuest}.
     *
     * @return an unmodifiable list of the waiting guests
     */
    public List<SimulatedAttendee> lobby() {
        return lobby;
    }

    /**
     * Guests who were denied from the lobby.
     *
     * @return an unmodifiable list of the denied guests
     */
    public List<SimulatedAttendee> denied() {
        return denied;
    }

    /**
     * Messages received through {@code sendChatMessage}, oldest first.
     *
     * @return an unmodifiable list of the chat messages
     */
    public List<ChatMessage> chatMessages() {
        return chatMessages;
    }

    /**
     * Documents received with create and insertDocument, in order.
     *
     * @return an unmodifiable list of the documents
     */
    public List<SimulatedDocument> documents() {
        return documents;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SimulatedMeeting)) {
            return false;
        }
        SimulatedMeeting m = (SimulatedMeeting) o;
        return internalMeetingId.equals(m.internalMeetingId) && running == m.running && ended == m.ended
                && forciblyEnded == m.forciblyEnded && attendees.equals(m.attendees) && lobby.equals(m.lobby)
                && denied.equals(m.denied) && chatMessages.equals(m.chatMessages) && documents.equals(m.documents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(internalMeetingId, running, ended, forciblyEnded, attendees, lobby, chatMessages);
    }

    @Override
    public String toString() {
        return "SimulatedMeeting[meetingId=" + meetingId + ", name=" + name + ", createTime=" + createTime
                + ", running=" + running + ", ended=" + ended + ", attendees=" + attendees.size()
                + ", lobby=" + lobby.size() + "]";
    }
}
