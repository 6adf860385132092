// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.BbbApiException;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.client.BbbTransportException;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.portal.MeetingSettings;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.retention.RecordingRetention;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The meeting calls a client may make, each forwarded through the tenant's {@link BbbClient}
 * (signed with the backend secret) with the privacy policy applied on the way in, and answered in
 * bbb-web's XML with the client's meeting IDs on the way out. Recording calls are in
 * {@link RecordingCalls}.
 *
 * <p>Thread-safe.
 */
public final class ApiCalls {
    /** The calls the gateway answers; anything else gets {@code unsupportedRequest}. */
    public static final Set<String> CALLS = Set.of("create", "join", "getMeetingInfo", "isMeetingRunning", "getMeetings",
            "end", "getRecordings", "publishRecordings", "updateRecordings", "deleteRecordings");

    private final Privacy privacy;
    private final Map<String, BbbClient> clients;
    private final Metrics metrics;
    private final RecordingCalls recordings;

    /**
     * Calls over the given backends.
     *
     * @param privacy the policy
     * @param clients tenant ID → its backend client
     * @param metrics the metrics
     */
    public ApiCalls(Privacy privacy, Map<String, BbbClient> clients, Metrics metrics) {
        this.privacy = privacy;
        this.clients = Map.copyOf(clients);
        this.metrics = metrics;
        this.recordings = new RecordingCalls(this);
    }

    /**
     * Answers one verified call.
     *
     * @param verified the successful check: the tenant whose checksum verified, and with which of its secrets
     * @param call the call name, one of {@link #CALLS}
     * @param params the decoded parameters
     * @param body the request body (create POST), or an empty array
     * @return the answer
     */
    public Answer answer(ChecksumCheck.Result verified, String call, Map<String, String> params, byte[] body) {
        Tenant tenant = verified.tenant();
        if (tenant.previousClientSecret().isPresent()) {
            // During a change of secret: shows the operator when the client has switched (README "Changing a Moodle secret").
            metrics.clientSecret(tenant.id(), verified.previousSecret());
        }
        try {
            switch (call) {
                case "create":
                    return create(tenant, verified.previousSecret(), params, body);
                case "join":
                    return join(tenant, params);
                case "getMeetingInfo":
                    return getMeetingInfo(tenant, params);
                case "isMeetingRunning":
                    return isMeetingRunning(tenant, params);
                case "getMeetings":
                    return getMeetings(tenant);
                case "end":
                    return end(tenant, params);
                default:
                    return recordings.answer(tenant, call, params);
            }
        } catch (ApiError e) {
            return Answer.failed("failed", e.messageKey(), e.getMessage());
        } catch (BbbApiException e) {
            return Answer.failed("failed", e.messageKey(), e.serverMessage());
        } catch (BbbTransportException e) {
            return Answer.failed("backend_error", "serverUnavailable",
                    "The BigBlueButton server behind the gateway did not answer in time");
        } catch (BbbResponseException e) {
            return Answer.failed("backend_error", "internalError",
                    "The BigBlueButton server behind the gateway did not answer with a BigBlueButton response");
        } catch (IllegalArgumentException e) {
            return Answer.failed("failed", "validationError", e.getMessage());
        }
    }

    BbbClient client(Tenant tenant) {
        return clients.get(tenant.id());
    }

    Privacy privacy() {
        return privacy;
    }

    <T> T timed(String call, Supplier<T> backendCall) {
        long start = System.nanoTime();
        try {
            return backendCall.get();
        } finally {
            metrics.forwarded(call, System.nanoTime() - start);
        }
    }

    void dropped(String call, int count) {
        metrics.droppedParameters(call, count);
    }

    static String meetingId(Map<String, String> params) {
        String id = params.get("meetingID");
        if (id == null || id.isEmpty()) {
            throw new ApiError("missingParamMeetingID", "You must specify a meeting ID for the meeting.");
        }
        return id;
    }

