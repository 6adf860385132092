// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A meeting as reported by {@code getMeetingInfo}, or one entry of {@code getMeetings}. Immutable;
 * built by the client from the answer, or by {@link MeetingInfo#builder()} in integrators' tests,
 * where every field not set is empty, {@code 0}, {@code false} or absent. A field an older server
 * does not send reads as its empty value. {@code toString()} leaves out the voice bridge (with the
 * dial-in number it lets anyone listen by phone) and the metadata (free text from the creator);
 * each attendee prints without its name.
 */
@Value.Immutable
@ValueType
abstract class AbstractMeetingInfo {
    /** {@return the meeting's name as given on create ({@code meetingName}); empty if not sent} */
    @Value.Default
    public String meetingName() {
        return "";
    }

    /** {@return the external meeting ID the meeting was created with ({@code meetingID}); empty if not sent} */
    @Value.Default
    public String meetingId() {
        return "";
    }

    /** {@return the server's ID of this run of the meeting ({@code internalMeetingID}), which recordings carry as record ID; empty if not sent} */
    @Value.Default
    public String internalMeetingId() {
        return "";
    }

    /** {@return when the meeting was created ({@code createTime}), in epoch milliseconds; 0 if not sent} */
    @Value.Default
    public long createTime() {
        return 0;
    }

    /** {@return the creation date as the server formats it ({@code createDate}, Java's {@code Date.toString()}); empty if not sent} */
    @Value.Default
    public String createDate() {
        return "";
    }

    /** {@return the PIN of the audio conference ({@code voiceBridge}); empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String voiceBridge() {
        return "";
    }

    /** {@return the phone number to dial into the audio conference ({@code dialNumber}); empty if not sent} */
    @Value.Default
    public String dialNumber() {
        return "";
    }

    /** {@return whether the meeting runs ({@code running}): someone has joined and it has not ended; {@code false} if not sent} */
    @Value.Default
    public boolean isRunning() {
        return false;
    }

    /** {@return the maximum length set on create ({@code duration}, sent in minutes); {@link Duration#ZERO} for none or if not sent} */
    @Value.Default
    public Duration duration() {
        return Duration.ZERO;
    }

    /** {@return whether anyone has joined so far ({@code hasUserJoined}); {@code false} if not sent} */
    @Value.Default
    public boolean hasUserJoined() {
        return false;
    }

    /** {@return whether the meeting may be recorded, i.e. create's {@code record} flag ({@code recording}); {@code false} if not sent} */
    @Value.Default
    public boolean isRecording() {
        return false;
    }

    /** {@return whether the meeting was ended through the API ({@code hasBeenForciblyEnded}); {@code false} if not sent} */
    @Value.Default
    public boolean hasBeenForciblyEnded() {
        return false;
    }

    /** {@return when the first user joined ({@code startTime}); empty while nobody has joined (sent as 0)} */
    public abstract Optional<Instant> startTime();

    /** {@return when the meeting ended ({@code endTime}); empty while it runs (sent as 0)} */
    public abstract Optional<Instant> endTime();

    /** {@return how many users are in the meeting ({@code participantCount}); 0 if not sent} */
    @Value.Default
    public int participantCount() {
        return 0;
    }

    /** {@return how many users only listen ({@code listenerCount}); 0 if not sent} */
    @Value.Default
    public int listenerCount() {
        return 0;
    }

    /** {@return how many users are in the audio conference ({@code voiceParticipantCount}); 0 if not sent} */
    @Value.Default
    public int voiceParticipantCount() {
        return 0;
    }

    /** {@return how many cameras are shared ({@code videoCount}); 0 if not sent} */
    @Value.Default
    public int videoCount() {
        return 0;
    }

    /** {@return the participant limit set on create ({@code maxUsers}); 0 for none or if not sent} */
    @Value.Default
    public int maxUsers() {
        return 0;
    }

    /** {@return how many moderators are in the meeting ({@code moderatorCount}); 0 if not sent} */
    @Value.Default
    public int moderatorCount() {
        return 0;
    }

    /** {@return the users in the meeting ({@code attendees}), in the server's order; empty if none} */
    public abstract List<Attendee> attendees();

    /** {@return the metadata given on create ({@code metadata}), keys lower-cased by the server and without {@code meta_}; empty if none; not in {@code toString()}} */
    @Value.Redacted
    public abstract Map<String, String> metadata();

    /** {@return whether this meeting is a breakout room ({@code isBreakout}); {@code false} if not sent} */
    @Value.Default
    public boolean isBreakout() {
        return false;
    }

    /** {@return the internal IDs of this meeting's breakout rooms ({@code breakoutRooms}); empty if none} */
    public abstract List<String> breakoutRooms();

    /** {@return the internal ID of a breakout room's parent meeting ({@code parentMeetingID}); empty for a normal meeting} */
    public abstract Optional<String> parentMeetingId();

    /** {@return the room number of a breakout room ({@code sequence}), from 1; empty for a normal meeting} */
    public abstract OptionalInt sequence();

    /** {@return whether users may choose this breakout room themselves ({@code freeJoin}); {@code false} if not sent} */
    @Value.Default
    public boolean isFreeJoin() {
        return false;
    }

    /** {@return the {@code messageKey} a {@code getMeetingInfo} answer may carry beside the meeting (for example on a meeting that has ended), as sent; empty if none} */
    public abstract Optional<String> messageKey();

    /** {@return the {@code message} a {@code getMeetingInfo} answer may carry beside the meeting, as sent; empty if none} */
    public abstract Optional<String> message();
}
