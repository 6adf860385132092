// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the breakout rooms a moderator opens from this meeting behave. A group of {@code create}
 * parameters, given to {@link CreateMeetingRequest.Builder#breakoutRoomSettings(BreakoutRoomSettings)};
 * a value not set is empty and not sent, so the server keeps its default. {@code build()} refuses
 * a blank file name, naming the parameter. (To create a meeting that <em>is</em> a breakout room,
 * use {@link CreateMeetingRequest.Builder#breakoutOf(String, int)}.) Immutable and thread-safe;
 * {@code toString()} shows every value.
 *
 * <pre>{@code
 * BreakoutRoomSettings rooms = BreakoutRoomSettings.builder().record(false).privateChatEnabled(false).build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractBreakoutRoomSettings extends ParameterGroup {
    /** {@return whether breakout rooms are recorded ({@code breakoutRoomsRecord}); server default {@code false} (its property); empty if not set} */
    public abstract Optional<Boolean> record();

    /** {@return whether private chat is allowed in breakout rooms ({@code breakoutRoomsPrivateChatEnabled}); server default {@code true}; empty if not set} */
    public abstract Optional<Boolean> privateChatEnabled();

    /** {@return whether the rooms' slides are captured into this meeting when they end ({@code breakoutRoomsCaptureSlides}, 2.6); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> captureSlides();

    /** {@return the file name of captured slides, not blank, keywords such as {@code %%CONFNAME%%} allowed ({@code breakoutRoomsCaptureSlidesFilename}, 3.0); server default {@code %%CONFNAME%%}; empty if not set} */
    public abstract Optional<String> captureSlidesFilename();

    /** {@return whether the rooms' shared notes are captured into this meeting when they end ({@code breakoutRoomsCaptureNotes}, 2.6); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> captureNotes();

    /** {@return the file name of captured notes, not blank, keywords as for {@link #captureSlidesFilename()} ({@code breakoutRoomsCaptureNotesFilename}, 3.0); server default {@code %%CONFNAME%%}; empty if not set} */
    public abstract Optional<String> captureNotesFilename();

    /** {@return the values that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        return new Wire()
                .flag("breakoutRoomsRecord", record())
                .flag("breakoutRoomsPrivateChatEnabled", privateChatEnabled())
                .flag("breakoutRoomsCaptureSlides", captureSlides())
                .nonBlank("breakoutRoomsCaptureSlidesFilename", captureSlidesFilename())
                .flag("breakoutRoomsCaptureNotes", captureNotes())
                .nonBlank("breakoutRoomsCaptureNotesFilename", captureNotesFilename())
                .build();
    }
}
