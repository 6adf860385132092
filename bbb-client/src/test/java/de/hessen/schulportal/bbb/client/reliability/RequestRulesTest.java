// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.DestroyHookRequest;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.EndMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest;
import de.hessen.schulportal.bbb.client.meeting.InsertDocumentRequest;
import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.DeleteRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingTextTracksRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PublishRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest.TextTrackKind;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every request builder shares, checked on every one of them: the {@code additionalParam}
 * escape hatch (after the typed parameters, never shadowing one, never {@code checksum} or a
 * prefixed family with its own setter) and {@code null} → {@link NullPointerException} naming the
 * parameter.
 */
class RequestRulesTest {

    /** A request kind: builds a request whose typed parameter {@code typed} is set, plus one additional pair. */
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("create", "record", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        CreateMeetingRequest.builder("room", "Name").record(true).additionalParam(n, v).build().parameters()),
                Arguments.of("join", "userID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        JoinMeetingRequest.builder("room", "Name", Role.VIEWER).userId("u").additionalParam(n, v).build()
                                .parameters()),
                Arguments.of("sendChatMessage", "userName", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        SendChatMessageRequest.builder("room", "Hallo").userName("Portal").additionalParam(n, v).build()
                                .parameters()),
                Arguments.of("getRecordings", "state", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        GetRecordingsRequest.builder().anyState().additionalParam(n, v).build().parameters()),
                Arguments.of("updateRecordings", "protect", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        UpdateRecordingsRequest.builder("r1").protect(true).additionalParam(n, v).build().parameters()),
                Arguments.of("putRecordingTextTrack", "label", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        PutRecordingTextTrackRequest.builder("r1", TextTrackKind.SUBTITLES, "de", "de.vtt",
                                "WEBVTT".getBytes(StandardCharsets.UTF_8)).label("Deutsch").additionalParam(n, v).build()
                                .parameters()),
                Arguments.of("hooks/create", "getRaw", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        CreateHookRequest.builder(URI.create("https://portal.example/hook")).getRaw(false)
                                .additionalParam(n, v).build().parameters()),
                Arguments.of("getMeetingInfo", "meetingID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        GetMeetingInfoRequest.builder("room").additionalParam(n, v).build().parameters()),
                Arguments.of("isMeetingRunning", "meetingID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        IsMeetingRunningRequest.builder("room").additionalParam(n, v).build().parameters()),
                Arguments.of("end", "meetingID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        EndMeetingRequest.builder("room").additionalParam(n, v).build().parameters()),
                Arguments.of("insertDocument", "meetingID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        InsertDocumentRequest.builder("room").document(Document.inline("a.pdf", new byte[] {1}).build())
                                .additionalParam(n, v).build().parameters()),
                Arguments.of("publishRecordings", "publish", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        PublishRecordingsRequest.builder(List.of("r1"), true).additionalParam(n, v).build().parameters()),
                Arguments.of("deleteRecordings", "recordID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        DeleteRecordingsRequest.builder(List.of("r1")).additionalParam(n, v).build().parameters()),
                Arguments.of("getRecordingTextTracks", "recordID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        GetRecordingTextTracksRequest.builder("r1").additionalParam(n, v).build().parameters()),
                Arguments.of("hooks/list", "meetingID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        ListHooksRequest.builder().meetingId("room").additionalParam(n, v).build().parameters()),
                Arguments.of("hooks/destroy", "hookID", (BiFunction<String, String, Map<String, String>>) (n, v) ->
                        DestroyHookRequest.builder("h1").additionalParam(n, v).build().parameters()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void additionalParam_sameRulesOnEveryRequest(String call, String typed, BiFunction<String, String, Map<String, String>> build) {
        Map<String, String> p = build.apply("futureParam", "x");
        assertThat(List.copyOf(p.keySet())).as(call).endsWith("futureParam").contains(typed);
        assertThatThrownBy(() -> p.put("a", "b")).as(call).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> build.apply(typed, "x")).as(call).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("additionalParam '" + typed + "' is also set");
        for (String name : List.of("checksum", "meta_x", "userdata-x", "plugin_p_x", "1bad", "with space")) {
            assertThatThrownBy(() -> build.apply(name, "x")).as(call + " " + name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("additionalParam");
        }
        assertThatThrownBy(() -> build.apply("futureParam", null)).as(call).isInstanceOf(NullPointerException.class)
                .hasMessage("additionalParam futureParam");
        assertThatThrownBy(() -> build.apply(null, "x")).as(call).isInstanceOf(NullPointerException.class)
                .hasMessage("additionalParam name");
    }

    @Test
    void nulls_namedInNullPointerException() {
        assertThatThrownBy(() -> SendChatMessageRequest.builder(null, "m").build()).isInstanceOf(NullPointerException.class)
                .hasMessage("meetingID");
        assertThatThrownBy(() -> SendChatMessageRequest.builder("room", null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("message");
        assertThatThrownBy(() -> GetRecordingsRequest.builder().meetingIds((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("meetingID");
        assertThatThrownBy(() -> GetRecordingsRequest.builder().meta("k", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("meta_k");
        assertThatThrownBy(() -> UpdateRecordingsRequest.builder((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("recordID");
        assertThatThrownBy(() -> UpdateRecordingsRequest.builder("r").meta("k", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("meta_k");
        assertThatThrownBy(() -> PutRecordingTextTrackRequest.builder("r1", null, "de", "de.vtt", new byte[1]).build())
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> CreateHookRequest.builder(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("callbackURL");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).avatarUrl(null))
                .isInstanceOf(NullPointerException.class).hasMessage("avatarURL");
    }

    @Test
    void metaKeys_sameRuleOnCreateGetRecordingsAndUpdateRecordings() {
        for (String key : List.of("Origin", "my_key", "ü")) {
            assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").meta(key, "v")).hasMessageContaining("[a-z][a-z0-9-]*");
            assertThatThrownBy(() -> GetRecordingsRequest.builder().meta(key, "v")).hasMessageContaining("[a-z][a-z0-9-]*");
            assertThatThrownBy(() -> UpdateRecordingsRequest.builder("r").meta(key, "v")).hasMessageContaining("[a-z][a-z0-9-]*");
            assertThatThrownBy(() -> UpdateRecordingsRequest.builder("r").removeMeta(key)).hasMessageContaining("[a-z][a-z0-9-]*");
        }
    }
}
