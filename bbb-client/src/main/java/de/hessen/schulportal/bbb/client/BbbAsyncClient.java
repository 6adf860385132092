// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.DestroyHookRequest;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.EndMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest;
import de.hessen.schulportal.bbb.client.meeting.InsertDocumentRequest;
import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import de.hessen.schulportal.bbb.client.recording.DeleteRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingTextTracksRequest;
import de.hessen.schulportal.bbb.client.recording.PublishRecordingsRequest;
import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.client.hook.HookRegistration;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.client.recording.TextTrack;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import java.util.Collection;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous face of a {@link BbbClient}, obtained with {@link BbbClient#async()}. Same calls,
 * same requests on the wire, same exceptions; each method returns at once and the future completes
 * with the result or exceptionally with a {@link BbbException} subclass. Calls run on the JDK HTTP
 * client's non-blocking machinery ({@code sendAsync}), so thousands may be in flight without a
 * thread each.
 *
 * <pre>{@code
 * bbb.async().getMeetingInfo("7b-mathe")
 *         .thenAccept(info -> System.out.println(info.participantCount()));
 * }</pre>
 *
 * <p>Each method has the contract of the {@link BbbClient} method of the same name and parameters;
 * the future completes with its result or fails with the exception it would throw. Thread-safe.
 * Invalid arguments ({@link NullPointerException}, {@link IllegalArgumentException}) are thrown
 * directly, not through the future.
 *
 * <p><b>Where callbacks run.</b> The futures are completed on the client's callback pool, never on
 * the threads that receive HTTP answers, so stages attached without an executor
 * ({@code thenApply}, {@code thenAccept}, ...) run there. The pool keeps as many threads running
 * as the machine has cores (at least 2, at most 8), however many calls are in flight: a callback
 * that takes long delays the callbacks queued behind it, not the HTTP traffic.
 * <ul>
 *   <li><b>Waiting on this client inside a callback is safe</b>: a callback may call the sync client
 *       or {@code join()}/{@code get()} another future of this client. Such a wait is a managed
 *       block ({@link java.util.concurrent.ForkJoinPool#managedBlock}), for which the pool starts a
 *       spare thread while it lasts, so the awaited call can complete; it cannot deadlock. Up to
 *       256 callbacks may wait like that at the same time; the next wait fails with
 *       {@link java.util.concurrent.RejectedExecutionException} rather than starting more threads.</li>
 *   <li><b>Other blocking work</b> (JDBC, file or network I/O, {@code Thread.sleep}, locks) is not
 *       compensated: it occupies one of the few callback threads. Run it on an executor of your own:
 *       {@code future.thenApplyAsync(fn, yourExecutor)}.</li>
 * </ul>
 *
 * <pre>{@code
 * bbb.async().getMeetingInfo("7b-mathe")
 *         .thenAcceptAsync(info -> database.store(info), databaseExecutor);
 * }</pre>
 *
 * <p><b>Small machines.</b> The JDK HTTP client hands every {@code sendAsync} answer to
 * {@code CompletableFuture}'s default executor before anyone sees it (JDK-8204339). Where the common
 * fork/join pool has a parallelism of 1 (machines with 2 cores or fewer, unless configured), that
 * executor starts a new, short-lived thread per answer; the SDK cannot avoid it. On such machines
 * start the JVM with {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}: on 2 cores
 * that made async calls several times faster (BENCHMARKS.md, end to end). Sync calls are not
 * affected.
 */
public final class BbbAsyncClient {
    private final Calls calls;
    private final ApiExecutor executor;
    private final ConnectionProbe probe;

    BbbAsyncClient(Calls calls, ApiExecutor executor, ConnectionProbe probe) {
        this.calls = calls;
        this.executor = executor;
        this.probe = probe;
    }

    /**
     * {@return the future of {@link BbbClient#create(CreateMeetingRequest)}}
     *
     * @param request the request
     */
    public CompletableFuture<CreateMeetingResponse> create(CreateMeetingRequest request) {
        return executor.executeAsync(calls.create(request));
    }

    /**
     * {@return the future of {@link BbbClient#join(JoinMeetingRequest)}}
     *
     * @param request the request
     */
    public CompletableFuture<JoinResponse> join(JoinMeetingRequest request) {
        return executor.executeAsync(calls.join(request));
    }

    /**
     * {@return the future of {@link BbbClient#isMeetingRunning(IsMeetingRunningRequest)}}
     *
     * @param request the request
     */
    public CompletableFuture<Boolean> isMeetingRunning(IsMeetingRunningRequest request) {
        return executor.executeAsync(calls.isMeetingRunning(request));
    }

    /**
     * {@return the future of {@link BbbClient#isMeetingRunning(String)}}
     *
     * @param meetingId the external meeting ID
     */
    public CompletableFuture<Boolean> isMeetingRunning(String meetingId) {
        return isMeetingRunning(IsMeetingRunningRequest.builder(meetingId).build());
    }

    /**
     * {@return the future of {@link BbbClient#getMeetingInfo(GetMeetingInfoRequest)}}
     *
     * @param request the request
     */
    public CompletableFuture<MeetingInfo> getMeetingInfo(GetMeetingInfoRequest request) {
        return executor.executeAsync(calls.getMeetingInfo(request));
    }

    /**
     * {@return the future of {@link BbbClient#getMeetingInfo(String)}}
     *
     * @param meetingId the external meeting ID
     */
    public CompletableFuture<MeetingInfo> getMeetingInfo(String meetingId) {
        return getMeetingInfo(GetMeetingInfoRequest.builder(meetingId).build());
    }

    /** {@return the future of {@link BbbClient#getMeetings()}} */
    public CompletableFuture<List<MeetingInfo>> getMeetings() {
        return executor.executeAsync(calls.getMeetings());
    }

    /**
     * {@return the future of {@link BbbClient#end(EndMeetingRequest)}}
     *
     * @param request the request
     */
    public CompletableFuture<Boolean> end(EndMeetingRequest request) {
        return executor.executeAsync(calls.end(request));
    }

    /**
     * {@return the future of {@link BbbClient#end(String)}}
     *
     * @param meetingId the external meeting ID
     */
    public CompletableFuture<Boolean> end(String meetingId) {
        return end(EndMeetingRequest.builder(meetingId).build());
    }

    /**
     * {@return the future of {@link BbbClient#insertDocument(InsertDocumentRequest)}}
     *
     * @param request the meeting and the documents
     */
    public CompletableFuture<Void> insertDocument(InsertDocumentRequest request) {
        return executor.executeAsync(calls.insertDocument(request));
    }

    /**
     * {@return the future of {@link BbbClient#insertDocument(String, List<Document>)}}
     *
     * @param meetingId the external meeting ID
     * @param documents the documents, at least one
     */
    public CompletableFuture<Void> insertDocument(String meetingId, List<Document> documents) {
        return insertDocument(InsertDocumentRequest.builder(meetingId).documents(documents).build());
    }

    /**
     * {@return the future of {@link BbbClient#sendChatMessage(SendChatMessageRequest)}}
     *
     * @param request the request
     */
    public CompletableFuture<Void> sendChatMessage(SendChatMessageRequest request) {
        return executor.executeAsync(calls.sendChatMessage(request));
    }

    /**
     * {@return the future of {@link BbbClient#getRecordings(GetRecordingsRequest)}}
     *
     * @param request the filters and paging
     */
    public CompletableFuture<RecordingsPage> getRecordings(GetRecordingsRequest request) {
        return executor.executeAsync(calls.getRecordings(request));
    }

    /**
     * {@return the future of {@link BbbClient#publishRecordings(PublishRecordingsRequest)}}
     *
     * @param request the record IDs and the flag
     */
    public CompletableFuture<Boolean> publishRecordings(PublishRecordingsRequest request) {
        return executor.executeAsync(calls.publishRecordings(request));
    }

    /**
     * {@return the future of {@link BbbClient#publishRecordings(Collection<String>, boolean)}}
     *
     * @param recordIds the record IDs, at least one
     * @param publish {@code true} to publish, {@code false} to hide
     */
    public CompletableFuture<Boolean> publishRecordings(Collection<String> recordIds, boolean publish) {
        return publishRecordings(PublishRecordingsRequest.builder(recordIds, publish).build());
    }

    /**
     * {@return the future of {@link BbbClient#deleteRecordings(DeleteRecordingsRequest)}}
     *
     * @param request the record IDs
     */
    public CompletableFuture<Boolean> deleteRecordings(DeleteRecordingsRequest request) {
        return executor.executeAsync(calls.deleteRecordings(request));
    }

    /**
     * {@return the future of {@link BbbClient#deleteRecordings(Collection<String>)}}
     *
     * @param recordIds the record IDs, at least one
     */
    public CompletableFuture<Boolean> deleteRecordings(Collection<String> recordIds) {
        return deleteRecordings(DeleteRecordingsRequest.builder(recordIds).build());
    }

    /**
     * {@return the future of {@link BbbClient#updateRecordings(UpdateRecordingsRequest)}}
     *
     * @param request the changes
     */
    public CompletableFuture<Boolean> updateRecordings(UpdateRecordingsRequest request) {
        return executor.executeAsync(calls.updateRecordings(request));
    }

    /**
     * {@return the future of {@link BbbClient#getRecordingTextTracks(GetRecordingTextTracksRequest)}}
     *
     * @param request the record ID
     */
    public CompletableFuture<List<TextTrack>> getRecordingTextTracks(GetRecordingTextTracksRequest request) {
        return executor.executeAsync(calls.getRecordingTextTracks(request));
    }

    /**
     * {@return the future of {@link BbbClient#getRecordingTextTracks(String)}}
     *
     * @param recordId the record ID
     */
    public CompletableFuture<List<TextTrack>> getRecordingTextTracks(String recordId) {
        return getRecordingTextTracks(GetRecordingTextTracksRequest.builder(recordId).build());
    }

    /**
     * {@return the future of {@link BbbClient#putRecordingTextTrack(PutRecordingTextTrackRequest)}}
     *
     * @param request the track
     */
    public CompletableFuture<Void> putRecordingTextTrack(PutRecordingTextTrackRequest request) {
        return executor.executeAsync(calls.putRecordingTextTrack(request));
    }

    /**
     * {@return the future of {@link BbbClient#createHook(CreateHookRequest)}}
     *
     * @param request the hook
     */
    public CompletableFuture<HookRegistration> createHook(CreateHookRequest request) {
        return executor.executeAsync(calls.createHook(request));
    }

    /**
     * {@return the future of {@link BbbClient#listHooks(ListHooksRequest)}}
     *
     * @param request the request
     */
    public CompletableFuture<List<Hook>> listHooks(ListHooksRequest request) {
        return executor.executeAsync(calls.listHooks(request));
    }

    /**
     * {@return the future of {@link BbbClient#listHooks(String)}}
     *
     * @param meetingId the external meeting ID
     */
    public CompletableFuture<List<Hook>> listHooks(String meetingId) {
        return listHooks(ListHooksRequest.builder().meetingId(meetingId).build());
    }

    /**
     * {@return the future of {@link BbbClient#destroyHook(DestroyHookRequest)}}
     *
     * @param request the hook's ID
     */
    public CompletableFuture<Boolean> destroyHook(DestroyHookRequest request) {
        return executor.executeAsync(calls.destroyHook(request));
    }

    /**
     * {@return the future of {@link BbbClient#destroyHook(String)}}
     *
     * @param hookId the hook's ID
     */
    public CompletableFuture<Boolean> destroyHook(String hookId) {
        return destroyHook(DestroyHookRequest.builder(hookId).build());
    }

    /** {@return the future of {@link BbbClient#version()}} */
    public CompletableFuture<ApiVersion> version() {
        return executor.executeAsync(calls.version(), executor.unsignedUrl(""));
    }

    /** {@return the future of {@link BbbClient#checkConnection()}, which never fails for a failed check} */
    public CompletableFuture<ConnectionCheck> checkConnection() {
        return probe.checkAsync();
    }
}
