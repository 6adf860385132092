// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.ApiErrors.Family;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.DestroyHookRequest;
import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.client.hook.HookRegistration;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.internal.Multipart;
import de.hessen.schulportal.bbb.client.internal.Nodes;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.EndMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest;
import de.hessen.schulportal.bbb.client.meeting.InsertDocumentRequest;
import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.DeleteRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingTextTracksRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PublishRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.client.recording.TextTrack;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The definition of every call, shared by the sync and the async client so both send exactly the
 * same requests: name, parameters, whether it may be retried, which error table applies and which
 * mapper reads the answer. Adding a BigBlueButton call means its request class (unless it has no
 * parameters), one method here taking it, one mapper (if it returns a new value type) and one method
 * in each of {@link BbbClient} and {@link BbbAsyncClient}.
 */
final class Calls {
    private final ClientConfig config;

    Calls(ClientConfig config) {
        this.config = config;
    }

    ApiCall<CreateMeetingResponse> create(CreateMeetingRequest request) {
        Objects.requireNonNull(request, "request");
        // bbb-web treats a create without passwords as idempotent: a repeat answers duplicateWarning.
        boolean idempotent = !request.parameters().containsKey("attendeePW")
                && !request.parameters().containsKey("moderatorPW");
        ApiCall<CreateMeetingResponse> call = ApiCall.xml(Family.MEETING, "create", request.meetingId(),
                request.parameters(), idempotent, MeetingResponses::create);
        if (!request.documents().isEmpty() || request.clientSettingsOverride().isPresent()) {
            call = call.withBody(PresentationXml.modules(request.documents(), request.clientSettingsOverride().orElse(null)),
                    "application/xml");
        }
        return call;
    }

    /** A join link is only signed, never sent: there is no answer to read. */
    private static final Function<RawResponse, Void> NO_ANSWER = new Function<>() {
        @Override
        public Void apply(RawResponse raw) {
            throw new IllegalStateException("a join URL is signed, not sent");
        }
    };

    ApiCall<Void> joinUrl(JoinMeetingRequest request) {
        Objects.requireNonNull(request, "request");
        // No lambda on this path: see BbbClient's constructor.
        return new ApiCall<>("join", request.meetingId(), request.parameters(), "GET", null, null, false, null, false,
                Family.MEETING, NO_ANSWER);
    }

    ApiCall<JoinResponse> join(JoinMeetingRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, String> params = new LinkedHashMap<>(request.parameters());
        params.put("redirect", "false");
        return ApiCall.xml(Family.MEETING, "join", request.meetingId(), params, false, MeetingResponses::join)
                .followingJoinRedirects();
    }

    ApiCall<Boolean> isMeetingRunning(IsMeetingRunningRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.MEETING, "isMeetingRunning", request.meetingId(), request.parameters(), true,
                root -> Nodes.bool(root, "running"));
    }

    ApiCall<MeetingInfo> getMeetingInfo(GetMeetingInfoRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.MEETING, "getMeetingInfo", request.meetingId(), request.parameters(), true,
                MeetingResponses::meetingInfo);
    }

    ApiCall<List<MeetingInfo>> getMeetings() {
        return ApiCall.xml(Family.MEETING, "getMeetings", null, Map.of(), true, MeetingResponses::meetings);
    }

    ApiCall<Boolean> end(EndMeetingRequest request) {
        Objects.requireNonNull(request, "request");
        // Ending twice is harmless, but a retried end after a timeout could end a meeting that was
        // re-created in between; so it is not retried. notFound is an answer here, not an error.
        String meetingId = request.meetingId();
        return new ApiCall<>("end", meetingId, request.parameters(), "GET", null, null, false, null, false, Family.MEETING, raw -> {
            try {
                Envelope.xml(Family.MEETING, "end", meetingId, raw);
                return true;
            } catch (MeetingNotFoundException e) {
                if (ApiErrors.isMeetingUnknown(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    ApiCall<Void> insertDocument(InsertDocumentRequest request) {
        Objects.requireNonNull(request, "request");
        // Not retried: a repeat would upload the documents twice.
        return ApiCall.<Void>xml(Family.MEETING, "insertDocument", request.meetingId(), request.parameters(), false,
                root -> null).withBody(PresentationXml.modules(request.documents(), null), "application/xml");
    }

    ApiCall<Void> sendChatMessage(SendChatMessageRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.MEETING, "sendChatMessage", request.meetingId(), request.parameters(), false,
                root -> null);
    }

    ApiCall<RecordingsPage> getRecordings(GetRecordingsRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.RECORDING, "getRecordings", null, request.parameters(), true, RecordingResponses::page);
    }

    ApiCall<Boolean> publishRecordings(PublishRecordingsRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.RECORDING, "publishRecordings", null, request.parameters(), true,
                root -> Nodes.bool(root, "published"));
    }

    ApiCall<Boolean> deleteRecordings(DeleteRecordingsRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.RECORDING, "deleteRecordings", null, request.parameters(), false,
                root -> Nodes.bool(root, "deleted"));
    }

    ApiCall<Boolean> updateRecordings(UpdateRecordingsRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.RECORDING, "updateRecordings", null, request.parameters(), true,
                root -> Nodes.bool(root, "updated"));
    }

    ApiCall<List<TextTrack>> getRecordingTextTracks(GetRecordingTextTracksRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.json(Family.RECORDING, "getRecordingTextTracks", request.parameters(), true,
                RecordingResponses::textTracks);
    }

    ApiCall<Void> putRecordingTextTrack(PutRecordingTextTrackRequest request) {
        Objects.requireNonNull(request, "request");
        Multipart body = Multipart.file("file", request.fileName(), request.contentType(), request.content());
        return ApiCall.<Void>json(Family.RECORDING, "putRecordingTextTrack", request.parameters(), false, response -> null)
                .withBody(body.body(), body.contentType());
    }

    ApiCall<HookRegistration> createHook(CreateHookRequest request) {
        Objects.requireNonNull(request, "request");
        // bbb-webhooks answers a repeat with duplicateWarning and the existing hook: safe to retry.
        return ApiCall.xml(Family.HOOK, "hooks/create", request.parameters().get("meetingID"), request.parameters(), true,
                HookResponses::registration).withAlgorithm(config.hooksAlgorithm());
    }

    ApiCall<List<Hook>> listHooks(ListHooksRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.HOOK, "hooks/list", request.parameters().get("meetingID"), request.parameters(), true,
                HookResponses::hooks).withAlgorithm(config.hooksAlgorithm());
    }

    ApiCall<Boolean> destroyHook(DestroyHookRequest request) {
        Objects.requireNonNull(request, "request");
        return ApiCall.xml(Family.HOOK, "hooks/destroy", null, request.parameters(), false,
                root -> Nodes.bool(root, "removed")).withAlgorithm(config.hooksAlgorithm());
    }

    /** The unsigned API root; sent with {@link ApiExecutor#unsignedUrl(String)}. */
    ApiCall<ApiVersion> version() {
        return ApiCall.xml(Family.MEETING, "version", null, Map.of(), true, MeetingResponses::version);
    }
}
