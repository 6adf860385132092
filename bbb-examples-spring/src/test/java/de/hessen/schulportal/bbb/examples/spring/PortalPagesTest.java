// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.testsupport.ChecksumSplice;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's pages and operations endpoints over plain HTTP; runs with or without a browser. */
class PortalPagesTest extends PortalTestBase {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String language) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Person in(String who, String roomId) {
        return new DemoSchool().person(who).orElseThrow().inRoom(roomId).orElseThrow();
    }

    @Test
    void teacher_isRedirectedToBigBlueButton_withASeeOther() throws Exception {
        post("/sign-in", "person=martin", "de");
        HttpResponse<String> join = post("/rooms/dienstbesprechung/join", "", "de");
        assertThat(join.statusCode()).isEqualTo(303);
        assertThat(join.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        String location = join.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(sim.baseUrl().replace("/bigbluebutton/", "/html5client/join?sessionToken="));
        assertThat(sim.meeting(conferences.meetingId(DemoSchool.STAFF))).as("the principal started it").isPresent();
    }

    /**
     * Issue 19: the page sends the browser to the session URL of a server-side join, which has no
     * checksum to splice; hidden flags, a removed createTime or truncated IDs cannot be made of it,
     * and it opens the client without the join answer's cookie.
     */
    @Test
    void joinPage_neverHandsTheBrowserABendableUrl() throws Exception {
        post("/sign-in", "person=martin", "de");
        String location = post("/rooms/dienstbesprechung/join", "", "de").headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain("checksum", "/api/join", "createTime", "userID");
        assertThat(ChecksumSplice.hide(location, "createTime")).isEqualTo(location);
        assertThat(ChecksumSplice.truncate(location, "userID", 3)).isEqualTo(location);
        // A browser without any cookie: the join answer's cookie stayed with the portal's server.
        HttpResponse<String> client = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).contains("data-state=\"client\"", "data-role=\"MODERATOR\"");
        assertThat(sim.meeting(conferences.meetingId(DemoSchool.STAFF)).orElseThrow().createParameters())
                .containsEntry("allowRequestsWithoutSession", "true");
    }

    @Test
    void denied_is403_withTheAdaptersReasonInTheBrowsersLanguage() throws Exception {
        post("/sign-in", "person=aylin", "de");
        HttpResponse<String> german = post("/rooms/kurs-7b-mathe/join", "", "de-DE,de;q=0.9");
        assertThat(german.statusCode()).isEqualTo(403);
        assertThat(german.body()).contains("Sie können dieser Konferenz nicht beitreten")
                .contains(escape(conferences.decide(DemoSchool.LESSON, in("aylin", DemoSchool.LESSON.id())).reason(Locale.GERMAN)));

        HttpResponse<String> french = post("/rooms/kurs-7b-mathe/join", "", "fr-FR,fr");
        assertThat(french.body()).as("neither German nor English: English")
                .contains("You cannot join this conference")
                .contains(conferences.decide(DemoSchool.LESSON, in("aylin", DemoSchool.LESSON.id())).reason(Locale.ENGLISH));
    }

    @Test
    void roomsOfAnotherPerson_areNotFound_andSignedOutGoesToSignIn() throws Exception {
        assertThat(get("/rooms", "en").statusCode()).isEqualTo(302);
        post("/sign-in", "person=kim", "en");
        assertThat(post("/rooms/dienstbesprechung/join", "", "en").statusCode()).isEqualTo(404);
        assertThat(post("/sign-in", "person=nobody", "en").statusCode()).isEqualTo(400);
    }

    @Test
    void health_showsBbbUp_andNoSecret_whileEnvIsNotExposed() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "en");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"bbb\":{").contains("\"status\":\"OK\"");
        Secrets.assertNoLeak("/actuator/health", health.body());
        assertThat(get("/actuator/env", "en").statusCode()).isEqualTo(404);
    }

    @Test
    void demoDefaults_useTheSimulatorUnlessARealServerIsNamed() {
        Map<String, Object> simulator = PortalApplication.demoDefaults(Map.of());
        assertThat(simulator).containsEntry("bbb.testkit.enabled", "true").containsKey("bbb.portal.pseudonym-key");
        Map<String, Object> real = PortalApplication.demoDefaults(Map.of("BBB_URL", "https://bbb.example.org/bigbluebutton/",
                "BBB_PSEUDONYM_KEY", PSEUDONYM_KEY));
        assertThat(real).doesNotContainKey("bbb.testkit.enabled").containsEntry("bbb.portal.pseudonym-key", PSEUDONYM_KEY);
    }

    /** Thymeleaf escapes text; the reasons hold no markup, but may hold quotes. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
