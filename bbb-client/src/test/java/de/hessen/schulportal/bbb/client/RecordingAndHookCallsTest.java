// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.client.hook.HookRegistration;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PlaybackFormat;
import de.hessen.schulportal.bbb.client.recording.PlaybackType;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest.TextTrackKind;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.client.recording.RecordingState;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.client.recording.TextTrack;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recordings, documents, chat, text tracks and hooks against WireMock with real answers. */
class RecordingAndHookCallsTest {
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

    private static ServerChecksumVerifier.Verified last() {
        return ServerChecksumVerifier.verify(wm.lastUrl(), Secrets.SECRET);
    }

    @Test
    void textTracks_whenJsonAnswerRepeatsAKey_isRefusedAsCallbacksAre() {
        // One JSON mapper for answers and callbacks: a repeated key has no single meaning.
        byte[] twice = "{\"response\":{\"returncode\":\"FAILED\",\"returncode\":\"SUCCESS\",\"tracks\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MappingProbe.textTracks(twice)).isInstanceOf(BbbResponseException.class)
                .hasMessageContaining("getRecordingTextTracks").hasMessageContaining("is not valid JSON");
    }

    @Test
    void getRecordings_filtersOnTheWireAndTypedRecordings() {
        wm.answer("getRecordings", Fixtures.text("bigbluebutton-server/sample-get-recordings-response.xml"));
        RecordingsPage page = bbb.getRecordings(GetRecordingsRequest.builder().meetingIds("m1", "m2")
                .states(RecordingState.PUBLISHED, RecordingState.UNPUBLISHED).meta("bbb-origin", "schulportal").build());
        String q = "meetingID=m1%2Cm2&state=published%2Cunpublished&meta_bbb-origin=schulportal";
        assertThat(wm.lastUrl()).isEqualTo("/bigbluebutton/api/getRecordings?" + q + "&checksum="
                + ServerChecksumVerifier.hex("SHA-256", "getRecordings" + q + Secrets.SECRET));
        assertThat(page.isPaged()).isFalse();
        Recording first = page.recordings().get(0);
        assertThat(first.recordId()).isEqualTo("bc04628ab61776c9f65c695dc59f36abf8955bbc-1504087272607");
        assertThat(first.name()).isEqualTo("тест");
        assertThat(first.state()).isEqualTo(RecordingState.PUBLISHED);
        assertThat(first.isPublished()).isTrue();
        assertThat(first.participants()).isEqualTo(2);
        assertThat(first.startTime()).contains(Instant.ofEpochMilli(1504087272607L));
        assertThat(first.metadata()).containsEntry("gl-token", "an-a02174f6-тест").containsEntry("room-id", "an-a02174f6");
        PlaybackFormat presentation = first.playback(PlaybackType.PRESENTATION).orElseThrow();
        assertThat(presentation.processingTime()).isEqualTo(Duration.ofMillis(15016));
        assertThat(presentation.previewImages()).hasSize(3);
        assertThat(presentation.previewImages().get(0).alt()).isEqualTo("Welcome to");
        assertThat(presentation.previewImages().get(0).width()).hasValue(176);
        assertThat(presentation.previewImages().get(0).url()).endsWith("thumb-1.png");
    }

    @Test
    void getRecordings_littleredbuttonFixtureWithCdata() {
        wm.answer("getRecordings", Fixtures.text("littleredbutton-api-php/get_recordings.xml"));
        List<Recording> recordings = bbb.getRecordings(GetRecordingsRequest.builder().build()).recordings();
        assertThat(recordings).hasSize(7);
        assertThat(recordings.get(0).name()).isEqualTo("SAT- Writing-Humanities (All participants)");
        assertThat(recordings.get(0).meetingId()).isEqualTo("9d287cf50490ca856ca5273bd303a7e321df6051-4-119[0]");
        assertThat(recordings.get(0).playbackFormats().get(0).length()).isEqualTo(Duration.ofMinutes(44));
    }