    private Answer create(Tenant tenant, boolean previousSecret, Map<String, String> params, byte[] body) {
        String clientId = meetingId(params);
        String name = params.get("name");
        if (!privacy.config().isForwardMeetingName() || name == null || name.isBlank()) {
            name = privacy.neutralMeetingName(tenant, clientId);
        }
        CreateMeetingRequest.Builder b = CreateMeetingRequest.builder(Privacy.backendMeetingId(tenant, clientId), name);
        ParameterTable.CreateDraft draft = new ParameterTable.CreateDraft(b);
        int dropped = ParameterTable.applyCreate(params, draft, tenant, privacy);
        String welcome = params.get("welcome");
        if (welcome != null && privacy.config().isForwardWelcome()) {
            b.welcome(welcome);
        }
        // Callbacks are signed with the secret this create verified with: the one the client holds now (CallbackRelay).
        String secret = previousSecret ? tenant.previousClientSecret().orElseThrow() : tenant.clientSecret();
        dropped += metadata(tenant, secret, params, b);
        Modules.presentations(body, url -> privacy.gatewayUrl(Sealer.Purpose.SLIDE, tenant, url)).forEach(b::document);
        // The gateway joins on the server (see join), so the browser never gets the cookie of the join
        // answer; bbb-web lets the client in without it only with this flag (ApiController.hasValidSession,
        // ConnectionController.checkAuthorization).
        CreateMeetingRequest request = enforce(draft.finish(), privacy.config().createSettings())
                .allowRequestsWithoutSession(true).build();
        dropped("create", dropped);
        CreateMeetingResponse r = timed("create", () -> client(tenant).create(request));
        Xml x = Xml.response("SUCCESS")
                .el("meetingID", clientId)
                .el("internalMeetingID", r.internalMeetingId())
                .el("parentMeetingID", r.parentMeetingId().orElse("bbb-none"))
                .el("createTime", r.createTime())
                .el("voiceBridge", r.voiceBridge())
                .el("dialNumber", r.dialNumber())
                .el("createDate", r.createDate())
                .el("hasUserJoined", r.hasUserJoined())
                .el("duration", r.duration().toMinutes())
                .el("hasBeenForciblyEnded", r.hasBeenForciblyEnded())
                .el("messageKey", r.messageKey())
                .el("message", r.message());
        return Answer.success(x.finish());
    }

    /** The adapter's meeting settings, as the gateway's create policy: they only tighten what the client asked for. */
    private static CreateMeetingRequest.Builder enforce(CreateMeetingRequest.Builder b, MeetingSettings s) {
        if (s.isWebcamsOnlyForModerator()) {
            b.webcamsOnlyForModerator(true);
        }
        if (s.isEndWhenNoModerator()) {
            b.endWhenNoModerator(true);
        }
        if (s.isMuteOnStart()) {
            b.muteOnStart(true);
        }
        if (!s.disabledFeatures().isEmpty()) {
            b.disabledFeatures(s.disabledFeatures().toArray(new Feature[0]));
        }
        s.lockSettings().ifPresent(b::lockSettings);
        if (s.maxParticipants() > 0) {
            b.maxParticipants(s.maxParticipants());
        }
        if (!s.duration().isZero()) {
            b.duration(s.duration());
        }
        return b;
    }

