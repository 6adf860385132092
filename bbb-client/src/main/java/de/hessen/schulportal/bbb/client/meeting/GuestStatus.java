// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

/**
 * What the guest policy decided for a user who joined ({@code guestStatus} of a join answer).
 */
public enum GuestStatus {
    /** The user may enter. */
    ALLOW,
    /** The user waits in the lobby for a moderator. */
    WAIT,
    /** The user was turned away. */
    DENY,
    /** A value this SDK does not know; the raw value is kept by {@link JoinResponse#rawGuestStatus()}. */
    UNKNOWN;

    static GuestStatus fromServer(String value) {
        for (GuestStatus v : values()) {
            if (v != UNKNOWN && v.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
