// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A user in a running meeting, as reported by {@code getMeetingInfo}. Immutable; built by the
 * client from the answer, or by {@link Attendee#builder()} in integrators' tests, where every field
 * not set is empty, {@code false} or absent. {@code toString()} leaves out the display name.
 */
@Value.Immutable
@ValueType
abstract class AbstractAttendee {
    /** {@return the external user ID given on join ({@code userID}), or the server's internal one if none was given} */
    @Value.Default
    public String userId() {
        return "";
    }

    /** {@return the display name; personal data, so never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String fullName() {
        return "";
    }

    /** {@return the role exactly as the server sent it ({@code role})} */
    @Value.Default
    public String rawRole() {
        return "";
    }

    /** {@return the role; {@link Role#UNKNOWN} for a value this SDK does not know (see {@link #rawRole()})} */
    public Role role() {
        return Role.fromServer(rawRole());
    }

    /** {@return whether the user is the presenter ({@code isPresenter})} */
    @Value.Default
    public boolean isPresenter() {
        return false;
    }

    /** {@return whether the user only listens ({@code isListeningOnly})} */
    @Value.Default
    public boolean isListeningOnly() {
        return false;
    }

    /** {@return whether the user joined the audio conference ({@code hasJoinedVoice})} */
    @Value.Default
    public boolean hasJoinedVoice() {
        return false;
    }

    /** {@return whether the user shares a camera ({@code hasVideo})} */
    @Value.Default
    public boolean hasVideo() {
        return false;
    }

    /** {@return the client the user connected with, e.g. {@code HTML5}; empty if not sent} */
    @Value.Default
    public String clientType() {
        return "";
    }

    /** {@return the {@code userdata-*} values given on join, keyed without the prefix; empty if none; not in {@code toString()}} */
    @Value.Redacted
    public abstract Map<String, String> customData();
}
