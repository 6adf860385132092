// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

/**
 * Who may enter a meeting without a moderator's approval ({@code guestPolicy} on create).
 * Users joining with {@code guest=true} are subject to it; authenticated users are not, except
 * under {@link #ASK_MODERATOR}.
 */
public enum GuestPolicy {
    /** Everyone enters directly. The server default. */
    ALWAYS_ACCEPT,
    /** Guests are turned away. */
    ALWAYS_DENY,
    /** Guests wait in the lobby until a moderator admits or denies them. */
    ASK_MODERATOR,
    /** Authenticated users enter directly; guests wait in the lobby. */
    ALWAYS_ACCEPT_AUTH
}
