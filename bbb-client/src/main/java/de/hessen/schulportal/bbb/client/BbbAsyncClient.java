package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.ApiExecutor;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
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
 */
public final class BbbAsyncClient {
    private final Calls calls;
    private final ApiExecutor executor;

    BbbAsyncClient(Calls calls, ApiExecutor executor) {
        this.calls = calls;
        this.executor = executor;
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
     * See {@link BbbClient#join(JoinMeetingRequest)}.
     *
     * @param request the request
     * @return the session
     */
    public CompletableFuture<JoinResponse> join(JoinMeetingRequest request) {
        return executor.executeAsync(calls.join(request));
    }

    /**
     * See {@link BbbClient#isMeetingRunning(String)}.
     *
     * @param meetingId the external meeting ID
     * @return whether it runs
     */
    public CompletableFuture<Boolean> isMeetingRunning(String meetingId) {
        return executor.executeAsync(calls.isMeetingRunning(meetingId));
    }

    /**
     * See {@link BbbClient#getMeetingInfo(String)}.
     *
     * @param meetingId the external meeting ID
     * @return the meeting
     */
    public CompletableFuture<MeetingInfo> getMeetingInfo(String meetingId) {
        return executor.executeAsync(calls.getMeetingInfo(meetingId));
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
     * See {@link BbbClient#end(String)}.
     *
     * @param meetingId the external meeting ID
     * @return completes when the server accepted the end request
     */
    public CompletableFuture<Void> end(String meetingId) {
        return executor.executeAsync(calls.end(meetingId));
    }

    /**
     * See {@link BbbClient#insertDocument(String, List)}.
     *
     * @param meetingId the external meeting ID
     * @param documents the documents
     * @return completes when the server accepted the documents
     */
    public CompletableFuture<Void> insertDocument(String meetingId, List<Document> documents) {
        return executor.executeAsync(calls.insertDocument(meetingId, documents));
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
     * See {@link BbbClient#publishRecordings(Collection, boolean)}.
     *
     * @param recordIds the record IDs
     * @param publish publish or hide
     * @return the echoed flag
     */
    public CompletableFuture<Boolean> publishRecordings(Collection<String> recordIds, boolean publish) {
        return executor.executeAsync(calls.publishRecordings(recordIds, publish));
    }

    /**
     * See {@link BbbClient#deleteRecordings(Collection)}.
     *
     * @param recordIds the record IDs
     * @return whether deleted
     */
    public CompletableFuture<Boolean> deleteRecordings(Collection<String> recordIds) {
        return executor.executeAsync(calls.deleteRecordings(recordIds));
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
     * See {@link BbbClient#getRecordingTextTracks(String)}.
     *
     * @param recordId the record ID
     * @return the tracks
     */
    public CompletableFuture<List<TextTrack>> getRecordingTextTracks(String recordId) {
        return executor.executeAsync(calls.getRecordingTextTracks(recordId));
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
     * See {@link BbbClient#listHooks()}.
     *
     * @return the hooks
     */
    public CompletableFuture<List<Hook>> listHooks() {
        return executor.executeAsync(calls.listHooks(null));
    }

    /**
     * See {@link BbbClient#destroyHook(String)}.
     *
     * @param hookId the hook's ID
     * @return whether removed
     */
    public CompletableFuture<Boolean> destroyHook(String hookId) {
        return executor.executeAsync(calls.destroyHook(hookId));
    }

    /**
     * See {@link BbbClient#version()}.
     *
     * @return the version answer
     */
    public CompletableFuture<ApiVersion> version() {
        return executor.executeAsync(calls.version(), executor.unsignedUrl(""));
    }
}
