// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Map;

/**
 * How the breakout rooms a moderator opens from this meeting behave. A group of {@code create}
 * parameters, given to {@link CreateMeetingRequest.Builder#breakoutRoomSettings(BreakoutRoomSettings)};
 * anything not set keeps the server's default. (To create a meeting that <em>is</em> a breakout
 * room, use {@link CreateMeetingRequest.Builder#breakoutOf(String, int)}.)
 *
 * <pre>{@code
 * BreakoutRoomSettings rooms = BreakoutRoomSettings.builder().record(false).privateChatEnabled(false).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BreakoutRoomSettings extends ParameterGroup {
    private BreakoutRoomSettings(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * Starts an empty group.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the values of {@link BreakoutRoomSettings}. Not thread-safe; setting a value again replaces it. */
    public static final class Builder {
        private final Parameters params = new Parameters();

        private Builder() {
        }

        private Builder flag(String parameter, boolean value) {
            params.put(parameter, Validation.flag(value));
            return this;
        }

        private Builder fileName(String parameter, String value) {
            params.put(parameter, Validation.nonBlank(parameter, value));
            return this;
        }

        /**
         * Whether breakout rooms are recorded ({@code breakoutRoomsRecord}).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder record(boolean value) {
            return flag("breakoutRoomsRecord", value);
        }

        /**
         * Whether private chat is allowed in breakout rooms ({@code breakoutRoomsPrivateChatEnabled}).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder privateChatEnabled(boolean value) {
            return flag("breakoutRoomsPrivateChatEnabled", value);
        }

        /**
         * Whether the rooms' slides are captured into this meeting when they end
         * ({@code breakoutRoomsCaptureSlides}, 2.6).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder captureSlides(boolean value) {
            return flag("breakoutRoomsCaptureSlides", value);
        }

        /**
         * Whether the rooms' shared notes are captured into this meeting when they end
         * ({@code breakoutRoomsCaptureNotes}, 2.6).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder captureNotes(boolean value) {
            return flag("breakoutRoomsCaptureNotes", value);
        }

        /**
         * The file name of captured slides ({@code breakoutRoomsCaptureSlidesFilename}, since
         * BigBlueButton 3.0); the server understands the keywords {@code %%CONFNAME%%} (its default)
         * and friends.
         *
         * @param value not blank, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if blank or with control characters
         */
        public Builder captureSlidesFilename(String value) {
            return fileName("breakoutRoomsCaptureSlidesFilename", value);
        }

        /**
         * The file name of captured notes ({@code breakoutRoomsCaptureNotesFilename}, since
         * BigBlueButton 3.0), with the same keywords as {@link #captureSlidesFilename(String)}.
         *
         * @param value not blank, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if blank or with control characters
         */
        public Builder captureNotesFilename(String value) {
            return fileName("breakoutRoomsCaptureNotesFilename", value);
        }

        /**
         * Builds the group.
         *
         * @return the immutable group
         */
        public BreakoutRoomSettings build() {
            return new BreakoutRoomSettings(params.build());
        }
    }
}
