// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API as Scalelite answers it, in front of several simulated BigBlueButton servers. Each rule
 * follows blindsidenetworks/scalelite: routes from {@code config/routes.rb}, the checksum from
 * {@code app/controllers/concerns/api_helper.rb} ({@code verify_checksum}, {@code fetch_tenant}),
 * errors from {@code concerns/bbb_errors.rb}, the calls from
 * {@code app/controllers/bigbluebutton_api_controller.rb}, server choice from
 * {@code app/models/server.rb} ({@code find_available}), recording-ready URLs from
 * {@code app/handlers/recording_ready_event_handler.rb}.
 */
public final class ScaleliteApi {
    /** A tenant: its name (first DNS label of its host), its ID and its secrets. */
    public record Tenant(String name, String id, List<String> secrets) {
    }

    /** Where a meeting lives: Scalelite's {@code Meeting} record. */
    private record Placement(Tenant tenant, String meetingId, Backend backend) {
    }

    private static final Set<String> SCALELITE_ALGORITHMS = Set.of("sha1", "sha256", "sha512");
    private static final String NOT_FOUND = "We could not find a meeting with that meeting ID - perhaps the meeting is"
            + " not yet running?";

    private final List<Backend> backends;
    private final Map<String, Tenant> tenants;
    private final List<String> loadBalancerSecrets;
    private final Set<String> algorithms;
    private final Map<String, Placement> meetings = new ConcurrentHashMap<>();
    private final Map<String, String> recordingReadyUrls = new ConcurrentHashMap<>();
    private final ScaleliteRecordings recordings;
    private final Callbacks callbacks;

    /**
     * @param tenants             tenants by name; empty means multitenancy off
     * @param loadBalancerSecrets {@code LOADBALANCER_SECRET(S)}, used when multitenancy is off
     * @param algorithms          {@code LOADBALANCER_CHECKSUM_ALGORITHM}; SHA-384 is dropped, Scalelite has none
     */
    public ScaleliteApi(List<Backend> backends, Map<String, Tenant> tenants, List<String> loadBalancerSecrets,
                        Set<String> algorithms, Callbacks callbacks) {
        this.backends = List.copyOf(backends);
        this.tenants = Map.copyOf(tenants);
        this.loadBalancerSecrets = List.copyOf(loadBalancerSecrets);
        Set<String> allowed = new java.util.LinkedHashSet<>(algorithms);
        allowed.retainAll(SCALELITE_ALGORITHMS);
        this.algorithms = Set.copyOf(allowed);
        this.callbacks = callbacks;
        this.recordings = new ScaleliteRecordings();
        for (Backend b : backends) {
            b.state.recordings.onPublished(this::imported);
        }
    }

    /** The backend servers, in order. */
    public List<Backend> backends() {
        return backends;
    }

    /** Scalelite's own recordings (imported from the servers). */
    public ScaleliteRecordings recordings() {
        return recordings;
    }

    /**
     * Takes a server out of service or back: out of service, its meetings end (as when a server
     * goes offline) and Scalelite forgets them, and new meetings go to the other servers.
     *
     * @return false if no server has that ID
     */
    public boolean inService(String serverId, boolean on) {
        for (Backend b : backends) {
            if (b.id.equals(serverId)) {
                b.inService(on);
                if (!on) {
                    for (Meeting m : b.state.visibleMeetings()) {
                        b.state.endFromTest(m.meetingId);
                    }
                    meetings.values().removeIf(p -> p.backend() == b);
                }
                return true;
            }
        }
        return false;
    }

    /** Answers a request to the load balancer's port: backend paths go to that server. */
    public ApiResponse serve(HttpFront.Request http) {
        String path = http.rawPath();
        for (Backend b : backends) {
            if (path.startsWith(b.prefix())) {
                return b.api.serve(http, path.substring(b.prefix().length() - 1));
            }
        }
        String tenantName = hostLabel(http.header("host"));
        if (path.startsWith("/t/")) {
            int slash = path.indexOf('/', 3);
            if (slash < 0) {
                return unsupported();
            }
            tenantName = path.substring(3, slash);
            path = path.substring(slash);
        }
        if (path.startsWith("/playback/")) {
            return ApiResponse.html(200, "Scalelite playback");
        }
        if (path.equals(BbbWebApi.API) || path.equals(BbbWebApi.API + "/")) {
            return ApiResponse.xml(Xml.response("SUCCESS").element("version", "2.0").finish());
        }
        String callName = BbbWebApi.callName(path);
        String method = http.method().equals("HEAD") ? "GET" : http.method();
        if (callName == null || !routed(callName, method)) {
            return unsupported(); // routes.rb: match '*any' → errors#unsupported_request, no checksum
        }
        for (Backend b : backends) {
            b.state.maybeTick();
        }
        ApiRequest request = ApiRequest.of(http, callName);
        Tenant tenant = tenants.isEmpty() ? null : tenants.get(tenantName);
        List<String> secrets = tenants.isEmpty() ? loadBalancerSecrets : tenant == null ? List.of() : tenant.secrets();
        if (!checksumMatches(callName, http.rawQuery(), request.params().get("checksum"), secrets)) {
            return ApiResponse.error("checksumError", BbbWebApi.CHECKSUM_LEGACY);
        }
        if (request.hasBody() && !acceptsBody(callName, request.mimeType())) {
            return ApiResponse.error("unsupportedContentType", "POST request Content-Type is missing or unsupported");
        }
        return call(callName, request, tenant, http);
    }

