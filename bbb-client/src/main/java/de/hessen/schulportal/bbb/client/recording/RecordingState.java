// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import java.util.Locale;

/**
 * Where a recording is in BigBlueButton's processing pipeline.
 */
public enum RecordingState {
    /** Being processed into playback formats. */
    PROCESSING,
    /** Processed, not yet published. */
    PROCESSED,
    /** Visible to users. */
    PUBLISHED,
    /** Hidden from users, kept on the server. */
    UNPUBLISHED,
    /** Marked deleted. */
    DELETED,
    /** A state this SDK does not know; see {@link Recording#rawState()}. */
    UNKNOWN;

    /** {@return the wire name: the spelling the server uses, e.g. {@code published}} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RecordingState fromServer(String value) {
        for (RecordingState s : values()) {
            if (s != UNKNOWN && s.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
