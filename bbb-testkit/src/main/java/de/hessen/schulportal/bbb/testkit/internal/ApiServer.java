package de.hessen.schulportal.bbb.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP front: binds to loopback, applies the fault knobs, enforces Tomcat's rule on raw
 * characters, judges checksums and routes each call to its handler.
 */
public final class ApiServer implements AutoCloseable {
    private static final String API = "/bigbluebutton/api";
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final String TOMCAT_REJECTED = "[]{}|\\^<>\" ";
    static final String CHECKSUM_LEGACY = "You did not pass the checksum security check";

    static {
        // The JDK server writes response headers and body separately; with Nagle's algorithm on,
        // every keep-alive response then waits for the client's delayed ACK (about 40 ms). The
        // property is read once, when the JDK server classes initialise, and only if not set.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private record Route(Set<String> methods, Set<String> bodyTypes, String checksumMessage,
                         Function<ApiRequest, ApiResponse> handler) {
    }

    private static final Set<String> FORM = Set.of("application/x-www-form-urlencoded", "multipart/form-data");
    private static final Set<String> ANY_TYPE = Set.of();

    private final SimState state;
    private final FaultState faults;
    private final ChecksumJudge judge;
    private final RequestLog log;
    private final Map<String, Route> routes = new HashMap<>();
    private final JoinHandler join;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scheduler;
    private final Set<HttpExchange> hanging = ConcurrentHashMap.newKeySet();

