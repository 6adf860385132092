// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.gateway.config.TenantRouting;
import de.hessen.schulportal.bbb.portal.audit.AuditEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's only Jetty handler: routes by path, bounds concurrency, bodies and their memory,
 * checks checksums, answers, counts and writes one audit line per request.
 *
 * <p>Routes on the public connector: {@code /bigbluebutton/api/[call]} (also under a
 * {@code /t/<tenant>} prefix), the token routes ({@code /gateway/callback/recording-ready/<token>},
 * {@code /gateway/callback/analytics/<token>}; add more with {@link #tokenRoute}), {@code
 * /gateway/logout/<token>}, {@code /health}, {@code /health/live} (liveness). On the management
 * connector: {@code /metrics}, readiness {@code /health/ready} (it checks the backends, so it is not
 * offered to the public) and liveness.
 *
 * <p><b>Nothing is read before it is authenticated</b> (issue 19 §2): an API call's checksum (it is in
 * the query) and a callback's token (it is in the path) are checked before the body is read; a body is
 * read without holding a thread, inside the API permits, within its route's size limit, the memory
 * budget for bodies in flight and a total deadline.
 *
 * <p>The audit line carries the call, the tenant ID, the outcome, the status, the duration and at
 * most the keyed meeting pseudonym: never a name, user ID, query, URL, checksum or secret. Health and
 * metrics scrapes are not audited.
 */
public final class GatewayHandler extends Handler.Abstract {
    private static final Logger AUDIT = LoggerFactory.getLogger("de.hessen.schulportal.bbb.gateway.audit");
    private static final String API = "/bigbluebutton/api";
    private static final String TENANT = "/t/";
    private static final String LOGOUT = "/gateway/logout/";
    private static final String SLIDES = "/gateway/slides/";
    /**
     * The body limit of recording-ready: BigBlueButton's {@code post_publish} script and Scalelite send
     * {@code signed_parameters=<JWT of meeting_id and record_id>}, a few hundred bytes.
     */
    public static final int RECORDING_READY_BODY_BYTES = 16 * 1024;
    private static final int AUDIT_MEETINGS = 8;
    private static final int AUDIT_VALUE_CHARS = 128;

    /** Answers a token route once its token has opened and its body is read. */
    @FunctionalInterface
    public interface TokenCall {
        /**
         * The answer.
         *
         * @param opened the token from the path, opened once for the route's purpose: its tenant and value
         * @param request the request (headers)
         * @param body the body, within the route's limit
         * @return the answer
         */
        Answer answer(Sealer.Opened opened, Request request, byte[] body);
    }

    private static final class TokenRoute {
        final String prefix;
        final String kind;
        final String method;
        final Sealer.Purpose purpose;
        final int bodyLimit;
        final TokenCall call;

        TokenRoute(String prefix, String kind, String method, Sealer.Purpose purpose, int bodyLimit, TokenCall call) {
            this.prefix = prefix;
            this.kind = kind;
            this.method = method;
            this.purpose = purpose;
            this.bodyLimit = bodyLimit;
            this.call = call;
        }
    }

    /** What the audit line says about a request beyond its answer. */
    private static final class Audit {
        String call = "-";
        String tenant = "-";
        String meeting;
        boolean scrape;
    }

    /** A routed request: its answer now, or the body it needs first and what to do with it. */
    private static final class Step {
        final Answer answer;
        final int bodyLimit;
        final Function<byte[], Answer> withBody;
        final Runnable release;

        private Step(Answer answer, int bodyLimit, Function<byte[], Answer> withBody, Runnable release) {
            this.answer = answer;
            this.bodyLimit = bodyLimit;
            this.withBody = withBody;
            this.release = release;
        }

        static Step of(Answer answer) {
            return new Step(answer, 0, null, () -> { });
        }
    }

    private final ChecksumCheck checksums;
    private final ApiCalls calls;
    private final CallbackRelay relay;
    private final Privacy privacy;
    private final Metrics metrics;
    private final Readiness readiness;
    private final ConnectionGuard guard;
    private final Connector management;
    private final Semaphore permits;
    private final Semaphore bodyKib;
    private final int maxBodyBytes;
    private final long bodyTimeoutMillis;
    private final TenantRouting routing;
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private final List<TokenRoute> tokenRoutes = new ArrayList<>();
    private final SlideRelay slides;

