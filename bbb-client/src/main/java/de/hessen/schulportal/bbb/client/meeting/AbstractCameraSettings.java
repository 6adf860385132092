// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Limits on cameras in a meeting. A group of {@code create} parameters, given to
 * {@link CreateMeetingRequest.Builder#cameras(CameraSettings)}; a value not set is empty and not
 * sent, so the server keeps its default. {@code build()} refuses a number out of its range, naming
 * the parameter. (Whether viewers see each other's cameras is
 * {@link CreateMeetingRequest.Builder#webcamsOnlyForModerator(boolean)}.) Immutable and
 * thread-safe; {@code toString()} shows every value.
 *
 * <pre>{@code
 * CameraSettings cameras = CameraSettings.builder().userCameraCap(1).meetingCameraCap(25).build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractCameraSettings extends ParameterGroup {
    /** {@return how many cameras one user may share, 0 for no limit ({@code userCameraCap}, 2.4.5; not negative, which the server would ignore); server default 3; empty if not set} */
    public abstract OptionalInt userCameraCap();

    /** {@return how many cameras the meeting may have, 0 for no limit ({@code meetingCameraCap}, 2.5; not negative); server default 0; empty if not set} */
    public abstract OptionalInt meetingCameraCap();

    /** {@return how many cameras may be pinned, positive ({@code maxPinnedCameras}); server default 3; empty if not set} */
    public abstract OptionalInt maxPinnedCameras();

    /** {@return whether moderators may stop other users' cameras ({@code allowModsToEjectCameras}, 2.4); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> allowModsToEjectCameras();

    /** {@return the values that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        return new Wire()
                .nonNegative("userCameraCap", userCameraCap())
                .nonNegative("meetingCameraCap", meetingCameraCap())
                .positive("maxPinnedCameras", maxPinnedCameras())
                .flag("allowModsToEjectCameras", allowModsToEjectCameras())
                .build();
    }
}
