// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import de.hessen.schulportal.bbb.client.BbbAsyncClient;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every HTTP call of the client, sync and async, with whether the SDK may retry it. The list is the
 * specification the fault and retry tests check the client against: a call added to
 * {@link BbbClient} without an entry here fails {@code ApiCallsCoverageTest}.
 */
enum ApiCalls {
    CREATE("create", true, false, c -> c.create(create()), a -> a.create(create())),
    JOIN("join", false, false, c -> c.join(join()), a -> a.join(join())),
    IS_MEETING_RUNNING("isMeetingRunning", true, false, c -> c.isMeetingRunning("room-1"), a -> a.isMeetingRunning("room-1")),
    GET_MEETING_INFO("getMeetingInfo", true, false, c -> c.getMeetingInfo("room-1"), a -> a.getMeetingInfo("room-1")),
    GET_MEETINGS("getMeetings", true, false, BbbClient::getMeetings, BbbAsyncClient::getMeetings),
    END("end", false, false, v(c -> c.end("room-1")), a -> a.end("room-1")),
    VERSION("version", true, false, BbbClient::version, BbbAsyncClient::version),
    GET_RECORDINGS("getRecordings", true, false, c -> c.getRecordings(recordings()), a -> a.getRecordings(recordings())),
    PUBLISH_RECORDINGS("publishRecordings", true, false, c -> c.publishRecordings(List.of("rec-1"), true),
            a -> a.publishRecordings(List.of("rec-1"), true)),
    DELETE_RECORDINGS("deleteRecordings", false, false, c -> c.deleteRecordings(List.of("rec-1")),
            a -> a.deleteRecordings(List.of("rec-1"))),
    UPDATE_RECORDINGS("updateRecordings", true, false, c -> c.updateRecordings(update()), a -> a.updateRecordings(update())),
    GET_RECORDING_TEXT_TRACKS("getRecordingTextTracks", true, true, c -> c.getRecordingTextTracks("rec-1"),
            a -> a.getRecordingTextTracks("rec-1")),
    PUT_RECORDING_TEXT_TRACK("putRecordingTextTrack", false, true, v(c -> c.putRecordingTextTrack(track())),
            a -> a.putRecordingTextTrack(track())),
    INSERT_DOCUMENT("insertDocument", false, false, v(c -> c.insertDocument("room-1", documents())),
            a -> a.insertDocument("room-1", documents())),
    SEND_CHAT_MESSAGE("sendChatMessage", false, false, v(c -> c.sendChatMessage(chat())), a -> a.sendChatMessage(chat())),
    CREATE_HOOK("hooks/create", true, false, c -> c.createHook(hook()), a -> a.createHook(hook())),
    LIST_HOOKS("hooks/list", true, false, c -> c.listHooks(ListHooksRequest.builder().build()), a -> a.listHooks(ListHooksRequest.builder().build())),
    DESTROY_HOOK("hooks/destroy", false, false, c -> c.destroyHook("1"), a -> a.destroyHook("1"));

    /** The call name as in the URL path and in every message. */
    final String callName;
    /** Whether the SDK may repeat it after a retryable failure. */
    final boolean idempotent;
    /** Whether BigBlueButton answers it with JSON instead of XML. */
    final boolean json;
    private final Function<BbbClient, ?> sync;
    private final Function<BbbAsyncClient, CompletableFuture<?>> async;

    ApiCalls(String callName, boolean idempotent, boolean json, Function<BbbClient, ?> sync,
            Function<BbbAsyncClient, CompletableFuture<?>> async) {
        this.callName = callName;
        this.idempotent = idempotent;
        this.json = json;
        this.sync = sync;
        this.async = async;
    }

    private static Function<BbbClient, ?> v(Consumer<BbbClient> call) {
        return c -> {
            call.accept(c);
            return null;
        };
    }

    Object runSync(BbbClient client) {
        return sync.apply(client);
    }

    CompletableFuture<?> runAsync(BbbClient client) {
        return async.apply(client.async());
    }

    static CreateMeetingRequest create() {
        return CreateMeetingRequest.builder("room-1", "Klasse 7b").build();
    }

    static JoinMeetingRequest join() {
        return JoinMeetingRequest.builder("room-1", "Ada", Role.VIEWER).build();
    }

    static GetRecordingsRequest recordings() {
        return GetRecordingsRequest.builder().meetingIds("room-1").build();
    }

    static UpdateRecordingsRequest update() {
        return UpdateRecordingsRequest.builder("rec-1").meta("bbb-origin", "schulportal").build();
    }

    static PutRecordingTextTrackRequest track() {
        return PutRecordingTextTrackRequest.builder("rec-1", PutRecordingTextTrackRequest.TextTrackKind.SUBTITLES, "de-DE",
                "de.vtt", "WEBVTT\n".getBytes(StandardCharsets.UTF_8)).build();
    }

    static List<Document> documents() {
        return List.of(Document.fromUrl(URI.create("https://files.example.org/slides.pdf")).build());
    }

    static SendChatMessageRequest chat() {
        return SendChatMessageRequest.builder("room-1", "Hallo").build();
    }

    static CreateHookRequest hook() {
        return CreateHookRequest.builder(URI.create("https://portal.example.org/hooks")).build();
    }
}
