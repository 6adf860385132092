// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A recording as listed by {@code getRecordings} ({@code <recording>}), from bbb-web or Scalelite.
 * Immutable; built by the client from the answer, or by {@link Recording#builder()} in integrators'
 * tests, where every field not set is empty, zero, {@code false} or absent. A field the server does
 * not send reads as empty (Scalelite sends no {@code isBreakout}, older servers no
 * {@code internalMeetingID}). {@code toString()} leaves out the meeting name and the metadata, which
 * can name people and carry tokens, and the playback URLs (see {@link PlaybackFormat}).
 */
@Value.Immutable
@ValueType
abstract class AbstractRecording {
    /** {@return the record ID ({@code recordID}), {@code sha1(meetingID)-createTime} of the recorded session; empty if not sent} */
    @Value.Default
    public String recordId() {
        return "";
    }

    /** {@return the external meeting ID given on create ({@code meetingID}); empty if not sent} */
    @Value.Default
    public String meetingId() {
        return "";
    }

    /** {@return the server's internal meeting ID ({@code internalMeetingID}); empty if not sent (older servers)} */
    @Value.Default
    public String internalMeetingId() {
        return "";
    }

    /** {@return the meeting name given on create ({@code name}); empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String name() {
        return "";
    }

    /** {@return whether this is a breakout room's recording ({@code isBreakout}); {@code false} if not sent, as on Scalelite} */
    @Value.Default
    public boolean isBreakout() {
        return false;
    }

    /** {@return whether the recording is published, so its playback URLs play ({@code published}); {@code false} if not sent} */
    @Value.Default
    public boolean isPublished() {
        return false;
    }

    /** {@return the processing state exactly as the server sent it ({@code state}); empty if not sent} */
    @Value.Default
    public String rawState() {
        return "";
    }

    /** {@return the processing state; {@link RecordingState#UNKNOWN} for one this SDK does not know (see {@link #rawState()})} */
    public RecordingState state() {
        return RecordingState.fromServer(rawState());
    }

    /** {@return when the recorded meeting started ({@code startTime}, epoch milliseconds); absent if not sent or 0} */
    public abstract Optional<Instant> startTime();

    /** {@return when the recorded meeting ended ({@code endTime}, epoch milliseconds); absent if not sent or 0} */
    public abstract Optional<Instant> endTime();

    /** {@return how many people took part ({@code participants}); 0 if not sent} */
    @Value.Default
    public int participants() {
        return 0;
    }

    /** {@return the size of the processed recording in bytes ({@code size}); absent if the server does not report it} */
    public abstract OptionalLong size();

    /** {@return the size of the raw recording in bytes ({@code rawSize}); absent if the server does not report it} */
    public abstract OptionalLong rawSize();

    /**
     * {@return Scalelite's protected flag ({@code protected}): a protected recording's playback URLs carry a one-time
     * token; absent where the server does not support protected recordings}
     */
    public abstract Optional<Boolean> isProtected();

    /**
     * {@return the metadata as stored by the server ({@code metadata}): the {@code meta_*} values given on create,
     * keyed without the prefix, plus bbb-web's own ({@code meetingName}, …); empty if none; not in {@code toString()}}
     */
    @Value.Redacted
    public abstract Map<String, String> metadata();

    /** {@return the ways to play the recording back ({@code playback/format}), in the server's order; empty if none} */
    public abstract List<PlaybackFormat> playbackFormats();

    /**
     * The first playback format of a kind.
     *
     * @param type the kind
     * @return the format, or empty if the recording has none of that kind
     */
    public Optional<PlaybackFormat> playback(PlaybackType type) {
        return playbackFormats().stream().filter(f -> f.playbackType() == type).findFirst();
    }

    /** {@return the parent meeting's record ID of a breakout room's recording ({@code breakout/parentId}); absent otherwise} */
    public abstract Optional<String> breakoutParentId();

    /** {@return the room number of a breakout room's recording ({@code breakout/sequence}, from 1); absent otherwise} */
    public abstract OptionalInt breakoutSequence();

    /** {@return the record IDs of the breakout rooms of a parent meeting's recording ({@code breakoutRooms/breakoutRoom}); empty otherwise} */
    public abstract List<String> breakoutRooms();
}
