// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Map;

/**
 * Limits on cameras in a meeting. A group of {@code create} parameters, given to
 * {@link CreateMeetingRequest.Builder#cameras(CameraSettings)}; anything not set keeps the server's
 * default. (Whether viewers see each other's cameras is
 * {@link CreateMeetingRequest.Builder#webcamsOnlyForModerator(boolean)}.)
 *
 * <pre>{@code
 * CameraSettings cameras = CameraSettings.builder().userCameraCap(1).meetingCameraCap(25).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CameraSettings extends ParameterGroup {
    private CameraSettings(Map<String, String> parameters) {
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

    /** Collects the values of {@link CameraSettings}. Not thread-safe; setting a value again replaces it. */
    public static final class Builder {
        private final Parameters params = new Parameters();

        private Builder() {
        }

        /**
         * How many cameras one user may share; 0 means unlimited ({@code userCameraCap}, 2.4.5).
         *
         * @param value a non-negative number
         * @return this builder
         * @throws IllegalArgumentException if negative (the server would ignore it)
         */
        public Builder userCameraCap(int value) {
            params.put("userCameraCap", Integer.toString(Validation.nonNegative("userCameraCap", value)));
            return this;
        }

        /**
         * How many cameras the meeting may have; 0 means unlimited ({@code meetingCameraCap}, 2.5).
         *
         * @param value a non-negative number
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder meetingCameraCap(int value) {
            params.put("meetingCameraCap", Integer.toString(Validation.nonNegative("meetingCameraCap", value)));
            return this;
        }

        /**
         * How many cameras may be pinned ({@code maxPinnedCameras}).
         *
         * @param value a positive number
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxPinnedCameras(int value) {
            params.put("maxPinnedCameras", Integer.toString(Validation.positive("maxPinnedCameras", value)));
            return this;
        }

        /**
         * Whether moderators may stop others' cameras ({@code allowModsToEjectCameras}, 2.4).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder allowModsToEjectCameras(boolean value) {
            params.put("allowModsToEjectCameras", Validation.flag(value));
            return this;
        }

        /**
         * Builds the group.
         *
         * @return the immutable group
         */
        public CameraSettings build() {
            return new CameraSettings(params.build());
        }
    }
}
