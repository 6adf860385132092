package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.client.hook.HookRegistration;
import de.hessen.schulportal.bbb.client.internal.ApiCall;
import de.hessen.schulportal.bbb.client.internal.JsonResponses;
import de.hessen.schulportal.bbb.client.internal.Multipart;
import de.hessen.schulportal.bbb.client.internal.ApiExecutor;
import de.hessen.schulportal.bbb.client.internal.PresentationXml;
import de.hessen.schulportal.bbb.client.internal.ResponseAccess;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.internal.XmlResponses;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The definition of every call, shared by the sync and the async client so both send exactly the
 * same requests.
 */
final class Calls {
    private final ApiExecutor executor;

    Calls(ApiExecutor executor) {
        this.executor = executor;
    }

    private static Map<String, String> meetingIdOnly(String meetingId) {
        Validation.meetingId("meetingID", meetingId);
        return Map.of("meetingID", meetingId);
    }

    ApiCall<CreateMeetingResponse> create(CreateMeetingRequest request) {
        Validation.required("request", request);
        // bbb-web treats a create without passwords as idempotent: a repeat answers duplicateWarning.
        boolean idempotent = !request.parameters().containsKey("attendeePW")
                && !request.parameters().containsKey("moderatorPW");
        ApiCall<CreateMeetingResponse> call = ApiCall.xmlGet("create", request.meetingId(), request.parameters(),
                idempotent, root -> ResponseAccess.meeting().create(root));
        if (!request.documents().isEmpty() || request.clientSettingsOverride().isPresent()) {
            call = call.withBody(PresentationXml.modules(request.documents(), request.clientSettingsOverride().orElse(null)),
                    "application/xml");
        }
        return call;
    }

    ApiCall<Void> joinUrl(JoinMeetingRequest request) {
        Validation.required("request", request);
        return ApiCall.xmlGet("join", request.meetingId(), request.parameters(), false, root -> null);
    }

    ApiCall<JoinResponse> join(JoinMeetingRequest request) {
        Validation.required("request", request);
        Map<String, String> params = new LinkedHashMap<>(request.parameters());
        params.put("redirect", "false");
        return ApiCall.xmlGet("join", request.meetingId(), params, false, root -> ResponseAccess.meeting().join(root))
                .followingJoinRedirects();
    }

    ApiCall<Boolean> isMeetingRunning(String meetingId) {
        return ApiCall.xmlGet("isMeetingRunning", meetingId, meetingIdOnly(meetingId), true, root -> root.bool("running"));
    }

    ApiCall<MeetingInfo> getMeetingInfo(String meetingId) {
        return ApiCall.xmlGet("getMeetingInfo", meetingId, meetingIdOnly(meetingId), true,
                root -> ResponseAccess.meeting().meetingInfo(root));
    }

    ApiCall<List<MeetingInfo>> getMeetings() {
        return ApiCall.xmlGet("getMeetings", null, Map.of(), true, root -> ResponseAccess.meeting().meetings(root));
    }

    ApiCall<Void> end(String meetingId) {
        // Ending twice is harmless, but a retried end after a timeout could end a meeting that was
        // re-created in between; so it is not retried.
        return ApiCall.xmlGet("end", meetingId, meetingIdOnly(meetingId), false, root -> null);
    }

