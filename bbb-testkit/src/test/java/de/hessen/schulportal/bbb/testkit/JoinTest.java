// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JoinTest {
    private final BbbSimulator sim = BbbSimulator.start();
    private final Api api = new Api(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void join_default_redirectsToClientAndAddsAttendee() {
        api.create("room-1");
        HttpResponse<String> r = api.get("join", "fullName", "Frau Schmidt", "meetingID", "room-1", "role", "MODERATOR",
                "userID", "u-42");
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("http://127\\.0\\.0\\.1:" + sim.port() + "/html5client/join\\?sessionToken=[a-z0-9]{16}");
        assertThat(Api.getRaw(location, Api.cookie(r)).statusCode()).isEqualTo(200);
        SimulatedAttendee a = sim.meeting("room-1").orElseThrow().attendees().get(0);
        assertThat(a.userId()).isEqualTo("u-42");
        assertThat(a.fullName()).isEqualTo("Frau Schmidt");
        assertThat(a.role()).isEqualTo("MODERATOR");
        assertThat(a.isGuest()).isFalse();
    }

    @Test
    void join_redirectFalse_xmlShape() {
        api.create("room-1");
        HttpResponse<String> r = api.join("room-1", "Kim", "viewer");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(r, "messageKey")).isEqualTo("successfullyJoined");
        assertThat(Api.text(r, "meeting_id")).isEqualTo(sim.meeting("room-1").orElseThrow().internalMeetingId());
        assertThat(Api.text(r, "user_id")).matches("w_[a-z0-9]{12}");
        assertThat(Api.text(r, "auth_token")).matches("[a-z0-9]{12}");
        assertThat(Api.text(r, "session_token")).matches("[a-z0-9]{16}");
        assertThat(Api.text(r, "guestStatus")).isEqualTo("ALLOW");
        assertThat(Api.text(r, "url")).endsWith("sessionToken=" + Api.text(r, "session_token"));
        SimulatedAttendee a = sim.meeting("room-1").orElseThrow().attendees().get(0);
        assertThat(a.role()).isEqualTo("VIEWER");
        assertThat(a.userId()).isEqualTo(Api.text(r, "user_id"));
    }

    @Test
    void join_passwords_resolveRoles() {
        api.create("room-1", "attendeePW", "ap", "moderatorPW", "mp");
        assertThat(Api.text(api.get("join", "fullName", "A", "meetingID", "room-1", "password", "mp", "redirect", "false"),
                "returncode")).isEqualTo("SUCCESS");
        HttpResponse<String> wrong = api.get("join", "fullName", "B", "meetingID", "room-1", "password", "zz");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(Api.text(wrong, "message")).isEqualTo("You must enter a valid password");
        assertThat(sim.meeting("room-1").orElseThrow().attendees()).extracting(SimulatedAttendee::role)
                .containsExactly("MODERATOR");
    }

    @Test
    void join_errors_xmlWithRedirectFalse() {
        String createTime = api.create("room-1");
        assertThat(Api.text(api.join("nope", "Kim", "VIEWER"), "messageKey")).isEqualTo("invalidMeetingIdentifier");
        assertThat(Api.text(api.join("room-1", "Kim", "VIEWER", "createTime", "123"), "messageKey"))
                .isEqualTo("mismatchCreateTimeParam");
        assertThat(Api.text(api.join("room-1", "Kim", "VIEWER", "createTime", createTime), "returncode"))
                .isEqualTo("SUCCESS");
        assertThat(Api.text(api.get("join", "meetingID", "room-1", "role", "VIEWER", "redirect", "false"), "messageKey"))
                .isEqualTo("missingParamFullName");
        api.get("end", "meetingID", "room-1");
        assertThat(Api.text(api.join("room-1", "Kim", "VIEWER"), "messageKey")).isEqualTo("invalidMeetingIdentifier");
    }

    @Test
    void join_withoutRoleOrPassword_bbbWebKeyAndText_evenWhenRedirecting() {
        api.create("room-1");
        HttpResponse<String> r = api.get("join", "meetingID", "room-1", "fullName", "Kim");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Api.text(r, "messageKey")).isEqualTo("Params required");
        assertThat(Api.text(r, "message"))
                .isEqualTo("You must either send the valid role of the user, or the password, sould the meeting has one.");
    }

    @Test
    void join_firstModeratorPresents_andHandsOverWhenLeaving() {
        api.create("room-1");
        api.join("room-1", "Kim", "VIEWER", "userID", "kim");
        api.join("room-1", "Frau Schmidt", "MODERATOR", "userID", "schmidt");
        api.join("room-1", "Herr Weber", "MODERATOR", "userID", "weber");
        assertThat(sim.meeting("room-1").orElseThrow().attendees()).extracting(SimulatedAttendee::userId,
                SimulatedAttendee::isPresenter).containsExactly(org.assertj.core.groups.Tuple.tuple("kim", false),
                org.assertj.core.groups.Tuple.tuple("schmidt", true), org.assertj.core.groups.Tuple.tuple("weber", false));
        assertThat(Api.xml(api.get("getMeetingInfo", "meetingID", "room-1")).getElementsByTagName("isPresenter")
                .item(1).getTextContent()).isEqualTo("true");
        sim.leave("room-1", "schmidt");
        assertThat(sim.meeting("room-1").orElseThrow().attendees()).filteredOn(SimulatedAttendee::isPresenter)
                .extracting(SimulatedAttendee::userId).containsExactly("weber");
    }

    @Test
    void join_errors_redirectWithErrorsJson() {
        HttpResponse<String> r = api.get("join", "fullName", "Kim", "meetingID", "nope", "role", "VIEWER",
                "errorRedirectUrl", "https://portal.example/fehler?x=1");
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://portal.example/fehler?x=1&errors=");
        String errors = URLDecoder.decode(location.substring(location.indexOf("errors=") + 7), StandardCharsets.UTF_8);
        assertThat(errors).isEqualTo("[{\"key\":\"invalidMeetingIdentifier\",\"message\":"
                + "\"The meeting ID that you supplied did not match any existing meetings\"}]");
    }

    @Test
    void join_badChecksum_redirectsToServerDefault() {
        api.create("room-1");
        HttpResponse<String> r = new Api(sim.apiUrl(), "wrong").get("join", "fullName", "Kim", "meetingID", "room-1",
                "role", "VIEWER", "errorRedirectUrl", "https://evil.example/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .startsWith("http://127.0.0.1:" + sim.port() + "/?errors=").contains("checksumError");
        assertThat(Api.text(new Api(sim.apiUrl(), "wrong").join("room-1", "Kim", "VIEWER"), "messageKey"))
                .isEqualTo("checksumError");
    }

    @Test
    void join_maxParticipants_sameUserMayRejoin() {
        api.create("room-1", "maxParticipants", "2");
        api.join("room-1", "A", "VIEWER", "userID", "a");
        api.join("room-1", "B", "VIEWER", "userID", "b");
        assertThat(Api.text(api.join("room-1", "C", "VIEWER", "userID", "c"), "messageKey"))
                .isEqualTo("maxParticipantsReached");
        assertThat(Api.text(api.join("room-1", "A again", "VIEWER", "userID", "a"), "returncode")).isEqualTo("SUCCESS");
    }

    @Test
    void guestPolicy_alwaysAccept_guestAdmitted() {
        api.create("room-1", "guestPolicy", "ALWAYS_ACCEPT");
        HttpResponse<String> r = api.join("room-1", "Gast", "VIEWER", "guest", "true");
        assertThat(Api.text(r, "guestStatus")).isEqualTo("ALLOW");
        assertThat(sim.meeting("room-1").orElseThrow().attendees().get(0).isGuest()).isTrue();
    }

    @Test
    void guestPolicy_alwaysDeny_guestDeniedMembersAdmitted() {
        api.create("room-1", "guestPolicy", "ALWAYS_DENY");
        assertThat(Api.text(api.join("room-1", "Gast", "VIEWER", "guest", "true"), "messageKey"))
                .isEqualTo("guestDeniedAccess");
        assertThat(Api.text(api.join("room-1", "Kim", "VIEWER"), "guestStatus")).isEqualTo("ALLOW");
    }

    @Test
    void guestPolicy_askModerator_lobbyApproveAndDeny() {
        api.create("room-1", "guestPolicy", "ASK_MODERATOR");
        api.join("room-1", "Lehrerin", "MODERATOR", "userID", "t");
        assertThat(Api.text(api.join("room-1", "Gast 1", "VIEWER", "guest", "true", "userID", "g1"), "guestStatus"))
                .isEqualTo("WAIT");
        assertThat(Api.text(api.join("room-1", "Gast 2", "VIEWER", "guest", "true", "userID", "g2"), "guestStatus"))
                .isEqualTo("WAIT");
        SimulatedMeeting m = sim.meeting("room-1").orElseThrow();
        assertThat(m.lobby()).extracting(SimulatedAttendee::userId).containsExactly("g1", "g2");
        assertThat(m.attendees()).extracting(SimulatedAttendee::userId).containsExactly("t");

        assertThat(sim.approveGuest("room-1", "g1")).isTrue();
        assertThat(sim.denyGuest("room-1", "g2")).isTrue();
        assertThat(sim.approveGuest("room-1", "g2")).isFalse();
        m = sim.meeting("room-1").orElseThrow();
        assertThat(m.attendees()).extracting(SimulatedAttendee::userId).containsExactly("t", "g1");
        assertThat(m.attendees().get(1).guestStatus()).isEqualTo("ALLOW");
        assertThat(m.lobby()).isEmpty();
        assertThat(m.denied()).extracting(SimulatedAttendee::guestStatus).containsExactly("DENY");
        assertThat(Api.text(api.get("getMeetingInfo", "meetingID", "room-1"), "participantCount")).isEqualTo("2");
    }

    @Test
    void guestPolicy_alwaysAcceptAuth_authenticatedGuestsIn() {
        api.create("room-1", "guestPolicy", "ALWAYS_ACCEPT_AUTH");
        assertThat(Api.text(api.join("room-1", "Eltern", "VIEWER", "guest", "true", "auth", "true"), "guestStatus"))
                .isEqualTo("ALLOW");
        assertThat(Api.text(api.join("room-1", "Gast", "VIEWER", "guest", "true"), "guestStatus")).isEqualTo("WAIT");
    }

    @Test
    void leave_removesAttendee() {
        api.create("room-1");
        api.join("room-1", "Kim", "VIEWER", "userID", "k");
        assertThat(sim.leave("room-1", "k")).isTrue();
        assertThat(sim.leave("room-1", "k")).isFalse();
        assertThat(sim.meeting("room-1").orElseThrow().attendees()).isEmpty();
        assertThat(Api.text(api.get("isMeetingRunning", "meetingID", "room-1"), "running")).isEqualTo("true");
    }
}
