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
 * <p>Thread-safe. Validation errors of the arguments are thrown directly as
 * {@link IllegalArgumentException}, not through the future.
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
     * See {@link BbbClient#create(CreateMeetingRequest)}.
     *
     * @param request the request
     * @return the created or existing meeting
     */
    public CompletableFuture<CreateMeetingResponse> create(CreateMeetingRequest request) {
        return executor.executeAsync(calls.create(request));
    }

    /**
     * See {@link BbbClient#join(JoinMeetingRequest)}: a server-side join that follows at most
     * Scalelite's one redirect to a server's {@code /bigbluebutton/api/join}; the future fails with
     * the same exceptions.
     *
     * @param request the request
     * @return the session
     */
    public CompletableFuture<JoinResponse> join(JoinMeetingRequest request) {
        return executor.executeAsync(calls.join(request));
    }

    /**
     * See {@link BbbClient#isMeetingRunning(IsMeetingRunningRequest)}.
     *
     * @param request the request
     * @return whether it runs
     */
    public CompletableFuture<Boolean> isMeetingRunning(IsMeetingRunningRequest request) {
        return executor.executeAsync(calls.isMeetingRunning(request));
    }

    /**
     * {@link #isMeetingRunning(IsMeetingRunningRequest)} for a meeting ID alone.
     *
     * @param meetingId the external meeting ID
     * @return whether it runs
     * @throws NullPointerException if {@code meetingId} is {@code null}
     * @throws IllegalArgumentException if {@code meetingId} is not a valid meeting ID
     */
    public CompletableFuture<Boolean> isMeetingRunning(String meetingId) {
        return isMeetingRunning(IsMeetingRunningRequest.builder(meetingId).build());
    }

    /**
     * See {@link BbbClient#getMeetingInfo(GetMeetingInfoRequest)}.
     *
     * @param request the request
     * @return the meeting
     */
    public CompletableFuture<MeetingInfo> getMeetingInfo(GetMeetingInfoRequest request) {
        return executor.executeAsync(calls.getMeetingInfo(request));
    }

    /**
     * {@link #getMeetingInfo(GetMeetingInfoRequest)} for a meeting ID alone.
     *
     * @param meetingId the external meeting ID
     * @return the meeting
     * @throws NullPointerException if {@code meetingId} is {@code null}
     * @throws IllegalArgumentException if {@code meetingId} is not a valid meeting ID
     */
    public CompletableFuture<MeetingInfo> getMeetingInfo(String meetingId) {
        return getMeetingInfo(GetMeetingInfoRequest.builder(meetingId).build());
    }

    /**
     * See {@link BbbClient#getMeetings()}.
     *
     * @return the meetings
     */
    public CompletableFuture<List<MeetingInfo>> getMeetings() {
        return executor.executeAsync(calls.getMeetings());
    }

    /**
     * Ends a meeting; see {@link BbbClient#end(EndMeetingRequest)}.
     *
     * @param request the request
     * @return {@code true} if a meeting was ended, {@code false} if the server answered {@code notFound}
     */
    public CompletableFuture<Boolean> end(EndMeetingRequest request) {
        return executor.executeAsync(calls.end(request));
    }

    /**
     * {@link #end(EndMeetingRequest)} for a meeting ID alone.
     *
     * @param meetingId the external meeting ID
     * @return {@code true} if a meeting was ended, {@code false} if the server answered {@code notFound}
     * @throws NullPointerException if {@code meetingId} is {@code null}
     * @throws IllegalArgumentException if {@code meetingId} is not a valid meeting ID
     */
    public CompletableFuture<Boolean> end(String meetingId) {
        return end(EndMeetingRequest.builder(meetingId).build());
    }

    /**
     * See {@link BbbClient#insertDocument(InsertDocumentRequest)}.
     *
     * @param request the meeting and the documents
     * @return completes when the server accepted the documents
     */
    public CompletableFuture<Void> insertDocument(InsertDocumentRequest request) {
        return executor.executeAsync(calls.insertDocument(request));
    }

    /**
     * {@link #insertDocument(InsertDocumentRequest)} for a meeting ID and documents alone.
     *
     * @param meetingId the external meeting ID
     * @param documents the documents, at least one
     * @return completes when the server accepted the documents
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code meetingId} is not a valid meeting ID or there is no document
     */
    public CompletableFuture<Void> insertDocument(String meetingId, List<Document> documents) {
        return insertDocument(InsertDocumentRequest.builder(meetingId).documents(documents).build());
    }

    /**
     * See {@link BbbClient#sendChatMessage(SendChatMessageRequest)}.
     *
     * @param request the request
     * @return completes when the server accepted the message
     */
    public CompletableFuture<Void> sendChatMessage(SendChatMessageRequest request) {
        return executor.executeAsync(calls.sendChatMessage(request));
    }

    /**
     * See {@link BbbClient#getRecordings(GetRecordingsRequest)}.
     *
     * @param request the filters and paging
     * @return the page
     */
    public CompletableFuture<RecordingsPage> getRecordings(GetRecordingsRequest request) {
        return executor.executeAsync(calls.getRecordings(request));
    }

    /**
     * See {@link BbbClient#publishRecordings(PublishRecordingsRequest)}.
     *
     * @param request the record IDs and the flag
     * @return the echoed flag
     */
    public CompletableFuture<Boolean> publishRecordings(PublishRecordingsRequest request) {
        return executor.executeAsync(calls.publishRecordings(request));
    }

    /**
     * {@link #publishRecordings(PublishRecordingsRequest)} for record IDs and the flag alone.
     *
     * @param recordIds the record IDs, at least one
     * @param publish {@code true} to publish, {@code false} to hide
     * @return the echoed flag
     * @throws NullPointerException if {@code recordIds} or one of them is {@code null}
     * @throws IllegalArgumentException if there is no record ID or one is blank or has a comma
     */
    public CompletableFuture<Boolean> publishRecordings(Collection<String> recordIds, boolean publish) {
        return publishRecordings(PublishRecordingsRequest.builder(recordIds, publish).build());
    }

    /**
     * See {@link BbbClient#deleteRecordings(DeleteRecordingsRequest)}.
     *
     * @param request the record IDs
     * @return whether deleted
     */
    public CompletableFuture<Boolean> deleteRecordings(DeleteRecordingsRequest request) {
        return executor.executeAsync(calls.deleteRecordings(request));
    }

    /**
     * {@link #deleteRecordings(DeleteRecordingsRequest)} for record IDs alone.
     *
     * @param recordIds the record IDs, at least one
     * @return whether deleted
     * @throws NullPointerException if {@code recordIds} or one of them is {@code null}
     * @throws IllegalArgumentException if there is no record ID or one is blank or has a comma
     */
    public CompletableFuture<Boolean> deleteRecordings(Collection<String> recordIds) {
        return deleteRecordings(DeleteRecordingsRequest.builder(recordIds).build());
    }

    /**
     * See {@link BbbClient#updateRecordings(UpdateRecordingsRequest)}.
     *
     * @param request the changes
     * @return the updated flag
     */
    public CompletableFuture<Boolean> updateRecordings(UpdateRecordingsRequest request) {
        return executor.executeAsync(calls.updateRecordings(request));
    }

    /**
     * See {@link BbbClient#getRecordingTextTracks(GetRecordingTextTracksRequest)}.
     *
     * @param request the record ID
     * @return the tracks
     */
    public CompletableFuture<List<TextTrack>> getRecordingTextTracks(GetRecordingTextTracksRequest request) {
        return executor.executeAsync(calls.getRecordingTextTracks(request));
    }

    /**
     * {@link #getRecordingTextTracks(GetRecordingTextTracksRequest)} for a record ID alone.
     *
     * @param recordId the record ID
     * @return the tracks
     * @throws NullPointerException if {@code recordId} is {@code null}
     * @throws IllegalArgumentException if {@code recordId} is blank
     */
    public CompletableFuture<List<TextTrack>> getRecordingTextTracks(String recordId) {
        return getRecordingTextTracks(GetRecordingTextTracksRequest.builder(recordId).build());
    }

    /**
     * See {@link BbbClient#putRecordingTextTrack(PutRecordingTextTrackRequest)}.
     *
     * @param request the track
     * @return completes when uploaded
     */
    public CompletableFuture<Void> putRecordingTextTrack(PutRecordingTextTrackRequest request) {
        return executor.executeAsync(calls.putRecordingTextTrack(request));
    }

    /**
     * See {@link BbbClient#createHook(CreateHookRequest)}.
     *
     * @param request the hook
     * @return the registration
     */
    public CompletableFuture<HookRegistration> createHook(CreateHookRequest request) {
        return executor.executeAsync(calls.createHook(request));
    }

    /**
     * See {@link BbbClient#listHooks(ListHooksRequest)}.
     *
     * @param request the request
     * @return the hooks
     */
    public CompletableFuture<List<Hook>> listHooks(ListHooksRequest request) {
        return executor.executeAsync(calls.listHooks(request));
    }

    /**
     * All registered webhooks: {@link #listHooks(ListHooksRequest)} without a meeting ID.
     *
     * @return the hooks
     */
    public CompletableFuture<List<Hook>> listHooks() {
        return listHooks(ListHooksRequest.builder().build());
    }

    /**
     * The webhooks of one meeting plus all global ones: {@link #listHooks(ListHooksRequest)} for a
     * meeting ID alone.
     *
     * @param meetingId the external meeting ID
     * @return the hooks
     * @throws NullPointerException if {@code meetingId} is {@code null}
     * @throws IllegalArgumentException if {@code meetingId} is not a valid meeting ID
     */
    public CompletableFuture<List<Hook>> listHooks(String meetingId) {
        return listHooks(ListHooksRequest.builder().meetingId(meetingId).build());
    }

    /**
     * See {@link BbbClient#destroyHook(DestroyHookRequest)}.
     *
     * @param request the hook's ID
     * @return whether removed
     */
    public CompletableFuture<Boolean> destroyHook(DestroyHookRequest request) {
        return executor.executeAsync(calls.destroyHook(request));
    }

    /**
     * {@link #destroyHook(DestroyHookRequest)} for a hook ID alone.
     *
     * @param hookId the hook's ID
     * @return whether removed
     * @throws NullPointerException if {@code hookId} is {@code null}
     * @throws IllegalArgumentException if {@code hookId} is blank
     */
    public CompletableFuture<Boolean> destroyHook(String hookId) {
        return destroyHook(DestroyHookRequest.builder(hookId).build());
    }

    /**
     * See {@link BbbClient#version()}.
     *
     * @return the version answer
     */
    public CompletableFuture<ApiVersion> version() {
        return executor.executeAsync(calls.version(), executor.unsignedUrl(""));
    }

    /**
     * Tells apart the ways a configuration can be wrong, without blocking; see
     * {@link BbbClient#checkConnection()}. The future never fails for a failed check.
     *
     * @return what was found
     */
    public CompletableFuture<ConnectionCheck> checkConnection() {
        return probe.checkAsync();
    }
}
