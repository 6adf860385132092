package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.ApiCall;
import de.hessen.schulportal.bbb.client.internal.ApiExecutor;
import de.hessen.schulportal.bbb.client.internal.PresentationXml;
import de.hessen.schulportal.bbb.client.internal.ResponseAccess;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.internal.XmlResponses;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
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
