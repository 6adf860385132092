// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Attendee;
import de.hessen.schulportal.bbb.testkit.internal.ChatEntry;
import de.hessen.schulportal.bbb.testkit.internal.Document;
import de.hessen.schulportal.bbb.testkit.internal.Meeting;
import de.hessen.schulportal.bbb.testkit.internal.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A consistent snapshot of one simulated meeting, taken when it was requested; it does not
 * change afterwards. Immutable. Passwords are available through {@link #createParameters()};
 * {@code toString()} masks them, the metadata, and the personal data of the attendees, chat
 * messages and documents it lists.
 */
@Value.Immutable
@ValueType
abstract class AbstractSimulatedMeeting {
    static SimulatedMeeting of(Meeting m) {
        synchronized (m) {
            SimulatedMeeting.Builder s = SimulatedMeeting.builder().meetingId(m.meetingId).name(m.name)
                    .internalMeetingId(m.internalId).createTime(m.createTime).running(m.running()).hasEnded(m.ended)
                    .forciblyEnded(m.forciblyEnded).endReason(m.endReason).recording(m.record)
                    .guestPolicy(m.guestPolicy).maxParticipants(m.maxParticipants).durationMinutes(m.durationMinutes)
                    .metadata(m.metadata).createParameters(m.createParams);
            m.attendees.forEach(a -> s.addAttendees(SimulatedAttendee.of(a)));
            m.lobby.forEach(a -> s.addLobby(SimulatedAttendee.of(a)));
            m.denied.forEach(a -> s.addDenied(SimulatedAttendee.of(a)));
            for (ChatEntry c : m.chat) {
                s.addChatMessages(ChatMessage.builder().userName(c.userName()).message(c.message())
                        .time(Instant.ofEpochMilli(c.time())).build());
            }
            for (Document d : m.documents) {
                s.addDocuments(SimulatedDocument.of(d));
            }
            return s.build();
        }
    }

    /** {@return the external meeting ID ({@code meetingID})} */
    public abstract String meetingId();

    /** {@return the meeting name} */
    public abstract String name();

    /** {@return the internal meeting ID, {@code sha1(meetingID) + "-" + createTime}; also the record ID of its recording} */
    public abstract String internalMeetingId();

    /** {@return the create time in milliseconds since the epoch (simulator clock)} */
    public abstract long createTime();

    /** {@return whether {@code isMeetingRunning} answers true: someone has joined and it has not ended} */
    public abstract boolean isRunning();

    /** {@return whether the meeting has ended, for whatever reason} */
    public abstract boolean hasEnded();

    /** {@return whether it was ended through the {@code end} call (or {@link BbbSimulator#end(String)})} */
    public abstract boolean forciblyEnded();

    /**
     * {@return why it ended: {@code "end"}, {@code "duration"}, {@code "noUserJoined"},
     * {@code "lastUserLeft"}, {@code "noModerator"}; empty while it runs}
     */
    public abstract String endReason();

    /** {@return the {@code record} flag of create: whether create asked for the meeting to be recorded} */
    public abstract boolean isRecording();

    /** {@return the guest policy as sent, upper-cased ({@code ALWAYS_ACCEPT} when absent)} */
    public abstract String guestPolicy();

    /** {@return {@code maxParticipants}, 0 for unlimited} */
    public abstract int maxParticipants();

    /** {@return {@code duration} in minutes, 0 for unlimited} */
    public abstract int durationMinutes();

    /**
     * {@return the metadata as bbb-web stored it: only valid {@code meta_} names, keyed by the
     * lower-cased name after {@code meta_}; masked in {@code toString()} (callback URLs with tokens,
     * course and person names)}
     */
    @Value.Redacted
    public abstract Map<String, String> metadata();

    /** {@return every create parameter as received (decoded, first value each, without {@code checksum}); masked in {@code toString()}} */
    @Value.Redacted
    public abstract Map<String, String> createParameters();

    /** {@return the admitted users, in join order} */
    public abstract List<SimulatedAttendee> attendees();

    /** {@return the guests waiting in the lobby for {@link BbbSimulator#approveGuest} or {@link BbbSimulator#denyGuest}} */
    public abstract List<SimulatedAttendee> lobby();

    /** {@return the guests who were denied from the lobby} */
    public abstract List<SimulatedAttendee> denied();

    /** {@return the messages received through {@code sendChatMessage}, oldest first} */
    public abstract List<ChatMessage> chatMessages();

    /** {@return the documents received with create and insertDocument, in order} */
    public abstract List<SimulatedDocument> documents();
}
