// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import java.util.Locale;

/**
 * The kind of a playback format. Installations can add their own formats; those read as
 * {@link #UNKNOWN} and keep their name in {@link PlaybackFormat#type()}.
 */
public enum PlaybackType {
    /** The slides, whiteboard, chat and audio player. */
    PRESENTATION,
    /** A rendered video file. */
    VIDEO,
    /** Audio only. */
    PODCAST,
    /** The shared notes. */
    NOTES,
    /** The screen share as video. */
    SCREENSHARE,
    /** A format this SDK does not know. */
    UNKNOWN;

    static PlaybackType fromServer(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (PlaybackType t : values()) {
            if (t != UNKNOWN && t.name().equals(v)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
