// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.hook.DestroyHookRequest;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.EndMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest;
import de.hessen.schulportal.bbb.client.meeting.InsertDocumentRequest;
import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import de.hessen.schulportal.bbb.client.recording.DeleteRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingTextTracksRequest;
import de.hessen.schulportal.bbb.client.recording.PublishRecordingsRequest;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calls that gained a request type (issue 22): each canonical method, sync and async, sends
 * exactly the expected query, {@code additionalParam} after the typed parameters, with a checksum
 * that the server-faithful verifier (not the client's signer) accepts; the String shortcuts send
 * the same query without the additional parameter; the builders refuse bad input naming the
 * parameter and the rule.
 */
class RequestTypeCallsTest {
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

    /** One call: its wire name, a real answer, the canonical call and the shortcut, each sync and async. */
    private record Case(String call, String algorithm, String answer, String typedQuery, String extraQuery,
            Function<BbbClient, Object> sync, Function<BbbAsyncClient, CompletableFuture<?>> async,
            Function<BbbClient, Object> shortcut) {
        @Override
        public String toString() {
            return call;
        }
    }

    private static final Document PDF = Document.fromUrl(URI.create("https://files.example.org/b.pdf")).build();

    static Stream<Case> cases() {
        GetMeetingInfoRequest info = GetMeetingInfoRequest.builder("room 1/ä").additionalParam("x-trace", "a&b").build();
        IsMeetingRunningRequest running = IsMeetingRunningRequest.builder("room 1/ä").additionalParam("x-trace", "a&b").build();
        EndMeetingRequest end = EndMeetingRequest.builder("room 1/ä").additionalParam("x-trace", "a&b").build();
        InsertDocumentRequest insert = InsertDocumentRequest.builder("room 1/ä").document(PDF)
                .additionalParam("x-trace", "a&b").build();
        PublishRecordingsRequest publish = PublishRecordingsRequest.builder(List.of("r1", "r2"), false)
                .additionalParam("x-trace", "a&b").build();
        DeleteRecordingsRequest delete = DeleteRecordingsRequest.builder(List.of("r1", "r2"))
                .additionalParam("x-trace", "a&b").build();
        GetRecordingTextTracksRequest tracks = GetRecordingTextTracksRequest.builder("rec-1")
                .additionalParam("x-trace", "a&b").build();
        ListHooksRequest hooks = ListHooksRequest.builder().meetingId("room 1/ä").additionalParam("x-trace", "a&b").build();
        DestroyHookRequest destroy = DestroyHookRequest.builder("hook 1").additionalParam("x-trace", "a&b").build();
        String extra = "&x-trace=a%26b";
        return Stream.of(
                new Case("getMeetingInfo", "SHA-256", Fixtures.text("bigbluebutton-api-php/responses__get_meeting_info.xml"),
                        "meetingID=room+1%2F%C3%A4", extra, c -> c.getMeetingInfo(info), c -> c.getMeetingInfo(info),
                        c -> c.getMeetingInfo("room 1/ä")),
                new Case("isMeetingRunning", "SHA-256", Fixtures.text("littleredbutton-api-php/is_meeting_running.xml"),
                        "meetingID=room+1%2F%C3%A4", extra, c -> c.isMeetingRunning(running),
                        c -> c.isMeetingRunning(running), c -> c.isMeetingRunning("room 1/ä")),
                new Case("end", "SHA-256", Fixtures.text("littleredbutton-api-php/end_meeting.xml"),
                        "meetingID=room+1%2F%C3%A4", extra, c -> c.end(end), c -> c.end(end), c -> c.end("room 1/ä")),
                new Case("insertDocument", "SHA-256", Fixtures.text("bigbluebutton-api-php/responses__insert_document.xml"),
                        "meetingID=room+1%2F%C3%A4", extra, c -> {
                            c.insertDocument(insert);
                            return null;
                        }, c -> c.insertDocument(insert), c -> {
                            c.insertDocument("room 1/ä", List.of(PDF));
                            return null;
                        }),
                new Case("publishRecordings", "SHA-256", Fixtures.text("littleredbutton-api-php/publish_recordings.xml"),
                        "recordID=r1%2Cr2&publish=false", extra, c -> c.publishRecordings(publish),
                        c -> c.publishRecordings(publish), c -> c.publishRecordings(List.of("r1", "r2"), false)),
                new Case("deleteRecordings", "SHA-256", Fixtures.text("littleredbutton-api-php/delete_recordings.xml"),
                        "recordID=r1%2Cr2", extra, c -> c.deleteRecordings(delete), c -> c.deleteRecordings(delete),
                        c -> c.deleteRecordings(List.of("r1", "r2"))),
                new Case("getRecordingTextTracks", "SHA-256",
                        Fixtures.text("littleredbutton-api-php/get_recording_text_tracks.json"), "recordID=rec-1", extra,
                        c -> c.getRecordingTextTracks(tracks), c -> c.getRecordingTextTracks(tracks),
                        c -> c.getRecordingTextTracks("rec-1")),
                new Case("hooks/list", "SHA-1", Fixtures.text("littleredbutton-api-php/hooks_list.xml"),
                        "meetingID=room+1%2F%C3%A4", extra, c -> c.listHooks(hooks), c -> c.listHooks(hooks),
                        c -> c.listHooks("room 1/ä")),
                new Case("hooks/destroy", "SHA-1", Fixtures.text("littleredbutton-api-php/hooks_destroy.xml"),
                        "hookID=hook+1", extra, c -> c.destroyHook(destroy), c -> c.destroyHook(destroy),
                        c -> c.destroyHook("hook 1")));
    }

    private void expectOnTheWire(Case c, String query) {
        String hex = ServerChecksumVerifier.hex(c.algorithm, c.call + query + Secrets.SECRET);
        assertThat(wm.lastUrl()).isEqualTo("/bigbluebutton/api/" + c.call + "?" + query + "&checksum=" + hex);
        ServerChecksumVerifier.Verified v = ServerChecksumVerifier.verify(wm.lastUrl(), Secrets.SECRET);
        assertThat(v.call).isEqualTo(c.call);
        assertThat(v.algorithm).isEqualTo(c.algorithm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalCall_sendsTypedThenAdditionalParameters_syncAndAsync(Case c) {
        wm.answer(c.call, c.answer);
        c.sync.apply(bbb);
        expectOnTheWire(c, c.typedQuery + c.extraQuery);
        wm.reset();
        wm.answer(c.call, c.answer);
        try {
            c.async.apply(bbb.async()).join();
        } catch (CompletionException e) {
            throw new AssertionError(c.call + " failed asynchronously", e.getCause());
        }
        expectOnTheWire(c, c.typedQuery + c.extraQuery);
        assertThat(wm.requests()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stringShortcut_sendsTheTypedQueryAlone(Case c) {
        wm.answer(c.call, c.answer);
        c.shortcut.apply(bbb);
        expectOnTheWire(c, c.typedQuery);
    }

    @Test
    void listHooks_withoutMeetingId_sendsOnlyTheChecksum() {
        wm.answer("hooks/list", Fixtures.text("littleredbutton-api-php/hooks_list.xml"));
        assertThat(bbb.listHooks(ListHooksRequest.builder().build())).hasSize(2);
        assertThat(wm.lastUrl()).isEqualTo("/bigbluebutton/api/hooks/list?checksum="
                + ServerChecksumVerifier.hex("SHA-1", "hooks/list" + Secrets.SECRET));
    }

    @Test
    void insertDocument_sendsTheDocumentsInTheBody() {
        wm.answer("insertDocument", Fixtures.text("bigbluebutton-api-php/responses__insert_document.xml"));
        bbb.insertDocument(InsertDocumentRequest.builder("room-1").document(PDF)
                .document(Document.inline("notes.txt", new byte[] {'H', 'i'}).build()).build());
        assertThat(wm.requests().get(0).getBodyAsString()).isEqualTo("<modules><module name=\"presentation\">"
                + "<document url=\"https://files.example.org/b.pdf\"/><document name=\"notes.txt\">SGk=</document>"
                + "</module></modules>");
    }

    @Test
    void meetingIdRequests_refuseBadIdsNamingTheParameterAndTheRule() {
        List<Function<String, Object>> builders = List.of(id -> GetMeetingInfoRequest.builder(id).build(),
                id -> IsMeetingRunningRequest.builder(id).build(), id -> EndMeetingRequest.builder(id).build(),
                id -> InsertDocumentRequest.builder(id).document(PDF).build(),
                id -> ListHooksRequest.builder().meetingId(id).build());
        for (Function<String, Object> b : builders) {
            assertThatThrownBy(() -> b.apply(null)).isInstanceOf(NullPointerException.class).hasMessage("meetingID");
            assertThatThrownBy(() -> b.apply("a,b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("meetingID must not contain a comma: BigBlueButton rejects it");
            assertThatThrownBy(() -> b.apply("x")).hasMessage("meetingID must be 2 to 256 characters long, was 1");
            assertThatThrownBy(() -> b.apply(" room")).hasMessageStartingWith("meetingID must not start or end with whitespace");
        }
        // The shortcuts validate the same way, before anything is sent.
        assertThatThrownBy(() -> bbb.getMeetingInfo("a,b")).hasMessageContaining("meetingID must not contain a comma");
        assertThatThrownBy(() -> bbb.async().end("x")).hasMessageContaining("meetingID must be 2 to 256");
        assertThat(wm.requests()).isEmpty();
    }

    @Test
    void additionalParam_mayNotRepeatATypedParameterNorCarryTheChecksum() {
        assertThatThrownBy(() -> GetMeetingInfoRequest.builder("room-1").additionalParam("meetingID", "other").build())
                .hasMessageContaining("additionalParam 'meetingID' is also set by builder() or a typed setter");
        assertThatThrownBy(() -> PublishRecordingsRequest.builder(List.of("r1"), true).additionalParam("publish", "false")
                .build()).hasMessageContaining("additionalParam 'publish'");
        assertThatThrownBy(() -> EndMeetingRequest.builder("room-1").additionalParam("checksum", "x"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> DestroyHookRequest.builder("h").additionalParam("bad name", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherBuilders_refuseBadInputNamingTheParameterAndTheRule() {
        assertThatThrownBy(() -> InsertDocumentRequest.builder("room-1").build())
                .hasMessage("documents: at least one document is required (the server ignores an empty insert)");
        assertThatThrownBy(() -> InsertDocumentRequest.builder("room-1").document(null)).hasMessage("document");
        assertThatThrownBy(() -> PublishRecordingsRequest.builder(List.of(), true).build())
                .hasMessage("recordID: at least one record ID is required");
        assertThatThrownBy(() -> DeleteRecordingsRequest.builder(List.of("a,b")).build())
                .hasMessage("recordID must not contain a comma: the server splits the list at commas");
        assertThatThrownBy(() -> DeleteRecordingsRequest.builder(null).build()).hasMessage("recordID");
        assertThatThrownBy(() -> DeleteRecordingsRequest.builder(Arrays.asList("r1", null)).build()).hasMessage("recordID");
        assertThatThrownBy(() -> GetRecordingTextTracksRequest.builder(" ").build()).hasMessage("recordID must not be blank");
        assertThatThrownBy(() -> DestroyHookRequest.builder(null).build()).hasMessage("hookID");
    }

    @Test
    void requests_areValuesAndTheirBuildersCopyTheirInput() {
        assertThat(GetMeetingInfoRequest.builder("room-1").build()).isEqualTo(GetMeetingInfoRequest.builder("room-1").build())
                .hasSameHashCodeAs(GetMeetingInfoRequest.builder("room-1").build())
                .isNotEqualTo(GetMeetingInfoRequest.builder("room-2").build());
        List<String> ids = new ArrayList<>(List.of("r1"));
        PublishRecordingsRequest.Builder b = PublishRecordingsRequest.builder(ids, true);
        ids.add("r2");
        assertThat(b.build().parameters()).containsExactly(java.util.Map.entry("recordID", "r1"),
                java.util.Map.entry("publish", "true"));
        assertThatThrownBy(() -> b.build().parameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
