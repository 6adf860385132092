// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's only Jetty handler: routes by path, bounds concurrency and body sizes, checks
 * checksums, answers, counts and writes one audit line per request.
 *
 * <p>Routes: {@code /bigbluebutton/api/[call]}, {@code /gateway/callback/recording-ready/<token>},
 * {@code /gateway/callback/analytics/<token>}, {@code /gateway/logout/<token>},
 * {@code /gateway/slides/<token>} (BigBlueButton fetching a presentation), {@code /health},
 * {@code /metrics}.
 *
 * <p>The audit line carries the call, the tenant ID, the outcome, the status, the duration and at
 * most the keyed meeting pseudonym: never a name, user ID, query, URL, checksum or secret.
 */
public final class GatewayHandler extends Handler.Abstract {
    private static final Logger AUDIT = LoggerFactory.getLogger("de.hessen.schulportal.bbb.gateway.audit");
    private static final String API = "/bigbluebutton/api";
    private static final String RECORDING_READY = "/gateway/callback/recording-ready/";
    private static final String ANALYTICS = "/gateway/callback/analytics/";
    private static final String LOGOUT = "/gateway/logout/";
    private static final String SLIDES = "/gateway/slides/";

    private final ChecksumCheck checksums;
    private final ApiCalls calls;
    private final CallbackRelay relay;
    private final SlideRelay slides;
    private final Privacy privacy;
    private final Metrics metrics;
    private final Semaphore permits;
    private final int maxBodyBytes;

    /**
     * A handler.
     *
     * @param checksums the checksum check over the tenants
     * @param calls the API calls
     * @param relay the callback relay
     * @param slides the slide relay ({@code /gateway/slides/<token>}, bounded by its own permits)
     * @param privacy the policy (for the audit line's meeting reference)
     * @param metrics the metrics
     * @param maxConcurrent API calls handled at once
     * @param maxBodyBytes the body limit
     */
    public GatewayHandler(ChecksumCheck checksums, ApiCalls calls, CallbackRelay relay, SlideRelay slides, Privacy privacy,
            Metrics metrics, int maxConcurrent, int maxBodyBytes) {
        this.checksums = checksums;
        this.calls = calls;
        this.relay = relay;
        this.slides = slides;
        this.privacy = privacy;
        this.metrics = metrics;
        this.permits = new Semaphore(maxConcurrent);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** What the audit line says about a request beyond its answer. */
    private static final class Audit {
        String call = "-";
        String tenant = "-";
        String meeting;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        Audit audit = new Audit();
        Answer answer;
        try {
            answer = route(request, audit);
        } catch (RuntimeException e) {
            audit.call = audit.call.equals("-") ? "internal" : audit.call;
            answer = Answer.failed(500, "error", "internalError", "The gateway could not handle the request");
        }
        write(response, answer, callback);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        if (audit.meeting == null) {
            AUDIT.info("call={} tenant={} outcome={} status={} tookMs={}", audit.call, audit.tenant, answer.outcome(),
                    answer.status(), tookMs);
        } else {
            AUDIT.info("call={} tenant={} outcome={} status={} tookMs={} meeting={}", audit.call, audit.tenant,
                    answer.outcome(), answer.status(), tookMs, audit.meeting);
        }
        return true;
    }

    private Answer route(Request request, Audit audit) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path.equals("/health")) {
            audit.call = "health";
            return Answer.plain(200, "application/json", "{\"status\":\"UP\"}", "success");
        }
        if (path.equals("/metrics")) {
            audit.call = "metrics";
            return Answer.plain(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render(), "success");
        }
        if (path.startsWith(LOGOUT)) {
            audit.call = "logout";
            return relay.logout(path.substring(LOGOUT.length()));
        }
        if (path.startsWith(SLIDES) && method.equals("GET")) {
            audit.call = "slide";
            return slides.fetch(path.substring(SLIDES.length()));
        }
        if (path.startsWith(RECORDING_READY) && method.equals("POST")) {
            audit.call = "recording_ready";
            byte[] body = body(request);
            return body == null ? tooLarge() : relay.recordingReady(path.substring(RECORDING_READY.length()), body);
        }
        if (path.startsWith(ANALYTICS) && method.equals("POST")) {
            audit.call = "analytics";
            byte[] body = body(request);
            return body == null ? tooLarge()
                    : relay.analytics(path.substring(ANALYTICS.length()), request.getHeaders().get(HttpHeader.AUTHORIZATION), body);
        }
        if (path.equals(API) || path.equals(API + '/')) {
            audit.call = "version";
            return Answer.success(Xml.response("SUCCESS").el("version", "2.0").el("apiVersion", "2.0").finish());
        }
        if (path.startsWith(API + '/')) {
            return api(request, path.substring(API.length() + 1), audit);
        }
        audit.call = "other";
        return Answer.plain(404, "text/plain;charset=utf-8", "not found\n", "not_found");
    }

    private Answer api(Request request, String call, Audit audit) {
        audit.call = ApiCalls.CALLS.contains(call) ? call : "other";
        Answer answer = apiAnswer(request, call, audit);
        metrics.request(audit.call, answer.outcome());
        return answer;
    }

    private Answer apiAnswer(Request request, String call, Audit audit) {
        if (!ApiCalls.CALLS.contains(call)) {
            metrics.rejection("unsupported");
            return Answer.failed("unsupported", "unsupportedRequest", "This request is not supported.");
        }
        if (!permits.tryAcquire()) {
            metrics.rejection("overload");
            return Answer.failed(503, "overload", "tooManyRequests",
                    "The gateway is handling too many requests at once; try again in a moment.");
        }
        try {
            String rawQuery = request.getHttpURI().getQuery();
            Map<String, String> params;
            try {
                params = Query.parse(rawQuery);
            } catch (IllegalArgumentException e) {
                metrics.rejection("malformed");
                return Answer.failed("malformed", "validationError", "The query string is not valid: " + e.getMessage());
            }
            ChecksumCheck.Result verified = checksums.verify(call, rawQuery, params);
            Tenant tenant = verified.tenant();
            if (tenant == null) {
                metrics.rejection("checksum");
                return Answer.failed("checksum_error", "checksumError", verified.message());
            }
            audit.tenant = tenant.id();
            String meetingId = params.get("meetingID");
            if (meetingId != null && !meetingId.isEmpty()) {
                audit.meeting = privacy.meetingRef(tenant, meetingId);
            }
            byte[] body = new byte[0];
            if (call.equals("create") && request.getMethod().equals("POST")) {
                body = body(request);
                if (body == null) {
                    return tooLarge();
                }
            }
            return calls.answer(tenant, call, params, body);
        } finally {
            permits.release();
        }
    }

    private Answer tooLarge() {
        metrics.rejection("too_large");
        return Answer.failed(413, "too_large", "requestTooLarge", "The request body is larger than the gateway accepts.");
    }

    /** The body, or {@code null} if it is larger than the limit. */
    private byte[] body(Request request) {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            return null;
        }
        // Reads at most one byte past the limit, so a chunked body cannot make the gateway store more.
        try (java.io.InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            return bytes.length > maxBodyBytes ? null : bytes;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void write(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        if (answer.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        if (answer.bytesBody() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            response.write(true, java.nio.ByteBuffer.wrap(answer.bytesBody()), callback);
        } else if (answer.location() != null) {
            response.getHeaders().put(HttpHeader.LOCATION, answer.location());
            response.write(true, null, callback);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            Content.Sink.write(response, true, answer.body(), callback);
        }
    }
}
