// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FAILED answers become typed exceptions; both envelope shapes; unknown keys kept. */
class ErrorMappingTest {
    private static WireMockSupport wm;
    private static BbbClient bbb;

    @BeforeAll
    static void start() {
        wm = new WireMockSupport();
        bbb = BbbClient.builder().baseUrl(wm.baseUrl()).secret(Secrets.SECRET).maxRetries(2)
                .retryBackoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2)).build();
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

    private static String failed(String key, String message) {
        return "<response><returncode>FAILED</returncode><messageKey>" + key + "</messageKey><message>" + message
                + "</message></response>";
    }

    @ParameterizedTest
    @CsvSource({
        "checksumError, ChecksumErrorException",
        "notFound, MeetingNotFoundException",
        "invalidMeetingIdentifier, MeetingNotFoundException",
        "idNotUnique, IdNotUniqueException",
        "meetingForciblyEnded, MeetingForciblyEndedException",
        "maxParticipantsReached, MaxParticipantsReachedException",
        "guestDeniedAccess, GuestDeniedException",
        "mismatchCreateTimeParam, CreateTimeMismatchException",
        "someFutureKey, BbbApiException"
    })
    void failed_mapsMessageKeyToType(String key, String type) {
        wm.answer("getMeetingInfo", failed(key, "Explanation from the server"));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1"))
                .satisfies(e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                    BbbApiException api = (BbbApiException) e;
                    assertThat(api.messageKey()).isEqualTo(key);
                    assertThat(api.serverMessage()).isEqualTo("Explanation from the server");
                    assertThat(api.call()).isEqualTo("getMeetingInfo");
                    assertThat(api.meetingId()).isEqualTo("room-1");
                    assertThat(api.getMessage()).contains("getMeetingInfo").contains("room-1").contains(key);
                });
        // A parsed FAILED is the server's decision: never retried.
        assertThat(wm.requests()).hasSize(1);
    }

    @Test
    void failed_realFixtureIdNotUnique() {
        wm.answer("create", Fixtures.text("littleredbutton-api-php/create_meeting_not_unique_error.xml"));
        assertThatThrownBy(() -> bbb.create(CreateMeetingRequest.builder("room-1", "Room").build()))
                .isInstanceOf(IdNotUniqueException.class);
    }

    @Test
    void failed_multiErrorEnvelope() {
        wm.answer("create", "<response><returncode>FAILED</returncode><errors><error><key>nonUniqueVoiceBridge</key>"
                + "<message>The selected voice bridge is already in use.</message></error></errors></response>");
        assertThatThrownBy(() -> bbb.create(CreateMeetingRequest.builder("room-1", "Room").voiceBridge(70000).build()))
                .isExactlyInstanceOf(BbbApiException.class)
                .satisfies(e -> assertThat(((BbbApiException) e).messageKey()).isEqualTo("nonUniqueVoiceBridge"));
    }

    @Test
    void failed_returncodeIsReadBeforeHttpStatus() {
        wm.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/bigbluebutton/api/getMeetingInfo"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                        .withBody(failed("notFound", "A meeting with that ID does not exist"))));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1")).isInstanceOf(MeetingNotFoundException.class);
    }

    @Test
    void successEnvelope_isAcceptedEvenWithTrailingUnknownElements() {
        wm.answer("isMeetingRunning", "<response><returncode>SUCCESS</returncode><running>false</running>"
                + "<futureElement><nested a=\"1\">x</nested></futureElement></response>");
        assertThat(bbb.isMeetingRunning("room-1")).isFalse();
    }
}