    public ApiServer(SimState state, FaultState faults, RequestLog log, int port) throws IOException {
        this.state = state;
        this.faults = faults;
        this.log = log;
        this.judge = new ChecksumJudge(state.config.secrets(), state.config.algorithms());
        MeetingHandler meetings = new MeetingHandler(state);
        RecordingHandler recordings = new RecordingHandler(state);
        HookHandler hooks = new HookHandler(state);
        this.join = new JoinHandler(state);
        Set<String> getPost = Set.of("GET", "POST");
        Set<String> get = Set.of("GET");
        Set<String> post = Set.of("POST");
        String strict = "Checksums do not match";
        routes.put("create", new Route(getPost, Set.of("application/x-www-form-urlencoded", "multipart/form-data",
                "application/xml", "text/xml"), strict, meetings::create));
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
        routes.put("getRecordingTextTracks", new Route(getPost, FORM, CHECKSUM_LEGACY, recordings::getRecordingTextTracks));
        routes.put("putRecordingTextTrack", new Route(post, ANY_TYPE, CHECKSUM_LEGACY, recordings::putRecordingTextTrack));
        routes.put("hooks/create", new Route(get, ANY_TYPE, CHECKSUM_LEGACY + ".", hooks::create));
        routes.put("hooks/destroy", new Route(get, ANY_TYPE, CHECKSUM_LEGACY + ".", hooks::destroy));
        routes.put("hooks/list", new Route(get, ANY_TYPE, CHECKSUM_LEGACY + ".", hooks::list));

        int threads = Math.max(8, Math.min(32, Runtime.getRuntime().availableProcessors() * 4));
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "bbb-simulator-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bbb-simulator-clock");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        faults.onRelease(this::releaseHanging);
    }

    /** Starts serving; also starts the periodic check for due time-based work. */
    public void start() {
        server.start();
        state.serverUrl = "http://127.0.0.1:" + port() + "/";
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                state.maybeTick();
            } catch (RuntimeException e) {
                // keep ticking; one failed tick must not stop time
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String callName = path.startsWith(API + "/") && path.length() > API.length() + 1
                ? path.substring(API.length() + 1) : null;
        log.add(new RequestLog.Entry(exchange.getRequestMethod(), path, callName, rawQuery, state.now()));
        if (faults.closeConnections()) {
            exchange.close(); // no response headers were sent, so this drops the connection
            return;
        }
        if (faults.hang()) {
            hanging.add(exchange);
            return;
        }
        long latency = faults.latencyMs();
        if (latency > 0) {
            scheduler.schedule(() -> workers.execute(() -> respond(exchange, path, callName, rawQuery)),
                    latency, TimeUnit.MILLISECONDS);
            return;
        }
        respond(exchange, path, callName, rawQuery);
    }

    private void respond(HttpExchange exchange, String path, String callName, String rawQuery) {
        ApiResponse response;
        try {
            int forced = faults.forcedStatus();
            if (forced > 0) {
                response = ApiResponse.html(forced, forced + " Simulated failure");
            } else if (faults.drawFailure()) {
                response = ApiResponse.html(503, "503 Service Unavailable");
            } else if (rejectedByTomcat(path) || (rawQuery != null && rejectedByTomcat(rawQuery))) {
                response = ApiResponse.html(400, "HTTP Status 400 – Bad Request");
            } else {
                response = route(exchange, path, callName, rawQuery);
            }
        } catch (Exception e) {
            response = ApiResponse.html(500, "500 Internal Server Error");
        }
        send(exchange, response);
    }

    /** Tomcat refuses raw bytes above 0x7F and these characters in the request target. */
    static boolean rejectedByTomcat(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == 0x7f || TOMCAT_REJECTED.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private ApiResponse route(HttpExchange exchange, String path, String callName, String rawQuery) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals(API) || path.equals(API + "/") || path.equals("/bigbluebutton/") || path.equals("/bigbluebutton")) {
            return ApiResponse.xml(Xml.response("SUCCESS").element("version", "2.0").element("apiVersion", "2.0")
                    .element("bbbVersion", "")
                    .element("graphqlWebsocketUrl", "ws://127.0.0.1:" + port() + "/graphql")
                    .element("graphqlApiUrl", state.serverUrl + "api/rest").finish());
        }
        if (path.startsWith("/html5client/") || path.startsWith("/playback/") || path.startsWith("/presentation/")) {
            return ApiResponse.html(200, "BigBlueButton simulator");
        }
        if (callName == null) {
            return ApiResponse.html(404, "404 Not Found");
        }
        state.maybeTick();
        if (callName.equals("hooks/ping")) {
            return new ApiResponse(200, "text/plain;charset=utf-8", null,
                    "bbb-webhooks API up!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Route route = routes.get(callName);
        boolean isJoin = callName.equals("join");
        if (route == null && !isJoin) {
            return ApiResponse.html(404, "404 Not Found");
        }
        Set<String> methods = isJoin ? Set.of("GET") : route.methods();
        if (!methods.contains(method)) {
            return ApiResponse.html(405, "405 Method Not Allowed");
        }
        byte[] body = readBody(exchange);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Params params = Params.parse(rawQuery);
        ApiRequest request = new ApiRequest(method, callName, rawQuery, params, contentType, body);
        if (body.length > 0 && "application/x-www-form-urlencoded".equals(request.mimeType())) {
            params.addAll(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        ChecksumJudge.Verdict verdict = judge.judge(callName, rawQuery, params);
        if (isJoin) {
            return join.join(request, verdict);
        }
        if (verdict == ChecksumJudge.Verdict.MISSING) {
            return ApiResponse.error("checksumError", route.checksumMessage().startsWith("Checksums")
                    ? "You must provide the checksum" : route.checksumMessage());
        }
        if (verdict == ChecksumJudge.Verdict.MISMATCH) {
            return ApiResponse.error("checksumError", route.checksumMessage());
        }
        if (body.length > 0 && !route.bodyTypes().isEmpty() && !route.bodyTypes().contains(request.mimeType())) {
            return ApiResponse.error("unsupportedContentType", "POST request Content-Type is missing or unsupported");
        }
        return route.handler().apply(request);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("body larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) {
        try {
            // Drain an unread body so keep-alive connections stay usable; it may be closed already.
            exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            // already consumed
        }
        try {
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            exchange.close();
        }
    }

    private void releaseHanging() {
        for (HttpExchange e : hanging) {
            hanging.remove(e);
            e.close();
        }
    }

    @Override
    public void close() {
        releaseHanging();
        server.stop(0);
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