    private static String recordingXml(int i) {
        return "<recording><recordID>r-" + i + "</recordID><meetingID>m</meetingID><name>R" + i + "</name>"
                + "<published>true</published><state>published</state><playback><format><type>custom-format</type>"
                + "<url>https://x/" + i + "</url><length>1</length></format></playback></recording>";
    }

    @Test
    void allRecordings_pagesLazilyUntilTheTotal() {
        for (int offset = 0; offset < 5; offset += 2) {
            StringBuilder sb = new StringBuilder("<response><returncode>SUCCESS</returncode><recordings>");
            for (int i = offset; i < Math.min(offset + 2, 5); i++) {
                sb.append(recordingXml(i));
            }
            sb.append("</recordings><pagination><pageable><offset>").append(offset).append("</offset><limit>2</limit>"
                    + "<paged>true</paged><unpaged>false</unpaged></pageable><totalElements>5</totalElements>"
                    + "<empty>false</empty></pagination></response>");
            wm.server().stubFor(get(urlPathEqualTo("/bigbluebutton/api/getRecordings"))
                    .withQueryParam("offset", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(offset)))
                    .willReturn(aResponse().withBody(sb.toString())));
        }
        List<String> ids = bbb.allRecordings(GetRecordingsRequest.builder().meetingIds("m").limit(2).build())
                .map(Recording::recordId).collect(Collectors.toList());
        assertThat(ids).containsExactly("r-0", "r-1", "r-2", "r-3", "r-4");
        assertThat(wm.requests()).hasSize(3);
        assertThat(ServerChecksumVerifier.verify(wm.requests().get(2).getUrl(), Secrets.SECRET).parameters)
                .containsEntry("offset", "4").containsEntry("limit", "2").containsEntry("meetingID", "m");
        assertThat(bbb.allRecordings(GetRecordingsRequest.builder().limit(2).build()).findFirst().orElseThrow()
                .playbackFormats().get(0).playbackType()).isEqualTo(PlaybackType.UNKNOWN);
        assertThat(wm.requests()).hasSize(4);
    }

    @Test
    void allRecordings_stopsAfterOneAnswerWhenTheServerDoesNotPage() {
        wm.answer("getRecordings", Fixtures.text("littleredbutton-api-php/get_recordings.xml"));
        assertThat(bbb.allRecordings(GetRecordingsRequest.builder().build()).count()).isEqualTo(7);
        assertThat(wm.requests()).hasSize(1);
    }

    @Test
    void getRecordings_emptyOnNoRecordings() {
        wm.answer("getRecordings", Fixtures.text("bigbluebutton-api-php/responses__get_recordings_no_recordings.xml"));
        assertThat(bbb.getRecordings(GetRecordingsRequest.builder().build()).recordings()).isEmpty();
    }

    @Test
    void publishDeleteUpdate() {
        wm.answer("publishRecordings", Fixtures.text("littleredbutton-api-php/publish_recordings.xml"));
        assertThat(bbb.publishRecordings(List.of("r1", "r2"), false)).isTrue();
        assertThat(last().parameters).containsExactly(Map.entry("recordID", "r1,r2"), Map.entry("publish", "false"));

        wm.answer("deleteRecordings", Fixtures.text("littleredbutton-api-php/delete_recordings.xml"));
        assertThat(bbb.deleteRecordings(List.of("r1"))).isTrue();
        assertThat(last().call).isEqualTo("deleteRecordings");

        wm.answer("updateRecordings", Fixtures.text("littleredbutton-api-php/update_recordings.xml"));
        assertThat(bbb.updateRecordings(UpdateRecordingsRequest.builder("r1").meta("bbb-recording-name", "Mathe")
                .removeMeta("bbb-recording-tags").protect(true).build())).isTrue();
        assertThat(last().parameters).containsExactly(Map.entry("recordID", "r1"),
                Map.entry("meta_bbb-recording-name", "Mathe"), Map.entry("meta_bbb-recording-tags", ""),
                Map.entry("protect", "true"));
        assertThat(wm.lastUrl()).contains("meta_bbb-recording-tags=&");

        wm.answer("deleteRecordings", Fixtures.text("bigbluebutton-api-php/responses__delete_recordings_not_found.xml"));
        assertThatThrownBy(() -> bbb.deleteRecordings(List.of("nope"))).isInstanceOf(BbbApiException.class)
                .isNotInstanceOf(MeetingNotFoundException.class).hasMessageContaining("notFound");
        assertThatThrownBy(() -> bbb.publishRecordings(List.of(), true)).hasMessageContaining("recordID");
    }

    @Test
    void textTracks_jsonAnswersAndMultipartUpload() {
        wm.answer("getRecordingTextTracks", Fixtures.text("littleredbutton-api-php/get_recording_text_tracks.json"));
        List<TextTrack> tracks = bbb.getRecordingTextTracks("rec-1");
        assertThat(tracks).hasSize(2);
        assertThat(tracks.get(0).lang()).isEqualTo("en-US");
        assertThat(tracks.get(0).kind()).isEqualTo("subtitles");
        assertThat(tracks.get(1).label()).isEqualTo("Brazil");

        wm.answer("putRecordingTextTrack", Fixtures.text("bigbluebutton-api-php/responses__put_recording_text_track_success.json"));
        bbb.putRecordingTextTrack(PutRecordingTextTrackRequest.builder("rec-1", TextTrackKind.CAPTIONS, "de-DE", "de.vtt",
                "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n".getBytes(StandardCharsets.UTF_8)).label("Deutsch").build());
        var request = wm.requests().get(wm.requests().size() - 1);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.getBodyAsString()).contains("name=\"file\"; filename=\"de.vtt\"").contains("Hallo");
        assertThat(last().parameters).containsExactly(Map.entry("recordID", "rec-1"), Map.entry("kind", "captions"),
                Map.entry("lang", "de-DE"), Map.entry("label", "Deutsch"));

        wm.answer("getRecordingTextTracks", "{\"response\":{\"returncode\":\"FAILED\",\"messageKey\":\"noRecordings\","
                + "\"message\":\"No recording found\"}}");
        assertThatThrownBy(() -> bbb.getRecordingTextTracks("missing")).isInstanceOf(BbbApiException.class)
                .satisfies(e -> assertThat(((BbbApiException) e).messageKey()).isEqualTo("noRecordings"));
        wm.answer("getRecordingTextTracks", "<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>"
                + "<message>x</message></response>");
        assertThatThrownBy(() -> bbb.getRecordingTextTracks("rec-1")).isInstanceOf(ChecksumErrorException.class);
        wm.answer("getRecordingTextTracks", "{\"response\": [");
        assertThatThrownBy(() -> bbb.getRecordingTextTracks("rec-1")).isInstanceOf(BbbResponseException.class);
    }

    @Test
    void insertDocumentAndChat() {
        wm.answer("insertDocument", Fixtures.text("bigbluebutton-api-php/responses__insert_document.xml"));
        bbb.insertDocument("room-1", List.of(Document.fromUrl(URI.create("https://files.example.org/b.pdf")).build()));
        var request = wm.requests().get(0);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/xml");
        assertThat(request.getBodyAsString()).isEqualTo("<modules><module name=\"presentation\">"
                + "<document url=\"https://files.example.org/b.pdf\"/></module></modules>");
        assertThat(last().parameters).containsExactly(Map.entry("meetingID", "room-1"));

        wm.answer("sendChatMessage", Fixtures.text("bigbluebutton-api-php/responses__send_chat_message.xml"));
        bbb.sendChatMessage(SendChatMessageRequest.builder("room-1", "Pause bis 10:15 – bitte zurückkommen!")
                .userName("Schulportal").build());
        assertThat(last().parameters).containsEntry("message", "Pause bis 10:15 – bitte zurückkommen!")
                .containsEntry("userName", "Schulportal");
        wm.answer("sendChatMessage", Fixtures.text("bigbluebutton-api-php/responses__send_chat_message_failed.xml"));
        assertThatThrownBy(() -> bbb.sendChatMessage(SendChatMessageRequest.builder("room-1", "x").build()))
                .isInstanceOf(BbbApiException.class);
        assertThatThrownBy(() -> SendChatMessageRequest.builder("room-1", "x".repeat(501)).build())
                .hasMessageContaining("message must be 1 to 500 characters");
        assertThatThrownBy(() -> SendChatMessageRequest.builder("room-1", "").build()).hasMessageContaining("message");
    }

    @Test
    void hooks_signedWithTheHooksAlgorithm() {
        wm.answer("hooks/create", Fixtures.text("littleredbutton-api-php/hooks_create.xml"));
        HookRegistration reg = bbb.createHook(CreateHookRequest.builder(URI.create("https://portal.example.org/hooks?x=1"))
                .meetingId("room-1").eventIds("Meeting-Ended", "user-joined").build());
        ServerChecksumVerifier.Verified v = last();
        assertThat(v.call).isEqualTo("hooks/create");
        assertThat(v.algorithm).isEqualTo("SHA-1");
        assertThat(v.parameters).containsExactly(Map.entry("callbackURL", "https://portal.example.org/hooks?x=1"),
                Map.entry("meetingID", "room-1"), Map.entry("eventID", "meeting-ended,user-joined"));
        assertThat(reg.hookId()).isEqualTo("1");
        assertThat(reg.isDuplicate()).isFalse();

        wm.answer("hooks/create", Fixtures.text("littleredbutton-api-php/hooks_create_existing.xml"));
        assertThat(bbb.createHook(CreateHookRequest.builder(URI.create("https://portal.example.org/hooks")).build())
                .isDuplicate()).isTrue();

        wm.answer("hooks/list", Fixtures.text("littleredbutton-api-php/hooks_list.xml"));
        List<Hook> hooks = bbb.listHooks(ListHooksRequest.builder().build());
        assertThat(hooks).hasSize(2);
        assertThat(hooks.get(0).callbackUrl()).isEqualTo("http://postcatcher.in/catchers/abcdefghijk");
        assertThat(hooks.get(0).meetingId()).contains("my-meeting");
        assertThat(hooks.get(1).meetingId()).isEmpty();

        wm.answer("hooks/destroy", Fixtures.text("littleredbutton-api-php/hooks_destroy.xml"));
        assertThat(bbb.destroyHook("1")).isTrue();
        wm.answer("hooks/destroy", Fixtures.text("littleredbutton-api-php/hooks_destroy_not_found.xml"));
        assertThatThrownBy(() -> bbb.destroyHook("9")).isInstanceOf(BbbApiException.class);

        try (BbbClient sha256 = bbb.toBuilder().hooksChecksumAlgorithm(ChecksumAlgorithm.SHA256).build()) {
            wm.answer("hooks/list", Fixtures.text("littleredbutton-api-php/hooks_list.xml"));
            sha256.listHooks("room-1");
            assertThat(last().algorithm).isEqualTo("SHA-256");
            assertThat(last().parameters).containsExactly(Map.entry("meetingID", "room-1"));
        }
        assertThatThrownBy(() -> CreateHookRequest.builder(URI.create("https://x.org/h")).eventIds("a").getRaw(true).build())
                .hasMessageContaining("getRaw");
    }

    @Test
    void asyncVariantsSendTheSameRequests() {
        wm.answer("getRecordings", Fixtures.text("littleredbutton-api-php/get_recordings.xml"));
        assertThat(bbb.async().getRecordings(GetRecordingsRequest.builder().recordIds("abc").build()).join().recordings())
                .hasSize(7);
        assertThat(last().parameters).containsExactly(Map.entry("recordID", "abc"));
        wm.answer("hooks/list", Fixtures.text("littleredbutton-api-php/hooks_list.xml"));
        assertThat(bbb.async().listHooks(ListHooksRequest.builder().build()).join()).hasSize(2);
        assertThat(last().algorithm).isEqualTo("SHA-1");
    }
}