    ApiCall<Void> insertDocument(String meetingId, List<Document> documents) {
        Validation.required("documents", documents);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("documents: at least one document is required (the server ignores an empty insert)");
        }
        // Not retried: a repeat would upload the documents twice.
        return ApiCall.<Void>xmlGet("insertDocument", meetingId, meetingIdOnly(meetingId), false, root -> null)
                .withBody(PresentationXml.modules(List.copyOf(documents), null), "application/xml");
    }

    ApiCall<Void> sendChatMessage(SendChatMessageRequest request) {
        Validation.required("request", request);
        return ApiCall.xmlGet("sendChatMessage", request.meetingId(), request.parameters(), false, root -> null);
    }

    ApiCall<RecordingsPage> getRecordings(GetRecordingsRequest request) {
        Validation.required("request", request);
        return ApiCall.xmlGet("getRecordings", null, request.parameters(), true,
                root -> ResponseAccess.recording().page(root));
    }

    private static String recordIds(Collection<String> ids) {
        Validation.required("recordID", ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("recordID: at least one record ID is required");
        }
        for (String id : ids) {
            Validation.nonBlank("recordID", id);
            if (id.contains(",")) {
                throw new IllegalArgumentException("recordID must not contain a comma: the server splits the list at commas");
            }
        }
        return String.join(",", ids);
    }

    ApiCall<Boolean> publishRecordings(Collection<String> ids, boolean publish) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("recordID", recordIds(ids));
        p.put("publish", Boolean.toString(publish));
        return ApiCall.xmlGet("publishRecordings", null, p, true, root -> root.bool("published"));
    }

    ApiCall<Boolean> deleteRecordings(Collection<String> ids) {
        return ApiCall.xmlGet("deleteRecordings", null, Map.of("recordID", recordIds(ids)), false,
                root -> root.bool("deleted"));
    }

    ApiCall<Boolean> updateRecordings(UpdateRecordingsRequest request) {
        Validation.required("request", request);
        return ApiCall.xmlGet("updateRecordings", null, request.parameters(), true, root -> root.bool("updated"));
    }

    ApiCall<List<TextTrack>> getRecordingTextTracks(String recordId) {
        Validation.nonBlank("recordID", recordId);
        return new ApiCall<>("getRecordingTextTracks", null, Map.of("recordID", recordId), "GET", null, null, true, null,
                false, raw -> ResponseAccess.recording().textTracks(JsonResponses.read("getRecordingTextTracks", raw)));
    }

    ApiCall<Void> putRecordingTextTrack(PutRecordingTextTrackRequest request) {
        Validation.required("request", request);
        Multipart body = Multipart.file("file", request.fileName(), request.contentType(), request.content());
        return new ApiCall<Void>("putRecordingTextTrack", null, request.parameters(), "POST", null, null, false, null, false,
                raw -> {
                    JsonResponses.read("putRecordingTextTrack", raw);
                    return null;
                }).withBody(body.body(), body.contentType());
    }

    ApiCall<HookRegistration> createHook(CreateHookRequest request) {
        Validation.required("request", request);
        // bbb-webhooks answers a repeat with duplicateWarning and the existing hook: safe to retry.
        return ApiCall.xmlGet("hooks/create", request.parameters().get("meetingID"), request.parameters(), true,
                root -> ResponseAccess.hooks().registration(root)).withAlgorithm(executor.config().hooksAlgorithm());
    }

    ApiCall<List<Hook>> listHooks(String meetingId) {
        Map<String, String> p = meetingId == null ? Map.of() : meetingIdOnly(meetingId);
        return ApiCall.xmlGet("hooks/list", meetingId, p, true, root -> ResponseAccess.hooks().hooks(root))
                .withAlgorithm(executor.config().hooksAlgorithm());
    }

    ApiCall<Boolean> destroyHook(String hookId) {
        Validation.nonBlank("hookID", hookId);
        return ApiCall.xmlGet("hooks/destroy", null, Map.of("hookID", hookId), false, root -> root.bool("removed"))
                .withAlgorithm(executor.config().hooksAlgorithm());
    }

    ApiCall<ApiVersion> version() {
        return new ApiCall<>("version", null, Map.of(), "GET", null, null, true, null, false,
                raw -> new ApiVersion(XmlResponses.read("version", null, raw)));
    }

    ConnectionCheck checkConnection(ApiExecutor exec) {
        ApiVersion version;
        try {
            version = exec.execute(version(), exec.unsignedUrl(""));
        } catch (BbbTransportException e) {
            return new ConnectionCheck(ConnectionCheck.Status.UNREACHABLE, "No answer from "
                    + exec.config().apiBase() + ": " + e.getMessage(), null, null);
        } catch (BbbException e) {
            return new ConnectionCheck(ConnectionCheck.Status.NOT_BBB, exec.config().apiBase()
                    + " did not answer like the BigBlueButton API root (" + e.getMessage()
                    + "); the base URL should end in /bigbluebutton/", null, null);
        }
        String probe = "connection-check-" + UUID.randomUUID();
        try {
            exec.execute(isMeetingRunning(probe));
            return new ConnectionCheck(ConnectionCheck.Status.OK, "Connected to " + exec.config().apiBase()
                    + " (API " + version.version() + "); secret and " + exec.config().algorithm() + " accepted", version, null);
        } catch (ChecksumErrorException e) {
            for (ChecksumAlgorithm other : ChecksumAlgorithm.values()) {
                if (other == exec.config().algorithm()) {
                    continue;
                }
                try {
                    exec.execute(isMeetingRunning(probe).withAlgorithm(other));
                    return new ConnectionCheck(ConnectionCheck.Status.ALGORITHM_NOT_SUPPORTED, "The server accepts the"
                            + " secret with " + other + " but not with " + exec.config().algorithm()
                            + "; set checksumAlgorithm(" + other + ") or enable the algorithm on the server", version, other);
                } catch (BbbException ignored) {
                    // Try the next algorithm.
                    continue;
                }
            }
            return new ConnectionCheck(ConnectionCheck.Status.WRONG_SECRET, "BigBlueButton at "
                    + exec.config().apiBase() + " rejected the checksum with every algorithm: the secret is wrong",
                    version, null);
        } catch (BbbTransportException e) {
            return new ConnectionCheck(ConnectionCheck.Status.UNREACHABLE, "The API root answered but a signed call"
                    + " failed: " + e.getMessage(), version, null);
        } catch (BbbException e) {
            return new ConnectionCheck(ConnectionCheck.Status.NOT_BBB, "The API root answered but a signed call"
                    + " did not get a BigBlueButton answer: " + e.getMessage(), version, null);
        }
    }

    ApiExecutor executor() {
        return executor;
    }
}
