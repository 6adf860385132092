// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.Attendee;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.GuestStatus;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every core call against WireMock with real BigBlueButton answers: the exact request on the wire
 * (checked by the server-faithful verifier, not by the client's signer), the typed result, sync
 * and async.
 */
class ClientCallsTest {
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

    private static <T> T call(boolean async, Function<BbbClient, T> sync, Function<BbbAsyncClient, java.util.concurrent.CompletableFuture<T>> asyncCall) {
        if (!async) {
            return sync.apply(bbb);
        }
        try {
            return asyncCall.apply(bbb.async()).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static ServerChecksumVerifier.Verified verifiedLast() {
        return ServerChecksumVerifier.verify(wm.lastUrl(), Secrets.SECRET);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void create_sendsExactQueryAndMapsResponse(boolean async) {
        wm.answer("create", Fixtures.text("littleredbutton-api-php/create_meeting.xml"));
        CreateMeetingRequest request = CreateMeetingRequest.builder("random-1665177", "Klasse 7b – Mathe & Physik")
                .record(false).guestPolicy(GuestPolicy.ASK_MODERATOR)
                .disabledFeatures(Feature.PRIVATE_CHAT, Feature.LEARNING_DASHBOARD)
                .meta("bbb-origin", "schulportal").build();
        CreateMeetingResponse r = call(async, c -> c.create(request), c -> c.create(request));

        String url = wm.lastUrl();
        String expectedQuery = "meetingID=random-1665177&name=Klasse+7b+%E2%80%93+Mathe+%26+Physik&record=false"
                + "&guestPolicy=ASK_MODERATOR&disabledFeatures=privateChat%2ClearningDashboard&meta_bbb-origin=schulportal";
        String expectedChecksum = ServerChecksumVerifier.hex("SHA-256", "create" + expectedQuery + Secrets.SECRET);
        assertThat(url).isEqualTo("/bigbluebutton/api/create?" + expectedQuery + "&checksum=" + expectedChecksum);
        assertThat(wm.requests().get(0).getMethod().getName()).isEqualTo("GET");

        assertThat(r.meetingId()).isEqualTo("random-1665177");
        assertThat(r.internalMeetingId()).isEqualTo("1a6938c707cdf5d052958672d66c219c30690c47-1524212045514");
        assertThat(r.parentMeetingId()).isEmpty();
        assertThat(r.createTime()).isEqualTo(1453283819419L);
        assertThat(r.voiceBridge()).isEqualTo("76286");
        assertThat(r.duration()).isEqualTo(Duration.ofMinutes(20));
        assertThat(r.isDuplicate()).isTrue();
        assertThat(r.toString()).doesNotContain("tK6J5cJv3hMLNx5IBePa");
    }

    @Test
    void create_withDocuments_postsBareXmlBodyAndKeepsParametersSigned() {
        wm.answer("create", Fixtures.text("bigbluebutton-api-php/responses__create_meeting.xml"));
        CreateMeetingRequest request = CreateMeetingRequest.builder("room-1", "Room")
                .document(Document.fromUrl(URI.create("https://files.example.org/a&b.pdf")).filename("a.pdf").current(true)
                        .downloadable(false).build())
                .document(Document.inline("notes.txt", "Hallo".getBytes(StandardCharsets.UTF_8)).build())
                .clientSettingsOverride("{\"public\":{\"app\":{\"appName\":\"Schule\"}}}")
                .build();
        bbb.create(request);
        var req = wm.requests().get(0);
        assertThat(req.getMethod().getName()).isEqualTo("POST");
        assertThat(req.getHeader("Content-Type")).isEqualTo("application/xml");
        assertThat(req.getBodyAsString()).isEqualTo("<modules><module name=\"presentation\">"
                + "<document url=\"https://files.example.org/a&amp;b.pdf\" filename=\"a.pdf\" current=\"true\" downloadable=\"false\"/>"
                + "<document name=\"notes.txt\">SGFsbG8=</document></module>"
                + "<module name=\"clientSettingsOverride\"><![CDATA[{\"public\":{\"app\":{\"appName\":\"Schule\"}}}]]></module></modules>");
        ServerChecksumVerifier.Verified v = verifiedLast();
        assertThat(v.parameters).containsEntry("meetingID", "room-1").containsEntry("name", "Room");
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void joinUrl_signedWithEachAlgorithm(ChecksumAlgorithm algorithm) {
        try (BbbClient c = bbb.toBuilder().checksumAlgorithm(algorithm).build()) {
            SignedUrl url = c.joinUrl(JoinMeetingRequest.builder("room-1", "Frau Schmidt", Role.MODERATOR)
                    .userId("u-42").createTime(1453283819419L).build());
            String raw = url.rawUrl();
            assertThat(raw).startsWith(wm.baseUrl() + "api/join?fullName=Frau+Schmidt&meetingID=room-1&role=MODERATOR"
                    + "&userID=u-42&createTime=1453283819419&checksum=");
            ServerChecksumVerifier.Verified v = ServerChecksumVerifier.verify(raw, Secrets.SECRET);
            assertThat(v.algorithm).isEqualTo(algorithm.jcaName());
            assertThat(url.toString()).contains("checksum=***").doesNotContain(raw.substring(raw.indexOf("checksum=") + 9));
            assertThat(url.toUri().toString()).isEqualTo(raw);
            assertThat(wm.requests()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void join_serverSide_usesRedirectFalseAndMapsSession(boolean async) {
        wm.answer("join", Fixtures.text("littleredbutton-api-php/join_meeting.xml"));
        JoinMeetingRequest request = JoinMeetingRequest.builder("room-1", "Ada", Role.VIEWER).userId("u-1").build();
        JoinResponse r = call(async, c -> c.join(request), c -> c.join(request));
        ServerChecksumVerifier.Verified v = verifiedLast();
        assertThat(v.parameters).containsEntry("redirect", "false").containsEntry("role", "VIEWER");
        assertThat(r.messageKey()).isEqualTo("successfullyJoined");
        assertThat(r.meetingId()).isEqualTo("fa51ae0c65adef7fe3cf115421da8a6a25855a20-1464618262714");
        assertThat(r.userId()).isEqualTo("ao6ehbtvbmhz");
        assertThat(r.authToken()).isEqualTo("huzbpgthac7s");
        assertThat(r.sessionToken()).isEqualTo("rbe7bbkjzx5mnoda");
        assertThat(r.guestStatus()).isEqualTo(GuestStatus.ALLOW);
        assertThat(r.url()).isPresent();
        assertThat(r.toString()).doesNotContain("rbe7bbkjzx5mnoda").doesNotContain("sessionToken=0wzs")
                .doesNotContain("huzbpgthac7s");
    }

    @Test
    void join_followsScaleliteRedirectToTheBbbServer() {
        String target = wm.baseUrl() + "api/join?fullName=Ada&meetingID=room-1&role=VIEWER&redirect=false&checksum=abc";
        wm.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/bigbluebutton/api/join"))
                .withQueryParam("checksum", com.github.tomakehurst.wiremock.client.WireMock.notMatching("abc"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302).withHeader("Location", target)));
        wm.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/bigbluebutton/api/join"))
                .withQueryParam("checksum", com.github.tomakehurst.wiremock.client.WireMock.equalTo("abc"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withBody(Fixtures.text("littleredbutton-api-php/join_meeting.xml"))));
        JoinResponse r = bbb.join(JoinMeetingRequest.builder("room-1", "Ada", Role.VIEWER).build());
        assertThat(r.sessionToken()).isEqualTo("rbe7bbkjzx5mnoda");
        assertThat(wm.requests()).hasSize(2);
        assertThat(wm.lastUrl()).endsWith("checksum=abc");
    }

    @Test
    void join_errorDeliveredAsRedirectBecomesTypedException() {
        wm.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/bigbluebutton/api/join"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302).withHeader("Location",
                        "https://portal.example.org/error?errors=%5B%7B%22key%22%3A%22mismatchCreateTimeParam%22%2C%22message%22%3A%22The+createTime+parameter+submitted+mismatches%22%7D%5D")));
        assertThatThrownBy(() -> bbb.join(JoinMeetingRequest.builder("room-1", "Ada", Role.VIEWER).createTime(5).build()))
                .isInstanceOf(CreateTimeMismatchException.class)
                .satisfies(e -> assertThat(((BbbApiException) e).messageKey()).isEqualTo("mismatchCreateTimeParam"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void isMeetingRunning(boolean async) {
        wm.answer("isMeetingRunning", Fixtures.text("littleredbutton-api-php/is_meeting_running.xml"));
        boolean running = call(async, c -> c.isMeetingRunning("room 1/ä"), c -> c.isMeetingRunning("room 1/ä"));
        assertThat(running).isTrue();
        String q = "meetingID=room+1%2F%C3%A4";
        assertThat(wm.lastUrl()).isEqualTo("/bigbluebutton/api/isMeetingRunning?" + q + "&checksum="
                + ServerChecksumVerifier.hex("SHA-256", "isMeetingRunning" + q + Secrets.SECRET));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void getMeetingInfo_mapsAttendeesMetadataAndCounts(boolean async) {
        wm.answer("getMeetingInfo", Fixtures.text("bigbluebutton-api-php/responses__get_meeting_info.xml"));
        MeetingInfo info = call(async, c -> c.getMeetingInfo("117b12ae2656972d330b6bad58878541-28-15"),
                c -> c.getMeetingInfo("117b12ae2656972d330b6bad58878541-28-15"));
        assertThat(verifiedLast().parameters).containsExactly(java.util.Map.entry("meetingID", "117b12ae2656972d330b6bad58878541-28-15"));
        assertThat(info.meetingName()).isEqualTo("Mock meeting for testing getMeetingInfo API method");
        assertThat(info.internalMeetingId()).isEqualTo("178757fcedd9449054536162cdfe861ddebc70ba-1453206317376");
        assertThat(info.createTime()).isEqualTo(1453206317376L);
        assertThat(info.isRunning()).isTrue();
        assertThat(info.isRecording()).isTrue();
        assertThat(info.startTime()).contains(Instant.ofEpochMilli(1453206317380L));
        assertThat(info.participantCount()).isEqualTo(2);
        assertThat(info.listenerCount()).isEqualTo(1);
        assertThat(info.moderatorCount()).isEqualTo(2);
        assertThat(info.maxUsers()).isEqualTo(20);
        assertThat(info.attendees()).extracting(Attendee::fullName).startsWith("Ernie Abernathy", "Barrett Kutch", "Peter Parker");
        Attendee barrett = info.attendees().get(1);
        assertThat(barrett.role()).isEqualTo(Role.MODERATOR);
        assertThat(barrett.customData()).containsEntry("skipCheck", "true").containsEntry("backgroundColor", "#FF0033")
                .containsEntry("customStyle", "a:focus{color:#0181eb}");
        assertThat(info.attendees().get(0).customData()).isEmpty();
        assertThat(info.attendees().get(2).role()).isEqualTo(Role.VIEWER);
        assertThat(info.metadata()).isNotEmpty();
    }

    @Test
    void getMeetingInfo_breakoutRoomFields() {
        wm.answer("getMeetingInfo", Fixtures.text("bigbluebutton-api-php/responses__get_meeting_info_with_breakout_rooms.xml"));
        MeetingInfo parent = bbb.getMeetingInfo("parent-room");
        assertThat(parent.breakoutRooms()).isNotEmpty();
        wm.answer("getMeetingInfo", Fixtures.text("bigbluebutton-api-php/responses__get_meeting_info_breakout_room.xml"));
        MeetingInfo room = bbb.getMeetingInfo("child-room");
        assertThat(room.isBreakout()).isTrue();
        assertThat(room.parentMeetingId()).isPresent();
        assertThat(room.sequence()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void getMeetings_listsAll(boolean async) {
        wm.answer("getMeetings", Fixtures.text("littleredbutton-api-php/get_meetings.xml"));
        List<MeetingInfo> meetings = call(async, BbbClient::getMeetings, BbbAsyncClient::getMeetings);
        assertThat(wm.lastUrl()).isEqualTo("/bigbluebutton/api/getMeetings?checksum="
                + ServerChecksumVerifier.hex("SHA-256", "getMeetings" + Secrets.SECRET));
        assertThat(meetings).hasSizeGreaterThan(1);
        assertThat(meetings.get(0).meetingName()).isEqualTo("Prof. Josie Reichert IV");
        assertThat(meetings.get(0).metadata()).containsEntry("presenter", "Alessandra Funk");
        assertThat(meetings.get(0).attendees()).isEmpty();
    }

    @Test
    void getMeetings_emptyOnNoMeetings() {
        wm.answer("getMeetings", "<response><returncode>SUCCESS</returncode><meetings/><messageKey>noMeetings</messageKey>"
                + "<message>no meetings were found on this server</message></response>");
        assertThat(bbb.getMeetings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void end_sendsMeetingId(boolean async) {
        wm.answer("end", Fixtures.text("littleredbutton-api-php/end_meeting.xml"));
        call(async, c -> {
            c.end("room-1");
            return null;
        }, c -> c.end("room-1"));
        assertThat(verifiedLast().call).isEqualTo("end");
        assertThat(verifiedLast().parameters).containsExactly(java.util.Map.entry("meetingID", "room-1"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void version_isUnsigned(boolean async) {
        wm.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/bigbluebutton/api/")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withBody(Fixtures.text("littleredbutton-api-php/api_version.xml"))));
        ApiVersion v = call(async, BbbClient::version, BbbAsyncClient::version);
        assertThat(wm.lastUrl()).isEqualTo("/bigbluebutton/api/");
        assertThat(v.version()).isEqualTo("2.0");
        assertThat(v.apiVersion()).contains("2.0");
        assertThat(v.bbbVersion()).contains("2.4-rc-7");
    }

    @Test
    void baseUrl_acceptsAllDocumentedForms() {
        String host = "http://127.0.0.1:" + wm.server().port();
        for (String form : new String[] {"/bigbluebutton", "/bigbluebutton/", "/bigbluebutton/api", "/bigbluebutton/api/"}) {
            try (BbbClient c = BbbClient.builder().baseUrl(host + form).secret(Secrets.SECRET).build()) {
                assertThat(c.apiBaseUrl()).isEqualTo(host + "/bigbluebutton/api/");
            }
        }
        assertThatThrownBy(() -> BbbClient.builder().baseUrl("ftp://x/bigbluebutton").secret("s").build())
                .hasMessageContaining("baseUrl must be an absolute http or https URL");
        assertThatThrownBy(() -> BbbClient.builder().baseUrl(host + "/bigbluebutton/").build())
                .hasMessageContaining("secret is required");
    }
}
