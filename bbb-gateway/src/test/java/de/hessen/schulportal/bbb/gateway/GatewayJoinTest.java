// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import de.hessen.schulportal.bbb.testsupport.ChecksumSplice;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 through the gateway: a browser joining through the gateway is sent to the backend's
 * session URL, never to a signed backend join URL it could bend (hidden guest flag, removed
 * {@code createTime}, truncated user or meeting ID); every gateway redirect carries
 * {@code Referrer-Policy: no-referrer}; and the logout link resolves to Moodle's address only in
 * the browser that joined.
 */
class GatewayJoinTest {
    static final String MOODLE_SECRET = Secrets.forbid("m00dle-5ecret-0123456789abcdef0123456789");
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String MEETING_ID = "0c8d5d6f3a0b4c1e9f2a7b6c5d4e3f2a1b0c9d8e-5-12[0]";

    BbbSimulator sim;
    Gateway gateway;
    FakeMoodle moodle;
    /** The pupil's browser: keeps cookies, follows no redirects. */
    HttpClient browser;

    @BeforeEach
    void start() {
        sim = BbbSimulator.start();
        Secrets.forbid(sim.secret());
        gateway = Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, sim.baseUrl(), sim.secret()).build()).build());
        moodle = new FakeMoodle(gateway.url().toString(), MOODLE_SECRET);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        moodle.close();
        gateway.close();
        sim.close();
    }


    String logoutUrl() {
        return moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_view.php?action=logout&id=42&courseid=5";
    }

    String create(String guestPolicy) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("meetingID", MEETING_ID);
        p.put("name", "Mathematik 7b");
        p.put("attendeePW", "aP4ssw0rd123");
        p.put("moderatorPW", "mP4ssw0rd456");
        p.put("logoutURL", logoutUrl());
        if (guestPolicy != null) {
            p.put("guestPolicy", guestPolicy);
        }
        String xml = moodle.call("create", p).body();
        assertThat(el(xml, "returncode")).as(xml).isEqualTo("SUCCESS");
        return el(xml, "createTime");
    }

    Map<String, String> join(String fullName, String role, String userId, boolean guest, String createTime) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("meetingID", MEETING_ID);
        p.put("fullName", fullName);
        p.put("password", role.equals("MODERATOR") ? "mP4ssw0rd456" : "aP4ssw0rd123");
        p.put("logoutURL", logoutUrl());
        p.put("role", role);
        if (userId != null) {
            p.put("userID", userId);
        }
        p.put("guest", Boolean.toString(guest));
        p.put("createTime", createTime);
        return p;
    }

    HttpResponse<String> get(String url) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The browser opens Moodle's signed join URL on the gateway; returns where the gateway sends it. */
    String browserJoins(Map<String, String> params) {
        HttpResponse<String> atGateway = get(moodle.url("join", params));
        assertThat(atGateway.statusCode()).as(atGateway.body()).isEqualTo(302);
        assertThat(atGateway.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        return atGateway.headers().firstValue("Location").orElseThrow();
    }

    SimulatedMeeting backend() {
        return sim.meeting("moodle-" + MEETING_ID).orElseThrow();
    }

    @Test
    void join_sendsTheBrowserToTheSessionUrl_neverToASignedBackendUrl() {
        String createTime = create(null);
        String location = browserJoins(join("Petra Schmidt", "MODERATOR", "7", false, createTime));
        assertThat(location).startsWith(sim.baseUrl().replace("/bigbluebutton/", "/html5client/join?sessionToken="))
                .doesNotContain("checksum", "/api/join");
        assertThat(backend().createParameters()).containsEntry("allowRequestsWithoutSession", "true");
        HttpResponse<String> client = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString()).join();
        assertThat(client.statusCode()).as("opens without the join answer's cookie").isEqualTo(200);
        assertThat(client.body()).contains("data-role=\"MODERATOR\"");
    }

    @Test
    void hiddenGuestFlag_onWhatTheBrowserGets_leavesTheGuestInTheLobby() {
        String createTime = create("ASK_MODERATOR");
        browserJoins(join("Petra Schmidt", "MODERATOR", "7", false, createTime));
        String location = browserJoins(join("Jana Roth", "VIEWER", null, true, createTime));
        get(ChecksumSplice.hide(location, "guest"));
        assertThat(backend().attendees()).extracting(SimulatedAttendee::role).containsExactly("MODERATOR");
        assertThat(backend().lobby()).hasSize(1);
    }

    @Test
    void removedCreateTime_onWhatTheBrowserGets_neverEntersALaterMeeting() {
        String createTime = create(null);
        browserJoins(join("Petra Schmidt", "MODERATOR", "7", false, createTime));
        String pupil = browserJoins(join("Kim Yilmaz", "VIEWER", "1234", false, createTime));
        sim.end("moodle-" + MEETING_ID);
        String later = create(null);
        assertThat(later).isNotEqualTo(createTime);
        get(ChecksumSplice.hide(pupil, "createTime"));
        assertThat(backend().attendees()).isEmpty();
    }

    @Test
    void truncatedUserId_onWhatTheBrowserGets_joinsOnlyWithTheFullPseudonym() {
        String createTime = create(null);
        browserJoins(join("Petra Schmidt", "MODERATOR", "7", false, createTime));
        get(ChecksumSplice.truncate(browserJoins(join("Kim Yilmaz", "VIEWER", "1234", false, createTime)), "userID", 3));
        assertThat(backend().attendees()).extracting(SimulatedAttendee::userId)
                .allSatisfy(id -> assertThat(id.length()).isGreaterThan(3));
    }

    @Test
    void truncatedMeetingId_onWhatTheBrowserGets_neverEntersAnotherMeeting() {
        String createTime = create(null);
        browserJoins(join("Petra Schmidt", "MODERATOR", "7", false, createTime));
        try (BbbClient direct = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            direct.create(CreateMeetingRequest.builder("moodle-0c8d5d", "Eine andere Konferenz").build());
        }
        String location = browserJoins(join("Kim Yilmaz", "VIEWER", "1234", false, createTime));
        get(ChecksumSplice.hide(ChecksumSplice.truncate(location, "meetingID", "moodle-0c8d5d".length()), "createTime"));
        assertThat(sim.meeting("moodle-0c8d5d").orElseThrow().attendees()).isEmpty();
    }

    /** The logout link BigBlueButton holds for the last join (it sees all of them). */
    String backendLogoutLink() {
        String join = sim.requests().stream().filter(r -> r.callName().orElse("").equals("join"))
                .reduce((a, b) -> b).orElseThrow().rawQuery().orElseThrow();
        for (String pair : join.split("&")) {
            if (pair.startsWith("logoutURL=")) {
                return URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no logoutURL in the backend join");
    }

    @Test
    void logoutLink_resolvesToMoodleOnlyInTheBrowserThatJoined() {
        String createTime = create(null);
        HttpResponse<String> atGateway = get(moodle.url("join", join("Kim Yilmaz", "VIEWER", "1234", false, createTime)));
        String logout = backendLogoutLink();
        assertThat(logout).startsWith(gateway.url() + "gateway/logout/").doesNotContain("127.0.0.1:" + moodle.wwwroot().split(":")[2]);
        String cookie = atGateway.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("Path=" + URI.create(logout).getRawPath()))
                .findFirst().orElseThrow(() -> new AssertionError("no logout cookie: " + atGateway.headers().allValues("Set-Cookie")));
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=").doesNotContain("Secure");

        // The operator (or anyone else holding the link): a neutral page, not Moodle's address.
        HttpResponse<String> operator = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(logout)).build(),
                HttpResponse.BodyHandlers.ofString()).join();
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.headers().firstValue("Location")).isEmpty();
        assertThat(operator.body()).doesNotContain(moodle.wwwroot(), "bbb_view", "127.0.0.1");
        // A cookie made from the token alone does not open it: the value is keyed.
        String token = logout.substring(logout.lastIndexOf('/') + 1);
        HttpResponse<String> forged = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(logout))
                .header("Cookie", cookie.substring(0, cookie.indexOf('=') + 1) + token).build(),
                HttpResponse.BodyHandlers.ofString()).join();
        assertThat(forged.headers().firstValue("Location")).isEmpty();

        // The pupil's browser, which joined, sends the cookie back on the logout path (RFC 6265 browsers
        // keep a cookie whatever its Path; java.net.CookieManager refuses one for another path, so it is
        // sent by hand): on to Moodle, without a Referer.
        HttpResponse<String> pupil = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(logout))
                .header("Cookie", "lang=de; " + cookie.substring(0, cookie.indexOf(';'))).build(),
                HttpResponse.BodyHandlers.ofString()).join();
        assertThat(pupil.statusCode()).isEqualTo(302);
        assertThat(pupil.headers().firstValue("Location")).contains(logoutUrl());
        assertThat(pupil.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }
}
