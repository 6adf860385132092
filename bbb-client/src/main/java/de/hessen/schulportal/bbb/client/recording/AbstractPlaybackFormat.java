// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One way to play a recording back ({@code playback/format} of {@code getRecordings}): presentation,
 * video, or an installation's own format. Immutable; built by the client from the answer, or by
 * {@link PlaybackFormat#builder()} in integrators' tests, where every field not set is empty, zero or
 * absent. {@code toString()} leaves out the playback URL: on Scalelite with protected recordings it
 * carries a one-time token (Scalelite's PROTECTED_RECORDINGS_README.md).
 */
@Value.Immutable
@ValueType
abstract class AbstractPlaybackFormat {
    /** {@return the format's name exactly as the server sent it ({@code type}), e.g. {@code presentation}; empty if not sent} */
    @Value.Default
    public String type() {
        return "";
    }

    /** {@return the known kind of the format; {@link PlaybackType#UNKNOWN} for an installation's own (see {@link #type()})} */
    public PlaybackType playbackType() {
        return PlaybackType.fromServer(type());
    }

    /** {@return where to play it ({@code url}); empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String url() {
        return "";
    }

    /** {@return how long processing took ({@code processingTime}, sent in milliseconds); zero if not sent} */
    @Value.Default
    public Duration processingTime() {
        return Duration.ZERO;
    }

    /** {@return the length of the recording in this format ({@code length}, sent in whole minutes); zero if not sent} */
    @Value.Default
    public Duration length() {
        return Duration.ZERO;
    }

    /** {@return the size of this format in bytes ({@code size}); absent if the server does not report it} */
    public abstract OptionalLong size();

    /** {@return the thumbnails ({@code preview/images/image}), in the server's order; empty if none} */
    public abstract List<PreviewImage> previewImages();
}