    /** Scalelite's Content-Type rule (REFERENCE §1.2): create takes form, multipart or XML; insertDocument XML only. */
    private static boolean acceptsBody(String callName, String mimeType) {
        if (callName.equals("insertDocument")) {
            return "application/xml".equals(mimeType);
        }
        return "application/x-www-form-urlencoded".equals(mimeType) || "multipart/form-data".equals(mimeType)
                || "application/xml".equals(mimeType);
    }

    private static boolean routed(String callName, String method) {
        switch (callName) {
            case "create":
                return method.equals("GET") || method.equals("POST");
            case "insertDocument":
                return method.equals("POST");
            case "isMeetingRunning": case "getMeetingInfo": case "getMeetings": case "end":
            case "getRecordings": case "updateRecordings":
                // config/routes.rb (HEAD 7498a81): match ..., via: [:get, :post]
                return method.equals("GET") || method.equals("POST");
            case "join": case "publishRecordings": case "deleteRecordings":
                return method.equals("GET");
            default:
                return false;
        }
    }

    private ApiResponse call(String callName, ApiRequest request, Tenant tenant, HttpFront.Request http) {
        Params p = request.params();
        switch (callName) {
            case "getRecordings":
                return recordings.getRecordings(p, tenant, urlPrefix(http));
            case "publishRecordings":
                return recordings.publish(p, tenant);
            case "updateRecordings":
                return recordings.update(p, tenant);
            case "deleteRecordings":
                return recordings.delete(p, tenant);
            case "getMeetings":
                return getMeetings(tenant);
            default:
                break;
        }
        String meetingId = p.get("meetingID");
        if (meetingId == null || meetingId.isEmpty()) {
            return ApiResponse.error("missingParamMeetingID", "You must specify a meeting ID for the meeting.");
        }
        if (callName.equals("create")) {
            return create(request, tenant, meetingId);
        }
        Placement placement = find(tenant, meetingId);
        if (placement == null) {
            return callName.equals("isMeetingRunning")
                    ? ApiResponse.xml(Xml.response("SUCCESS").element("running", "false").finish())
                    : ApiResponse.error("notFound", NOT_FOUND);
        }
        Backend b = placement.backend();
        switch (callName) {
            case "join":
                return ApiResponse.redirect(b.url("join", passThrough(p)));
            case "end":
                meetings.remove(key(tenant, meetingId));
                Map<String, String> endParams = new LinkedHashMap<>();
                endParams.put("meetingID", meetingId);
                if (p.get("password") != null) {
                    endParams.put("password", p.get("password"));
                }
                return b.call("end", endParams, null);
            case "insertDocument":
                return b.call("insertDocument", passThrough(p), request.body());
            default:
                return b.call(callName, Map.of("meetingID", meetingId), null);
        }
    }

    private ApiResponse create(ApiRequest request, Tenant tenant, String meetingId) {
        Placement existing = find(tenant, meetingId);
        Backend b = existing != null ? existing.backend() : leastLoaded();
        if (b == null) {
            return ApiResponse.error("internalError", "Could not find any available servers.");
        }
        Map<String, String> params = passThrough(request.params());
        if (existing == null && params.getOrDefault("moderatorPW", "").isEmpty()) {
            // bigbluebutton_api_controller.rb#create (HEAD 7498a81): a moderator password is made up only
            // for a meeting Scalelite does not know yet; a repeated create passes the caller's parameters,
            // so bbb-web sees neither password and answers duplicateWarning (REFERENCE §5.1.1).
            params.put("moderatorPW", Hashing.token(8));
        }
        String readyUrl = firstNonBlank(params.get("meta_bn-recording-ready-url"),
                params.get("meta_bbb-recording-ready-url"), params.get("meta_canvas-recording-ready-url"));
        if (readyUrl != null) {
            params.remove("meta_bbb-recording-ready-url");
            params.remove("meta_canvas-recording-ready-url");
            params.remove("meta_bn-recording-ready-url");
            recordingReadyUrls.put(key(tenant, meetingId), readyUrl);
        }
        if (tenant != null) {
            params.put("meta_tenant-id", tenant.id());
            params.put("meta_tenant-name", tenant.name());
        }
        boolean xml = request.mimeType() != null && request.mimeType().endsWith("xml");
        ApiResponse response = b.call("create", params, xml ? request.body() : null);
        if (Backend.isSuccess(response)) {
            meetings.put(key(tenant, meetingId), new Placement(tenant, meetingId, b));
        }
        return response;
    }