    /**
     * Metadata: bbb-origin fixed, callback URLs sealed into gateway URLs (with the tag of the secret the
     * create verified with), the recording's name and
     * description sealed, allow-listed keys with machine values; nothing else.
     */
    private int metadata(Tenant tenant, String clientSecret, Map<String, String> params, CreateMeetingRequest.Builder b) {
        int dropped = 0;
        b.meta("bbb-origin", privacy.config().origin());
        // The tenant's school pseudonym, by which retention finds its recordings (Moodle cannot set it).
        b.meta(RecordingRetention.META_SCHOOL, privacy.schoolRef(tenant));
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().startsWith("meta_")) {
                continue;
            }
            String key = e.getKey().substring(5).toLowerCase(java.util.Locale.ROOT);
            String value = e.getValue();
            if (key.equals("bbb-origin") || key.equals(RecordingRetention.META_SCHOOL)) {
                continue;
            }
            if ((key.equals("bbb-recording-ready-url") || key.equals("bn-recording-ready-url")
                    || key.equals("canvas-recording-ready-url")) && ParameterTable.isHttpUrl(value)) {
                b.meta("bbb-recording-ready-url", privacy.callbackUrl(Sealer.Purpose.RECORDING_READY, tenant, clientSecret, value));
            } else if (key.equals("analytics-callback-url") && ParameterTable.isHttpUrl(value)) {
                b.meta("analytics-callback-url", privacy.callbackUrl(Sealer.Purpose.ANALYTICS, tenant, clientSecret, value));
            } else if (RecordingCalls.sealedText(key) != null) {
                if (!value.isBlank()) {
                    b.meta(key, privacy.sealText(RecordingCalls.sealedText(key), tenant, value));
                }
            } else if (privacy.metadataPasses(key, value)) {
                b.meta(key, value);
            } else {
                dropped++;
            }
        }
        return dropped;
    }

    private Answer join(Tenant tenant, Map<String, String> params) {
        String clientId = meetingId(params);
        String fullName = params.get("fullName");
        if (fullName == null || fullName.isBlank()) {
            throw new ApiError("missingParamFullName", "You must specify a name for the attendee who will be joining the meeting.");
        }
        Role role = Role.fromServer(params.get("role"));
        if (role == Role.UNKNOWN) {
            // Passwords are not forwarded (the gateway is stateless and bbb-web 3.0 joins by role), so the role must be given.
            throw new ApiError("paramsRequired", "You must send the 'role' parameter, MODERATOR or VIEWER.");
        }
        boolean guest = ParameterTable.bool(params.getOrDefault("guest", "false"));
        String userId = params.get("userID");
        Person person = Privacy.person(fullName, role, guest, userId);
        JoinMeetingRequest.Builder b = JoinMeetingRequest.builder(Privacy.backendMeetingId(tenant, clientId),
                privacy.displayName(person), role);
        if (userId != null && !userId.isBlank() && !guest) {
            b.userId(privacy.userPseudonym(tenant, clientId, person));
        }
        if (params.containsKey("guest")) {
            b.guest(guest);
        }
        String createTime = params.get("createTime");
        if (createTime != null) {
            try {
                Long.parseLong(createTime.strip());
            } catch (NumberFormatException e) {
                throw new ApiError("mismatchCreateTimeParam", "The createTime parameter submitted mismatches with the current meeting.");
            }
        }
        int dropped = ParameterTable.applyJoin(params, b, tenant, privacy);
        JoinMeetingRequest request = b.build();
        dropped("join", dropped);
        // Joined here, on the server, in both answer styles: a browser never holds a signed backend
        // join URL, which it could bend (bbb-web removes every checksum=<value> before hashing).
        JoinResponse r = timed("join", () -> client(tenant).join(request));
        if (!"false".equalsIgnoreCase(params.getOrDefault("redirect", "true").strip())) {
            String session = r.url().map(Object::toString).orElseThrow(() -> new BbbResponseException("join", 200,
                    "The BigBlueButton server behind the gateway answered the join without a session URL", null));
            Answer redirect = Answer.redirect(session);
            String logout = request.parameters().get("logoutURL");
            return logout == null ? redirect : redirect.withHeader("Set-Cookie", privacy.logoutBinding().setCookie(logout));
        }
        Xml x = Xml.response("SUCCESS")
                .el("messageKey", r.messageKey())
                .el("message", r.message())
                .el("meeting_id", r.meetingId())
                .el("user_id", r.userId())
                .el("auth_token", r.authToken())
                .el("session_token", r.sessionToken())
                .el("guestStatus", r.rawGuestStatus())
                .el("url", r.url().map(Object::toString).orElse(""));
        return Answer.success(x.finish());
    }

    private Answer getMeetingInfo(Tenant tenant, Map<String, String> params) {
        String clientId = meetingId(params);
        MeetingInfo m = timed("getMeetingInfo", () -> client(tenant).getMeetingInfo(Privacy.backendMeetingId(tenant, clientId)));
        Xml x = Xml.response("SUCCESS");
        MeetingXml.meeting(x, m, clientId);
        return Answer.success(x.finish());
    }

    private Answer isMeetingRunning(Tenant tenant, Map<String, String> params) {
        String clientId = meetingId(params);
        boolean running = timed("isMeetingRunning", () -> client(tenant).isMeetingRunning(Privacy.backendMeetingId(tenant, clientId)));
        return Answer.success(Xml.response("SUCCESS").el("running", running).finish());
    }

    private Answer getMeetings(Tenant tenant) {
        List<MeetingInfo> all = timed("getMeetings", () -> client(tenant).getMeetings());
        Xml x = Xml.response("SUCCESS").open("meetings");
        int count = 0;
        for (MeetingInfo m : all) {
            // Only the tenant's own meetings: others on a shared backend stay invisible.
            String clientId = Privacy.clientMeetingId(tenant, m.meetingId()).orElse(null);
            if (clientId != null) {
                x.open("meeting");
                MeetingXml.meeting(x, m, clientId);
                x.close("meeting");
                count++;
            }
        }
        x.close("meetings");
        if (count == 0) {
            x.el("messageKey", "noMeetings").el("message", "no meetings were found on this server");
        }
        return Answer.success(x.finish());
    }

    private Answer end(Tenant tenant, Map<String, String> params) {
        String clientId = meetingId(params);
        // The moderator password is not forwarded: create did not forward passwords, the checksum authenticates the client.
        timed("end", () -> {
            client(tenant).end(Privacy.backendMeetingId(tenant, clientId));
            return null;
        });
        return Answer.success(Xml.response("SUCCESS").el("messageKey", "sentEndMeetingRequest")
                .el("message", "A request to end the meeting was sent.  Please wait a few seconds, and then use the "
                        + "getMeetingInfo or isMeetingRunning API calls to verify that it was ended.")
                .finish());
    }
}
