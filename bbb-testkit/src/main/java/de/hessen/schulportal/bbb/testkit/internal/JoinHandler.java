// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code join}: validation in bbb-web's order, role resolution, {@code maxParticipants}, the guest
 * policy and lobby, and the two answer styles (302 to the client or to the error URL, or XML with
 * {@code redirect=false}). Like bbb-web's {@code ApiController.join}, a successful join opens an
 * HTTP session holding the session token ({@code session[sessionToken] = sessionToken}) and answers
 * with its {@code JSESSIONID} cookie, which {@link ClientPage} wants back unless the meeting
 * allows requests without session; a guest the lobby holds is sent to the guest wait page
 * ({@code defaultGuestWaitURL}, messageKey {@code guestWait}).
 */
final class JoinHandler {
    private final SimState state;

    JoinHandler(SimState state) {
        this.state = state;
    }

    /** A failed join, rendered by redirect or XML depending on {@code redirect}. */
    private ApiResponse fail(Params p, boolean checksum, String key, String message) {
        boolean redirect = p.bool("redirect", true);
        if (!redirect) {
            return ApiResponse.error(key, message);
        }
        // bbb-web 3.0 sends checksum errors to the server's default logout URL on purpose, ignoring
        // URLs from a request it cannot trust.
        String target = checksum ? null : firstNonEmpty(p.get("errorRedirectUrl"), p.get("logoutURL"));
        if (target == null) {
            target = state.serverUrl;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("key", key);
        error.put("message", message);
        String errors = Json.write(List.of(error));
        return ApiResponse.redirect(target + (target.indexOf('?') >= 0 ? '&' : '?') + "errors=" + Callbacks.form(errors));
    }

    ApiResponse join(ApiRequest req, ChecksumJudge.Verdict verdict) {
        Params p = req.params();
        if (verdict == ChecksumJudge.Verdict.MISSING) {
            return fail(p, true, "checksumError", "You must provide the checksum");
        }
        if (verdict != ChecksumJudge.Verdict.OK) {
            return fail(p, true, "checksumError", "Checksums do not match");
        }
        String fullName = p.get("fullName") == null ? "" : ChecksumJudge.sanitize(p.get("fullName"));
        if (fullName.isEmpty()) {
            return fail(p, false, "missingParamFullName", "You must specify a name for the attendee who will be joining the meeting.");
        }
        String meetingId = p.get("meetingID");
        ApiResponse invalidId = MeetingHandler.checkMeetingId(meetingId);
        if (invalidId != null) {
            return fail(p, false, meetingId == null || meetingId.isEmpty() ? "missingParamMeetingID" : "validationError",
                    "Invalid meeting ID");
        }
        Meeting m = state.lookup(meetingId);
        if (m == null) {
            return fail(p, false, "invalidMeetingIdentifier",
                    "The meeting ID that you supplied did not match any existing meetings");
        }
        synchronized (m) {
            if (m.forciblyEnded) {
                return fail(p, false, "meetingForciblyEnded", "You can not re-join a meeting that has already been"
                        + " forcibly ended.  However, once the meeting is removed from memory (according to the timeout"
                        + " configured on this server) you will be able to once again create a meeting with the same"
                        + " meeting ID");
            }
            if (m.ended) {
                return fail(p, false, "invalidMeetingIdentifier",
                        "The meeting ID that you supplied did not match any existing meetings");
            }
            String createTime = p.get("createTime");
            if (createTime != null && !createTime.isEmpty() && !createTime.trim().equals(String.valueOf(m.createTime))) {
                return fail(p, false, "mismatchCreateTimeParam",
                        "The createTime parameter submitted mismatches with the current meeting.");
            }
            String role = resolveRole(m, p);
            if (role.startsWith("!")) {
                // bbb-web renders role errors as XML even when redirecting (REFERENCE §5.2).
                return ApiResponse.error("Params required", role.substring(1));
            }
            String userId = p.get("userID");
            boolean hasUserId = userId != null && !userId.isEmpty();
            String internalUserId = "w_" + Hashing.token(12);
            String externalUserId = hasUserId ? userId : internalUserId;
            if (m.maxParticipants > 0 && !present(m, externalUserId)
                    && uniqueUsers(m) >= m.maxParticipants) {
                return fail(p, false, "maxParticipantsReached",
                        "The number of participants allowed for this meeting has been reached.");
            }
            boolean guest = p.bool("guest", false);
            boolean auth = p.bool("auth", false);
            String guestStatus = guestStatus(m.guestPolicy, guest, auth);
            if ("DENY".equals(guestStatus)) {
                return fail(p, false, "guestDeniedAccess",
                        "You have been denied access to this meeting based on the meeting's guest policy");
            }
            Map<String, String> customData = new LinkedHashMap<>();
            for (String key : p.names()) {
                // userdata-<key>: exactly one '-', as bbb-web's split("-") length check requires.
                String[] parts = key.split("-", -1);
                if (parts.length == 2 && parts[0].equals("userdata") && !parts[1].isEmpty()) {
                    customData.put(parts[1], p.get(key));
                }
            }
            Attendee a = new Attendee(internalUserId, externalUserId, fullName, role, guest, auth, customData,
                    state.now(), guestStatus);
            state.addAttendee(m, a);
            boolean waits = "WAIT".equals(a.guestStatus);
            String url = state.serverUrl + (waits ? ClientPage.GUEST_WAIT : ClientPage.JOIN).substring(1)
                    + "?sessionToken=" + a.sessionToken;
            String cookie = ClientPage.COOKIE + "=" + a.httpSession + "; Path=/; HttpOnly";
            if (!p.bool("redirect", true)) {
                return ApiResponse.xml(Xml.response("SUCCESS")
                        .element("messageKey", waits ? "guestWait" : "successfullyJoined")
                        .element("message", waits ? "Guest waiting for approval to join meeting."
                                : "You have joined successfully.")
                        .element("meeting_id", m.internalId)
                        .element("user_id", a.internalUserId)
                        .element("auth_token", a.authToken)
                        .element("session_token", a.sessionToken)
                        .element("guestStatus", a.guestStatus)
                        .element("url", url)
                        .finish()).withCookie(cookie);
            }
            return ApiResponse.redirect(url).withCookie(cookie);
        }
    }

    /** MODERATOR or VIEWER, or an error message prefixed with '!'. */
    private static String resolveRole(Meeting m, Params p) {
        String role = p.get("role");
        if (role != null) {
            String upper = role.trim().toUpperCase(Locale.ROOT);
            if (upper.equals("MODERATOR") || upper.equals("VIEWER")) {
                return upper;
            }
        }
        String password = p.get("password");
        if (password != null && !password.isEmpty()) {
            if (password.equals(m.moderatorPw)) {
                return "MODERATOR";
            }
            if (password.equals(m.attendeePw)) {
                return "VIEWER";
            }
            return "!You must enter a valid password";
        }
        // bbb-web's ApiController text, typo included.
        return "!You must either send the valid role of the user, or the password, sould the meeting has one.";
    }

    /**
     * The guest policy applies to users joining with {@code guest=true}; everyone else is let in.
     * ALWAYS_ACCEPT_AUTH lets guests with {@code auth=true} in and sends the others to the lobby.
     */
    static String guestStatus(String policy, boolean guest, boolean auth) {
        if (!guest) {
            return "ALLOW";
        }
        switch (policy) {
            case "ALWAYS_DENY": return "DENY";
            case "ASK_MODERATOR": return "WAIT";
            case "ALWAYS_ACCEPT_AUTH": return auth ? "ALLOW" : "WAIT";
            default: return "ALLOW";
        }
    }

    private static boolean present(Meeting m, String externalUserId) {
        for (Attendee a : m.attendees) {
            if (a.externalUserId.equals(externalUserId)) {
                return true;
            }
        }
        for (Attendee a : m.lobby) {
            if (a.externalUserId.equals(externalUserId)) {
                return true;
            }
        }
        return false;
    }

    private static int uniqueUsers(Meeting m) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        m.attendees.forEach(a -> ids.add(a.externalUserId));
        m.lobby.forEach(a -> ids.add(a.externalUserId));
        return ids.size();
    }

    private static String firstNonEmpty(String a, String b) {
        if (a != null && !a.isEmpty()) {
            return a;
        }
        return b != null && !b.isEmpty() ? b : null;
    }
}