    private ApiResponse getMeetings(Tenant tenant) {
        Xml x = Xml.response("SUCCESS").start("meetings");
        int n = 0;
        for (Backend b : backends) {
            if (!b.isInService()) {
                continue;
            }
            for (Meeting m : b.state.visibleMeetings()) {
                synchronized (m) {
                    if (tenant == null || tenant.id().equals(m.metadata.get("tenant-id"))) {
                        x.start("meeting");
                        MeetingXml.meetingBody(x, m);
                        x.end();
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            return ApiResponse.xml(Xml.response("SUCCESS").element("messageKey", "noMeetings")
                    .element("message", "no meetings were found on this server").element("meetings", null).finish());
        }
        return ApiResponse.xml(x.finish());
    }

    /** Scalelite's meeting record, dropped (as its poller does) once the server no longer has the meeting. */
    private Placement find(Tenant tenant, String meetingId) {
        String key = key(tenant, meetingId);
        Placement p = meetings.get(key);
        if (p != null && p.backend().state.lookup(meetingId) == null) {
            meetings.remove(key, p);
            return null;
        }
        return p;
    }

    private Backend leastLoaded() {
        Backend best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (Backend b : backends) {
            if (!b.isInService()) {
                continue;
            }
            int load = b.state.visibleMeetings().size();
            if (load < bestLoad) {
                best = b;
                bestLoad = load;
            }
        }
        return best;
    }

    /** {@code pass_through_params}: everything but the checksum, in the order sent. */
    private static Map<String, String> passThrough(Params p) {
        Map<String, String> out = new LinkedHashMap<>(p.firstValues());
        out.remove("checksum");
        return out;
    }

    /** {@code verify_checksum}: lengths 40/64/128 only, the allowed set, case-sensitive, any secret. */
    boolean checksumMatches(String callName, String rawQuery, String checksum, List<String> secrets) {
        if (checksum == null || checksum.isBlank() || secrets.isEmpty()) {
            return false;
        }
        String algorithm;
        switch (checksum.length()) {
            case 40: algorithm = "sha1"; break;
            case 64: algorithm = "sha256"; break;
            case 128: algorithm = "sha512"; break;
            default: return false;
        }
        if (!algorithms.contains(algorithm)) {
            return false;
        }
        String quoted = Pattern.quote(checksum);
        String check = callName + Pattern.compile(Pattern.quote("&checksum=") + quoted + "|" + Pattern.quote("checksum=")
                + quoted + "&|" + Pattern.quote("checksum=") + quoted)
                .matcher(rawQuery == null ? "" : rawQuery).replaceAll("");
        for (String secret : secrets) {
            if (java.security.MessageDigest.isEqual(Hashing.hex(algorithm, check + secret).getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII), checksum.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /** A recording the server published: Scalelite imports it and sends the recording-ready callback. */
    private void imported(Recording r) {
        Tenant tenant = null;
        for (Tenant t : tenants.values()) {
            if (t.id().equals(r.metadata.get("tenant-id"))) {
                tenant = t;
            }
        }
        recordings.add(r, tenant);
        String url = recordingReadyUrls.get(key(tenant, r.meetingId));
        if (url != null) {
            // recording_ready_notifier_service.rb#notify: HS256 when SHA256 is allowed, else HS512; tried
            // with each of the tenant's (or Scalelite's own) secrets in turn until 2xx, 404 or 410.
            List<String> secrets = tenant == null ? loadBalancerSecrets : tenant.secrets();
            callbacks.recordingReady(url, r.meetingId, r.recordId, secrets, algorithms.contains("sha256") ? "HS256" : "HS512");
        }
    }

    private static String key(Tenant tenant, String meetingId) {
        return (tenant == null ? "" : tenant.name()) + "\n" + meetingId;
    }

    private static String urlPrefix(HttpFront.Request http) {
        String host = http.header("host");
        return "http://" + (host == null ? "127.0.0.1" : host);
    }

    /** The first DNS label of the Host header, as {@code fetch_tenant_name_from_url}. */
    private static String hostLabel(String host) {
        if (host == null) {
            return "";
        }
        Matcher m = Pattern.compile("^([^.:]*)").matcher(host.toLowerCase(Locale.ROOT));
        return m.find() ? m.group(1) : "";
    }

    private static ApiResponse unsupported() {
        return ApiResponse.error("unsupportedRequest", "This request is not supported.");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** All tenants, for inspection. */
    public List<Tenant> tenants() {
        return new ArrayList<>(tenants.values());
    }
}
