// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * The HTML5 client's entry page ({@code /html5client/join?sessionToken=…}) and the guest wait page
 * ({@code /html5client/guestWait?sessionToken=…}), checked as bbb-web checks the client's requests.
 *
 * <p>The entry page is answered only for a known session token of a meeting that has not ended,
 * and, like bbb-web's {@code ApiController.hasValidSession} (≤2.7 {@code enter}, {@code stuns},
 * {@code getJoinUrl}) and 3.0's {@code ConnectionController.checkAuthorization}, only if the
 * request carries the HTTP session the join opened ({@code JSESSIONID}) or the meeting was
 * created with {@code allowRequestsWithoutSession=true}; otherwise HTTP 401. The guest wait page
 * wants only a known token: bbb-web's {@code guestWaitHandler} does not call
 * {@code hasValidSession}. A user in the lobby who opens the entry page is shown the wait state.
 *
 * <p>The page is small HTML with the session's facts as {@code data-} attributes of
 * {@code <main id="client">} (meeting ID, user ID, name, role, guest, guest status), so browser
 * tests can see what the join made of them.
 */
final class ClientPage {
    static final String JOIN = "/html5client/join";
    static final String GUEST_WAIT = "/html5client/guestWait";
    static final String COOKIE = "JSESSIONID";

    private final SimState state;

    ClientPage(SimState state) {
        this.state = state;
    }

    ApiResponse serve(HttpFront.Request http, String path) {
        Params query = Params.parse(http.rawQuery());
        SimState.Session session = state.session(query.get("sessionToken"));
        if (session == null) {
            return page(401, "unauthorized", "Unbekannte oder abgelaufene Sitzung.", null);
        }
        Meeting m = session.meeting();
        Attendee a = session.attendee();
        synchronized (m) {
            if (m.ended || m.forciblyEnded) {
                return page(401, "unauthorized", "Die Konferenz ist beendet.", null);
            }
            if (path.equals(GUEST_WAIT) || !"ALLOW".equals(a.guestStatus)) {
                return page(200, "guestWait", "Bitte warten Sie, bis ein Moderator Sie einlässt.", session);
            }
            if (!m.allowRequestsWithoutSession && !a.httpSession.equals(cookie(http.header("cookie")))) {
                return page(401, "unauthorized", "Diese Sitzung gehört zu einem anderen Browser.", null);
            }
            return page(200, "client", "BigBlueButton simulator: " + m.name, session);
        }
    }

    /** The value of the {@code JSESSIONID} cookie in a {@code Cookie} header, or null. */
    static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private static ApiResponse page(int status, String state, String text, SimState.Session session) {
        StringBuilder sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>");
        Xml.escape(text, sb);
        sb.append("</title></head><body><main id=\"client\" data-state=\"").append(state).append('"');
        if (session != null) {
            Attendee a = session.attendee();
            attribute(sb, "meeting-id", session.meeting().meetingId);
            attribute(sb, "user-id", a.externalUserId);
            attribute(sb, "full-name", a.fullName);
            attribute(sb, "role", a.role);
            attribute(sb, "guest", String.valueOf(a.guest));
            attribute(sb, "guest-status", a.guestStatus);
        }
        sb.append("><h1>");
        Xml.escape(text, sb);
        sb.append("</h1></main></body></html>");
        return new ApiResponse(status, "text/html;charset=utf-8", null, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        sb.append(" data-").append(name).append("=\"");
        Xml.escape(value, sb);
        sb.append('"');
    }
}
