// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.Map;

/** One user session in a meeting; {@link #guestStatus} is guarded by the meeting's monitor. */
public final class Attendee {
    public final String internalUserId;
    public final String externalUserId;
    public final String fullName;
    public final String role;
    public final boolean guest;
    public final boolean authenticated;
    public final Map<String, String> customData;
    public final String authToken;
    public final String sessionToken;
    public final long joinTime;
    /**
     * The HTTP session the join answer opened ({@code JSESSIONID}): bbb-web stores the session token
     * in it ({@code session[sessionToken]}), and the client page wants it back unless the meeting
     * allows requests without session.
     */
    public final String httpSession;
    /** ALLOW, WAIT or DENY. */
    public String guestStatus;
    /** Whether this user presents; the first moderator to join does. Guarded by the meeting's monitor. */
    public boolean presenter;

    Attendee(String internalUserId, String externalUserId, String fullName, String role, boolean guest,
             boolean authenticated, Map<String, String> customData, long joinTime, String guestStatus) {
        this.internalUserId = internalUserId;
        this.externalUserId = externalUserId;
        this.fullName = fullName;
        this.role = role;
        this.guest = guest;
        this.authenticated = authenticated;
        this.customData = Map.copyOf(customData);
        this.authToken = Hashing.token(12);
        this.sessionToken = Hashing.token(16);
        this.httpSession = Hashing.token(32).toUpperCase(java.util.Locale.ROOT);
        this.joinTime = joinTime;
        this.guestStatus = guestStatus;
    }
}