    /**
     * A handler.
     *
     * @param checksums the checksum check over the tenants
     * @param calls the API calls
     * @param relay the callback relay
     * @param slides the slide relay ({@code /gateway/slides/<token>}: opens its token first, bounded by its own permits)
     * @param privacy the policy (tokens, the audit line's meeting reference)
     * @param metrics the metrics
     * @param readiness the backend check of {@code /health/ready}
     * @param guard the public connector's guard (request heads)
     * @param management the management connector (the only one serving {@code /metrics})
     * @param tenants the tenants, for routing by path or host
     * @param routing how tenants are routed
     * @param limits body limit and deadline
     * @param permits the API permits and the memory budget for bodies, shared across reloads
     */
    public GatewayHandler(ChecksumCheck checksums, ApiCalls calls, CallbackRelay relay, SlideRelay slides, Privacy privacy, Metrics metrics,
            Readiness readiness, ConnectionGuard guard, Connector management, List<Tenant> tenants, TenantRouting routing,
            GatewayLimits limits, Permits permits) {
        this.checksums = checksums;
        this.calls = calls;
        this.relay = relay;
        this.slides = slides;
        this.privacy = privacy;
        this.metrics = metrics;
        this.readiness = readiness;
        this.guard = guard;
        this.management = management;
        this.permits = permits.requests;
        this.bodyKib = permits.bodyKib;
        this.maxBodyBytes = limits.maxBodyBytes();
        this.bodyTimeoutMillis = limits.bodyTimeout().toMillis();
        this.routing = Objects.requireNonNull(routing, "routing");
        tenants.forEach(t -> this.tenants.put(t.id(), t));
        tokenRoute("/gateway/callback/recording-ready/", "recording_ready", "POST", Sealer.Purpose.RECORDING_READY,
                Math.min(RECORDING_READY_BODY_BYTES, maxBodyBytes), (opened, request, body) -> relay.recordingReady(opened, body));
        tokenRoute("/gateway/callback/analytics/", "analytics", "POST", Sealer.Purpose.ANALYTICS, maxBodyBytes,
                (opened, request, body) -> relay.analytics(opened, request.getHeaders().get(HttpHeader.AUTHORIZATION), body));
    }

    /**
     * Adds a route whose path ends in a sealed token: the token is opened for {@code purpose} before
     * anything else; a token that does not open is answered 401 and counted as {@code dropped_forged}
     * without reading the body. Then a permit is taken and the body (at most {@code bodyLimit} bytes,
     * 0 for none) read. Call before the server starts.
     *
     * @param prefix the path before the token, ending in {@code /}
     * @param kind the name in metrics and the audit line
     * @param method the HTTP method
     * @param purpose what the token must have been sealed for
     * @param bodyLimit the largest body accepted, in bytes
     * @param call the answer
     */
    public void tokenRoute(String prefix, String kind, String method, Sealer.Purpose purpose, int bodyLimit, TokenCall call) {
        tokenRoutes.add(new TokenRoute(prefix, kind, method, purpose, bodyLimit, call));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        Connection connection = request.getConnectionMetaData().getConnection();
        guard.requestStarted(connection);
        Callback done = Callback.from(() -> {
            guard.requestEnded(connection);
            callback.succeeded();
        }, x -> {
            guard.requestEnded(connection);
            callback.failed(x);
        });
        Audit audit = new Audit();
        Step step;
        try {
            step = route(request, audit);
        } catch (RuntimeException e) {
            step = Step.of(internalError(audit));
        }
        if (step.withBody == null) {
            finish(response, done, step.answer, audit, start, hasBody(request));
        } else {
            readBody(request, response, done, step, audit, start);
        }
        return true;
    }

    private Answer internalError(Audit audit) {
        audit.call = audit.call.equals("-") ? "internal" : audit.call;
        return Answer.failed(500, "error", "internalError", "The gateway could not handle the request");
    }

