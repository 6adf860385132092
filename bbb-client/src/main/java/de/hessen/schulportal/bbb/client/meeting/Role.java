// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

/**
 * The role of a user in a meeting. Joining with a role replaces the deprecated passwords.
 */
public enum Role {
    /** May manage the meeting: mute, admit guests, end it, start recording. */
    MODERATOR,
    /** Takes part with the rights the lock settings leave to viewers. */
    VIEWER,
    /** A role this SDK does not know, as reported by a newer server; the raw value is kept where it appears. */
    UNKNOWN;

    /**
     * Parses the server's spelling, case-insensitively.
     *
     * @param value the raw value, e.g. {@code MODERATOR}; may be {@code null}
     * @return the role, or {@link #UNKNOWN} for anything else
     */
    public static Role fromServer(String value) {
        for (Role v : values()) {
            if (v != UNKNOWN && v.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
