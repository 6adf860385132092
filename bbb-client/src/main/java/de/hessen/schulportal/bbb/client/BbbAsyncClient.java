package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.ApiExecutor;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
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
     * See {@link BbbClient#version()}.
     *
     * @return the version answer
     */
    public CompletableFuture<ApiVersion> version() {
        return executor.executeAsync(calls.version(), executor.unsignedUrl(""));
    }
}