    private Step route(Request request, Audit audit) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path.equals("/health") || path.equals("/health/live")) {
            audit.call = "health";
            audit.scrape = true;
            return Step.of(Answer.plain(200, "application/json", "{\"status\":\"UP\"}", "success"));
        }
        if (request.getConnectionMetaData().getConnector() == management) {
            if (path.equals("/health/ready")) {
                audit.call = "health";
                audit.scrape = true;
                return Step.of(readiness.answer());
            }
            if (path.equals("/metrics")) {
                audit.call = "metrics";
                audit.scrape = true;
                return Step.of(Answer.plain(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render(), "success"));
            }
            return Step.of(notFound(audit));
        }
        if (path.startsWith(LOGOUT)) {
            audit.call = "logout";
            return Step.of(relay.logout(path.substring(LOGOUT.length()), request.getHeaders().getValuesList(HttpHeader.COOKIE)));
        }
        if (path.startsWith(SLIDES) && method.equals("GET")) {
            audit.call = "slide";
            return Step.of(slides.fetch(path.substring(SLIDES.length())));
        }
        for (TokenRoute r : tokenRoutes) {
            if (path.startsWith(r.prefix) && method.equals(r.method)) {
                return tokenStep(request, r, path.substring(r.prefix.length()), audit);
            }
        }
        if (path.startsWith(TENANT)) {
            int slash = path.indexOf('/', TENANT.length());
            if (slash < 0 || !path.startsWith(API, slash)) {
                return Step.of(notFound(audit));
            }
            String id = path.substring(TENANT.length(), slash);
            return apiRoute(request, path.substring(slash), audit, tenants.get(id), true);
        }
        if (path.equals(API) || path.startsWith(API + '/')) {
            String host = request.getHttpURI().getHost();
            String suffix = routing.hostSuffix().orElse(null);
            if (suffix != null && host != null) {
                String h = host.toLowerCase(Locale.ROOT);
                if (h.endsWith(suffix) && h.length() > suffix.length()) {
                    return apiRoute(request, path, audit, tenants.get(h.substring(0, h.length() - suffix.length())), true);
                }
            }
            return apiRoute(request, path, audit, null, routing.isRequired());
        }
        return Step.of(notFound(audit));
    }

    private static Answer notFound(Audit audit) {
        audit.call = "other";
        return Answer.plain(404, "text/plain;charset=utf-8", "not found\n", "not_found");
    }

    /** A token route: the token opens before anything is read, then a permit, then the body. */
    private Step tokenStep(Request request, TokenRoute route, String token, Audit audit) {
        audit.call = route.kind;
        Sealer.Opened opened = privacy.sealer().openPathToken(route.purpose, token).orElse(null);
        if (opened == null) {
            metrics.callback(route.kind, "dropped_forged");
            return Step.of(Answer.plain(401, "text/plain;charset=utf-8", "callback rejected\n", "dropped_forged"));
        }
        if (!permits.tryAcquire()) {
            return Step.of(overload());
        }
        Runnable release = once(permits::release);
        if (route.bodyLimit <= 0) {
            try {
                return Step.of(route.call.answer(opened, request, new byte[0]));
            } finally {
                release.run();
            }
        }
        return new Step(null, route.bodyLimit, body -> route.call.answer(opened, request, body), release);
    }

    private Step apiRoute(Request request, String path, Audit audit, Tenant routed, boolean routeRequired) {
        if (path.equals(API) || path.equals(API + '/')) {
            audit.call = "version";
            return Step.of(Answer.success(Xml.response("SUCCESS").el("version", "2.0").el("apiVersion", "2.0").finish()));
        }
        String call = path.substring(API.length() + 1);
        audit.call = ApiCalls.CALLS.contains(call) ? call : "other";
        Step step = apiStep(request, call, audit, routed, routeRequired);
        if (step.withBody == null) {
            metrics.request(audit.call, step.answer.outcome());
            return step;
        }
        return new Step(null, step.bodyLimit, body -> {
            Answer a = step.withBody.apply(body);
            metrics.request(audit.call, a.outcome());
            return a;
        }, step.release);
    }

    private Step apiStep(Request request, String call, Audit audit, Tenant routed, boolean routeRequired) {
        if (!ApiCalls.CALLS.contains(call)) {
            metrics.rejection("unsupported");
            return Step.of(Answer.failed("unsupported", "unsupportedRequest", "This request is not supported."));
        }
        if (!permits.tryAcquire()) {
            return Step.of(overload());
        }
        Runnable release = once(permits::release);
        boolean handedOver = false;
        try {
            String rawQuery = request.getHttpURI().getQuery();
            if (Query.invalidCharacter(rawQuery) >= 0) {
                metrics.rejection("malformed");
                return Step.of(Answer.failed(400, "malformed", "validationError",
                        "The query string contains a character that must be percent-encoded (RFC 3986)."));
            }
            if (request.getMethod().equals("POST") && isForm(request)) {
                // bbb-web also reads parameters and checksum from a form body; Moodle never sends one.
                metrics.rejection("malformed");
                return Step.of(Answer.failed("malformed", "validationError",
                        "Parameters and checksum are read from the query string only; a form body is not accepted."));
            }
            Map<String, String> params;
            try {
                params = Query.parse(rawQuery);
            } catch (IllegalArgumentException e) {
                metrics.rejection("malformed");
                return Step.of(Answer.failed("malformed", "validationError", "The query string is not valid: " + e.getMessage()));
            }
            ChecksumCheck.Result verified;
            if (routed != null) {
                verified = checksums.verifyFor(call, rawQuery, params, routed);
            } else if (routeRequired) {
                // An unknown tenant in the path or host, or no tenant where one is required: refused without hashing.
                verified = ChecksumCheck.unknownTenant();
            } else {
                verified = checksums.verify(call, rawQuery, params);
            }
            Tenant tenant = verified.tenant();
            if (tenant == null) {
                metrics.rejection("checksum");
                return Step.of(Answer.failed("checksum_error", "checksumError", verified.message()));
            }
            audit.tenant = tenant.id();
            audit.meeting = meetingRefs(tenant, params.get("meetingID"));
            if (call.equals("create") && request.getMethod().equals("POST")) {
                handedOver = true;
                return new Step(null, maxBodyBytes, body -> calls.answer(verified, call, params, body), release);
            }
            return Step.of(calls.answer(verified, call, params, new byte[0]));
        } finally {
            if (!handedOver) {
                release.run();
            }
        }
    }

    private static boolean isForm(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * The audit line's keyed pseudonyms of the meeting IDs: getRecordings takes a comma-separated
     * list (the first few are audited, then the count); an ID the adapter's room model refuses (e.g.
     * longer than 256 characters) is audited as {@code invalid} and left to the call to answer as
     * BigBlueButton does.
     */
    private String meetingRefs(Tenant tenant, String meetingIds) {
        if (meetingIds == null || meetingIds.isEmpty()) {
            return null;
        }
        // The audit line takes machine values of at most 128 characters ([A-Za-z0-9._:-], AuditEvent): the
        // references are joined by ':' as long as they fit, the rest counted.
        String[] ids = meetingIds.split(",", -1);
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < ids.length && i < AUDIT_MEETINGS; i++) {
            String ref = meetingRef(tenant, ids[i].strip());
            if (sb.length() + 1 + ref.length() > AUDIT_VALUE_CHARS - 12) {
                break;
            }
            sb.append(i == 0 ? "" : ":").append(ref);
            shown++;
        }
        if (ids.length > shown) {
            sb.append(shown == 0 ? "" : ":").append(ids.length - shown).append("-more");
        }
        return sb.toString();
    }

    private String meetingRef(Tenant tenant, String id) {
        try {
            return id.isEmpty() ? "-" : privacy.meetingRef(tenant, id);
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }

    private Answer overload() {
        metrics.rejection("overload");
        return Answer.failed(503, "overload", "tooManyRequests",
                "The gateway is handling too many requests at once; try again in a moment.");
    }

    private Answer tooLarge() {
        metrics.rejection("too_large");
        return Answer.failed(413, "too_large", "requestTooLarge", "The request body is larger than the gateway accepts.");
    }

    private static Runnable once(Runnable r) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                r.run();
            }
        };
    }

    /**
     * Reads the body without holding a thread: within the route's limit (a declared length over it is
     * refused before reading), within the memory budget for bodies in flight (reserved up front, the
     * declared length or the limit), and within a total deadline after which the connection is closed.
     */
    private void readBody(Request request, Response response, Callback done, Step step, Audit audit, long start) {
        long declared = request.getLength();
        if (declared > step.bodyLimit) {
            step.release.run();
            finish(response, done, tooLarge(), audit, start, true);
            return;
        }
        int kib = (int) (((declared >= 0 ? declared : step.bodyLimit) + 1023) / 1024);
        if (!bodyKib.tryAcquire(kib)) {
            step.release.run();
            finish(response, done, overload(), audit, start, true);
            return;
        }
        Runnable releaseBudget = once(() -> bodyKib.release(kib));
        AtomicBoolean timedOut = new AtomicBoolean();
        Scheduler.Task deadline = getServer().getScheduler().schedule(() -> {
            timedOut.set(true);
            metrics.rejection("body_timeout");
            // Permit and budget come back before the client sees the close.
            releaseBudget.run();
            step.release.run();
            request.getConnectionMetaData().getConnection().getEndPoint().close();
        }, bodyTimeoutMillis, TimeUnit.MILLISECONDS);
        // BLOCKING: Jetty runs the answer (which may call the backend) on a pool thread, never a selector.
        Content.Source.asByteArrayAsync(request, step.bodyLimit, Promise.Invocable.from(Invocable.InvocationType.BLOCKING, (body, failure) -> {
            deadline.cancel();
            Answer answer;
            boolean unread = false;
            try {
                if (failure == null) {
                    answer = step.withBody.apply(body);
                } else if (timedOut.get() || !request.getConnectionMetaData().getConnection().getEndPoint().isOpen()) {
                    // A quiet failure: Jetty logs any other at WARN with the request URI, checksum included.
                    done.failed(new EofException(failure));
                    return;
                } else {
                    answer = tooLarge();
                    unread = true;
                }
            } catch (RuntimeException e) {
                answer = internalError(audit);
            } finally {
                releaseBudget.run();
                step.release.run();
            }
            finish(response, done, answer, audit, start, unread);
        }));
    }

    /** Whether the request announces a body (a length above 0, or chunked). */
    private static boolean hasBody(Request request) {
        return request.getLength() != 0 && (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    /**
     * Writes the answer and the audit line. {@code close}: the body was not read, so the connection is
     * closed after the answer ({@code Connection: close}) and no client reuses it with unread bytes in it.
     */
    private void finish(Response response, Callback done, Answer answer, Audit audit, long start, boolean close) {
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        write(response, answer, done);
        if (audit.scrape) {
            return;
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        // The adapter's audit shape (event=… key=value, machine values only), so one parser reads both trails.
        // A callback the relay dropped (forged or invalid) is a decision of its own for the trail.
        String event = answer.outcome().startsWith("dropped_") ? AuditEvent.CALLBACK_REFUSED : "request";
        AuditEvent.Builder line = AuditEvent.builder(event, Instant.now()).field("call", audit.call)
                .field("tenant", audit.tenant).field("outcome", answer.outcome()).field("status", answer.status())
                .field("tookMs", tookMs);
        if (audit.meeting != null) {
            line.field("meeting", audit.meeting);
        }
        AUDIT.info(line.build().toLine());
    }

    private static void write(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        if (answer.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        answer.headers().forEach(h -> response.getHeaders().add(h.getKey(), h.getValue()));
        if (answer.writer() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            // Blocking writes on this handler thread (slides, bounded by the slide relay's permits); a failure
            // mid-way aborts the response.
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                answer.writer().writeTo(out);
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
                return;
            }
            callback.succeeded();
        } else if (answer.location() != null) {
            response.getHeaders().put(HttpHeader.LOCATION, answer.location());
            response.write(true, null, callback);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            Content.Sink.write(response, true, answer.body(), callback);
        }
    }
}
