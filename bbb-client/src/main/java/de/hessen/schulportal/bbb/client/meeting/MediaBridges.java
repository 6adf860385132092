// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.Map;

/**
 * Which media server carries cameras, screen sharing and audio in a meeting (since BigBlueButton
 * 3.0). A group of {@code create} parameters, given to
 * {@link CreateMeetingRequest.Builder#mediaBridges(MediaBridges)}; anything not set keeps the
 * server's default. The server must have the named bridge installed; bbb-web passes the names on
 * without checking them, so they are only checked for being plain text here.
 *
 * <pre>{@code
 * MediaBridges bridges = MediaBridges.builder().camera("livekit").screenShare("livekit").audio("livekit").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MediaBridges extends ParameterGroup {
    private MediaBridges(Map<String, String> parameters) {
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

    /** Collects the values of {@link MediaBridges}. Not thread-safe; setting a value again replaces it. */
    public static final class Builder {
        private final Parameters params = new Parameters();

        private Builder() {
        }

        private Builder bridge(String parameter, String value) {
            params.put(parameter, Validation.nonBlank(parameter, value));
            return this;
        }

        /**
         * The bridge for cameras ({@code cameraBridge}, since BigBlueButton 3.0), e.g.
         * {@code bbb-webrtc-sfu} or {@code livekit}.
         *
         * @param value not blank, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if blank or with control characters
         */
        public Builder camera(String value) {
            return bridge("cameraBridge", value);
        }

        /**
         * The bridge for screen sharing ({@code screenShareBridge}, since BigBlueButton 3.0).
         *
         * @param value not blank, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if blank or with control characters
         */
        public Builder screenShare(String value) {
            return bridge("screenShareBridge", value);
        }

        /**
         * The bridge for audio ({@code audioBridge}, since BigBlueButton 3.0), e.g.
         * {@code bbb-webrtc-sfu}, {@code fullaudio} or {@code livekit}.
         *
         * @param value not blank, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if blank or with control characters
         */
        public Builder audio(String value) {
            return bridge("audioBridge", value);
        }

        /**
         * Builds the group.
         *
         * @return the immutable group
         */
        public MediaBridges build() {
            return new MediaBridges(params.build());
        }
    }
}
