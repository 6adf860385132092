// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to {@code create}. Immutable; built by the client from the answer, or by
 * {@link CreateMeetingResponse#builder()} in integrators' tests, where every field not set is
 * empty, {@code 0}, {@code false} or absent. A field an older server does not send reads as its
 * empty value. The meeting passwords the server still reports are deliberately not kept: joins use
 * roles. {@code toString()} leaves out the voice bridge (with the dial-in number it lets anyone
 * listen by phone).
 */
@Value.Immutable
@ValueType
abstract class AbstractCreateMeetingResponse {
    /** {@return the external meeting ID ({@code meetingID}); empty if not sent} */
    @Value.Default
    public String meetingId() {
        return "";
    }

    /** {@return the server's ID of this run of the meeting ({@code internalMeetingID}, {@code sha1(meetingID)-createTime}), which recordings carry as record ID; empty if not sent} */
    @Value.Default
    public String internalMeetingId() {
        return "";
    }

    /** {@return the parent meeting of a breakout room ({@code parentMeetingID}); empty for a normal meeting (sent as {@code bbb-none})} */
    public abstract Optional<String> parentMeetingId();

    /**
     * {@return when the meeting was created ({@code createTime}), in epoch milliseconds; 0 if not sent}
     * Pass it to {@link JoinMeetingRequest.Builder#createTime(long)} so links never enter a later
     * meeting with the same ID.
     */
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

    /** {@return whether anyone has joined yet ({@code hasUserJoined}), only ever {@code true} on a repeated create; {@code false} if not sent} */
    @Value.Default
    public boolean hasUserJoined() {
        return false;
    }

    /** {@return the maximum length of the meeting ({@code duration}, sent in minutes); {@link Duration#ZERO} for none or if not sent} */
    @Value.Default
    public Duration duration() {
        return Duration.ZERO;
    }

    /** {@return whether the meeting was ended through the API ({@code hasBeenForciblyEnded}); {@code false} if not sent} */
    @Value.Default
    public boolean hasBeenForciblyEnded() {
        return false;
    }

    /**
     * {@return whether the meeting already existed: the server answered {@code duplicateWarning} and
     * ignored the other parameters of this create}
     */
    public boolean isDuplicate() {
        return "duplicateWarning".equals(messageKey());
    }

    /** {@return the server's message key ({@code messageKey}), e.g. {@code duplicateWarning} on a repeated create; empty if none} */
    @Value.Default
    public String messageKey() {
        return "";
    }

    /** {@return the server's message for the key ({@code message}), in English; empty if none} */
    @Value.Default
    public String message() {
        return "";
    }
}
