// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The API of one simulated bbb-web: methods and Content-Types per call (3.0 {@code UrlMappings},
 * {@code ContentTypeValidator}), the checksum judged first, then the call's handler. A Scalelite
 * front holds several of these as its backend servers.
 */
public final class BbbWebApi {
    static final String API = "/bigbluebutton/api";
    static final String CHECKSUM_LEGACY = "You did not pass the checksum security check";
    private static final Set<String> FORM = Set.of("application/x-www-form-urlencoded", "multipart/form-data");
    private static final Set<String> ANY_TYPE = Set.of();

    private record Route(Set<String> methods, Set<String> bodyTypes, String checksumMessage,
                         Function<ApiRequest, ApiResponse> handler) {
    }

    private final SimState state;
    private final ChecksumJudge judge;
    private final Map<String, Route> routes = new HashMap<>();
    private final JoinHandler join;
    private final ClientPage client;

    /** The API over {@code state}, judging checksums with the state's secrets and algorithms. */
    public BbbWebApi(SimState state) {
        this.state = state;
        this.judge = new ChecksumJudge(state.config.secrets(), state.config.algorithms());
        MeetingHandler meetings = new MeetingHandler(state);
        RecordingHandler recordings = new RecordingHandler(state);
        HookHandler hooks = new HookHandler(state);
        this.join = new JoinHandler(state);
        this.client = new ClientPage(state);
        Set<String> getPost = Set.of("GET", "POST");
        Set<String> get = Set.of("GET");
        Set<String> post = Set.of("POST");
        String strict = "Checksums do not match";
        routes.put("create", new Route(getPost, Set.of("application/x-www-form-urlencoded", "multipart/form-data",
                "application/xml", "text/xml"), strict, meetings::create));
        routes.put("join", new Route(get, ANY_TYPE, strict, null));
        routes.put("isMeetingRunning", new Route(getPost, FORM, strict, meetings::isMeetingRunning));
        routes.put("getMeetingInfo", new Route(getPost, FORM, strict, meetings::getMeetingInfo));
        routes.put("getMeetings", new Route(getPost, FORM, strict, meetings::getMeetings));
        routes.put("end", new Route(getPost, FORM, strict, meetings::end));
        routes.put("insertDocument", new Route(post, Set.of("application/xml"), strict, meetings::insertDocument));
        routes.put("sendChatMessage", new Route(get, FORM, strict, meetings::sendChatMessage));
        routes.put("getRecordings", new Route(getPost, FORM, CHECKSUM_LEGACY, recordings::getRecordings));
        routes.put("publishRecordings", new Route(get, FORM, CHECKSUM_LEGACY, recordings::publishRecordings));
        routes.put("deleteRecordings", new Route(get, FORM, CHECKSUM_LEGACY, recordings::deleteRecordings));
        routes.put("updateRecordings", new Route(getPost, FORM, CHECKSUM_LEGACY, recordings::updateRecordings));
        routes.put("getRecordingTextTracks", new Route(getPost, FORM, CHECKSUM_LEGACY,
                recordings::getRecordingTextTracks));
        routes.put("putRecordingTextTrack", new Route(post, ANY_TYPE, CHECKSUM_LEGACY, recordings::putRecordingTextTrack));
        routes.put("hooks/create", new Route(get, ANY_TYPE, CHECKSUM_LEGACY + ".", hooks::create));
        routes.put("hooks/destroy", new Route(get, ANY_TYPE, CHECKSUM_LEGACY + ".", hooks::destroy));
        routes.put("hooks/list", new Route(get, ANY_TYPE, CHECKSUM_LEGACY + ".", hooks::list));
    }

    /** The state this API serves. */
    public SimState state() {
        return state;
    }

    /**
     * Answers a request for a path of this server: the API root, the API calls below
     * {@code /bigbluebutton/api/}, the client's entry and guest wait pages ({@link ClientPage}), and
     * a placeholder page for the rest of the HTML5 client and playback.
     *
     * @param path the raw path relative to this server's root, starting with {@code /}
     */
    public ApiResponse serve(HttpFront.Request http, String path) {
        if (path.equals(API) || path.equals(API + "/") || path.equals("/bigbluebutton/") || path.equals("/bigbluebutton")) {
            return version();
        }
        if (path.equals(ClientPage.JOIN) || path.equals(ClientPage.GUEST_WAIT)) {
            return client.serve(http, path);
        }
        if (path.startsWith("/html5client/") || path.startsWith("/playback/") || path.startsWith("/presentation/")) {
            return ApiResponse.html(200, "BigBlueButton simulator");
        }
        String callName = callName(path);
        return callName == null ? ApiResponse.html(404, "404 Not Found") : handle(http, callName);
    }

    /** The call name of an API path ({@code /bigbluebutton/api/hooks/list} → {@code hooks/list}), or null. */
    public static String callName(String path) {
        return path.startsWith(API + "/") && path.length() > API.length() + 1 ? path.substring(API.length() + 1) : null;
    }

    /** The unsigned API root ({@code api-version.ftlx}). */
    public ApiResponse version() {
        return ApiResponse.xml(Xml.response("SUCCESS").element("version", "2.0").element("apiVersion", "2.0")
                .element("bbbVersion", "")
                .element("graphqlWebsocketUrl", state.serverUrl.replaceFirst("^http", "ws") + "graphql")
                .element("graphqlApiUrl", state.serverUrl + "api/rest").finish());
    }

    /**
     * Answers one API call. {@code HEAD} is routed like {@code GET}, as the servlet container does.
     *
     * @param callName the path below {@code /bigbluebutton/api/}, e.g. {@code getMeetingInfo}
     */
    public ApiResponse handle(HttpFront.Request http, String callName) {
        state.maybeTick();
        if (callName.equals("hooks/ping")) {
            return new ApiResponse(200, "text/plain;charset=utf-8", null,
                    "bbb-webhooks API up!".getBytes(StandardCharsets.UTF_8));
        }
        Route route = routes.get(callName);
        if (route == null) {
            return ApiResponse.html(404, "404 Not Found");
        }
        String method = http.method().equals("HEAD") ? "GET" : http.method();
        if (!route.methods().contains(method)) {
            return ApiResponse.html(405, "405 Method Not Allowed");
        }
        ApiRequest request = ApiRequest.of(http, callName);
        ChecksumJudge.Verdict verdict = judge.judge(callName, http.rawQuery(), request.params());
        if (callName.equals("join")) {
            return join.join(request, verdict);
        }
        if (verdict == ChecksumJudge.Verdict.MISSING) {
            return ApiResponse.error("checksumError", route.checksumMessage().startsWith("Checksums")
                    ? "You must provide the checksum" : route.checksumMessage());
        }
        if (verdict == ChecksumJudge.Verdict.MISMATCH) {
            return ApiResponse.error("checksumError", route.checksumMessage());
        }
        if (request.hasBody() && !route.bodyTypes().isEmpty() && !route.bodyTypes().contains(request.mimeType())) {
            return ApiResponse.error("unsupportedContentType", "POST request Content-Type is missing or unsupported");
        }
        return route.handler().apply(request);
    }
}
