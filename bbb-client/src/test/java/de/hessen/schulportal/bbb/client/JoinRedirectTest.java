// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behind Scalelite a server-side join answers 302 to a BigBlueButton server's signed join URL. The
 * client follows exactly one such redirect, and only to {@code /bigbluebutton/api/join}: anything
 * else is a {@link BbbTransportException} that names the reason but never the URL. Sync and async.
 */
class JoinRedirectTest {
    private static final String BACKEND_QUERY = "fullName=Ada&meetingID=room-1&role=VIEWER&redirect=false&checksum=abc";
    private static WireMockSupport wm;
    private static BbbClient bbb;

    @BeforeAll
    static void start() {
        wm = new WireMockSupport();
        bbb = BbbClient.builder().baseUrl(wm.baseUrl()).secret(Secrets.SECRET).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        bbb.close();
        wm.close();
    }

    @BeforeEach
    void reset() {
        wm.reset();
    }

    private static JoinResponse join(boolean async) {
        JoinMeetingRequest request = JoinMeetingRequest.builder("room-1", "Ada", Role.VIEWER).build();
        if (!async) {
            return bbb.join(request);
        }
        try {
            return bbb.async().join(request).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** The first (Scalelite) join answers 302 to {@code location}; a join with checksum=abc answers {@code second}. */
    private static void scaleliteRedirectsTo(String location) {
        wm.server().stubFor(get(urlPathEqualTo("/bigbluebutton/api/join")).withQueryParam("checksum", notMatching("abc"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", location)));
    }

    private static String origin() {
        return wm.baseUrl().substring(0, wm.baseUrl().indexOf("/bigbluebutton/"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void join_followsOneRedirectToTheServersJoin(boolean async) {
        scaleliteRedirectsTo(origin() + "/bigbluebutton/api/join?" + BACKEND_QUERY);
        wm.server().stubFor(get(urlPathEqualTo("/bigbluebutton/api/join")).withQueryParam("checksum", equalTo("abc"))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.text("littleredbutton-api-php/join_meeting.xml"))));
        JoinResponse r = join(async);
        assertThat(r.sessionToken()).isEqualTo("rbe7bbkjzx5mnoda");
        assertThat(wm.requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void join_whenRedirectedElsewhere_isRefusedWithoutTheUrl(boolean async) {
        // The path only ends like a join: a Scalelite (or a hostile front) may not send the SDK anywhere else.
        scaleliteRedirectsTo(origin() + "/elsewhere/api/join?secretish=1&" + BACKEND_QUERY);
        assertThatThrownBy(() -> join(async)).isInstanceOf(BbbTransportException.class)
                .hasMessageContaining("join").hasMessageContaining("/bigbluebutton/api/join")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("elsewhere", "secretish", "checksum=", "127.0.0.1"));
        assertThat(wm.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void join_whenRedirectedTwice_isRefused(boolean async) {
        // The server's join must answer; a second redirect (a loop, or a chain to somewhere else) is not followed.
        wm.server().stubFor(get(urlPathEqualTo("/bigbluebutton/api/join"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", origin() + "/bigbluebutton/api/join?" + BACKEND_QUERY)));
        assertThatThrownBy(() -> join(async)).isInstanceOf(BbbTransportException.class)
                .hasMessageContaining("more than one redirect")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("checksum=", "127.0.0.1"));
        assertThat(wm.requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void join_whenRedirectedToAnotherPage_isRefused(boolean async) {
        scaleliteRedirectsTo("https://portal.example.org/login?next=x");
        assertThatThrownBy(() -> join(async)).isInstanceOf(BbbTransportException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("portal.example.org", "login"));
        assertThat(wm.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void join_whenRedirectedWithoutLocation_isRefused(boolean async) {
        wm.server().stubFor(get(urlPathEqualTo("/bigbluebutton/api/join")).willReturn(aResponse().withStatus(302)));
        assertThatThrownBy(() -> join(async)).isInstanceOf(BbbTransportException.class)
                .hasMessageContaining("Location");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void join_whenRedirectedToARelativeLocation_isRefused(boolean async) {
        scaleliteRedirectsTo("/bigbluebutton/api/join?" + BACKEND_QUERY);
        assertThatThrownBy(() -> join(async)).isInstanceOf(BbbTransportException.class)
                .hasMessageContaining("absolute");
        assertThat(wm.requests()).hasSize(1);
    }
}
