// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which media server carries cameras, screen sharing and audio in a meeting (BigBlueButton 3.0).
 * A group of {@code create} parameters, given to
 * {@link CreateMeetingRequest.Builder#mediaBridges(MediaBridges)}; a bridge not set is empty and
 * not sent, so the server keeps its configured one. The server must have the named bridge
 * installed; bbb-web passes the names on without checking them, so {@code build()} only refuses
 * a blank name or control characters, naming the parameter. Immutable and thread-safe;
 * {@code toString()} shows every value.
 *
 * <pre>{@code
 * MediaBridges bridges = MediaBridges.builder().camera("livekit").screenShare("livekit").audio("livekit").build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractMediaBridges extends ParameterGroup {
    /** {@return the bridge for cameras, e.g. {@code bbb-webrtc-sfu} or {@code livekit} ({@code cameraBridge}, 3.0), not blank; empty if not set} */
    public abstract Optional<String> camera();

    /** {@return the bridge for screen sharing, e.g. {@code bbb-webrtc-sfu} or {@code livekit} ({@code screenShareBridge}, 3.0), not blank; empty if not set} */
    public abstract Optional<String> screenShare();

    /** {@return the bridge for audio, e.g. {@code bbb-webrtc-sfu}, {@code fullaudio} or {@code livekit} ({@code audioBridge}, 3.0), not blank; empty if not set} */
    public abstract Optional<String> audio();

    /** {@return the bridges that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        return new Wire()
                .nonBlank("cameraBridge", camera())
                .nonBlank("screenShareBridge", screenShare())
                .nonBlank("audioBridge", audio())
                .build();
    }
}
