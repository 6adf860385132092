// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import org.immutables.value.Value;

/**
 * A subtitle or caption track of a recording, as listed by {@code getRecordingTextTracks} (an entry
 * of {@code tracks}). Immutable; built by the client from the answer, or by
 * {@link TextTrack#builder()} in integrators' tests, where every field not set is empty.
 * {@code toString()} leaves out the file's URL.
 */
@Value.Immutable
@ValueType
abstract class AbstractTextTrack {
    /** {@return where the WebVTT file is ({@code href}); empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String href() {
        return "";
    }

    /** {@return {@code subtitles} or {@code captions}, exactly as sent ({@code kind}); empty if not sent} */
    @Value.Default
    public String kind() {
        return "";
    }

    /** {@return the label the player shows ({@code label}); empty if not sent} */
    @Value.Default
    public String label() {
        return "";
    }

    /** {@return the language tag ({@code lang}), e.g. {@code de-DE}; empty if not sent} */
    @Value.Default
    public String lang() {
        return "";
    }

    /** {@return how the track was made, exactly as sent ({@code source}): {@code live}, {@code automatic} or {@code upload}; empty if not sent} */
    @Value.Default
    public String source() {
        return "";
    }
}
