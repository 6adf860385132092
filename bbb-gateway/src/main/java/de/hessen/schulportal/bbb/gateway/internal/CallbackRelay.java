// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.callback.AnalyticsCallback;
import de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException;
import de.hessen.schulportal.bbb.client.callback.JwtAlgorithm;
import de.hessen.schulportal.bbb.client.callback.RecordingReady;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries BigBlueButton's callbacks to the client. The backend calls the gateway URL that replaced
 * the client's; the gateway opens the sealed token (tenant and client URL), verifies the backend's
 * JWT with the backend secret (bbb-client's verifiers), maps the meeting ID back, signs a new JWT
 * with the client's secret and POSTs it to the client's URL: bounded timeout, no redirects
 * followed. Forged, damaged or expired callbacks are dropped and counted; nothing is retried (the
 * backend does not retry either, and the client answers the backend's status through the gateway).
 *
 * <p>Thread-safe.
 */
public final class CallbackRelay {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ANALYTICS_VALIDITY = Duration.ofHours(24);

    private final Privacy privacy;
    private final Map<String, Tenant> tenants = new HashMap<>();
    private final Map<String, RecordingReadyVerifier> recordingVerifiers = new HashMap<>();
    private final Map<String, AnalyticsCallbackVerifier> analyticsVerifiers = new HashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final Metrics metrics;
    private final Clock clock;

    /**
     * A relay.
     *
     * @param privacy the policy (callback tokens, meeting-ID mapping)
     * @param tenants the tenants
     * @param http the client for deliveries; it must not follow redirects
     * @param timeout the delivery timeout
     * @param metrics the metrics
     * @param clock the clock for JWT expiry
     */
    public CallbackRelay(Privacy privacy, List<Tenant> tenants, HttpClient http, Duration timeout, Metrics metrics, Clock clock) {
        this.privacy = privacy;
        this.http = http;
        this.timeout = timeout;
        this.metrics = metrics;
        this.clock = clock;
        for (Tenant t : tenants) {
            this.tenants.put(t.id(), t);
            recordingVerifiers.put(t.id(), RecordingReadyVerifier.builder().secrets(t.backendSecret())
                    .allowedAlgorithms(JwtAlgorithm.HS256, JwtAlgorithm.HS512).clock(clock).build());
            analyticsVerifiers.put(t.id(), AnalyticsCallbackVerifier.builder().secrets(t.backendSecret()).clock(clock).build());
        }
    }

    private Optional<Map.Entry<Tenant, String>> open(Sealer.Purpose purpose, String token) {
        return privacy.sealer().openPathToken(purpose, token)
                .filter(s -> tenants.containsKey(s.tenantId()))
                .map(s -> Map.entry(tenants.get(s.tenantId()), s.value()));
    }

    /**
     * Relays a recording-ready callback.
     *
     * @param token the token from the path
     * @param body the form body ({@code signed_parameters=<JWT>})
     * @return the answer for the backend: the client's status, or 401 when dropped, 502 when undeliverable
     */
    public Answer recordingReady(String token, byte[] body) {
        String kind = "recording_ready";
        Optional<Map.Entry<Tenant, String>> target = open(Sealer.Purpose.RECORDING_READY, token);
        if (target.isEmpty()) {
            return dropped(kind, "dropped_forged");
        }
        Tenant tenant = target.get().getKey();
        RecordingReady ready;
        try {
            ready = recordingVerifiers.get(tenant.id()).verifyFormBody(body);
        } catch (CallbackVerificationException e) {
            return dropped(kind, "dropped_invalid");
        }
        Optional<String> clientId = Privacy.clientMeetingId(tenant, ready.meetingId());
        if (clientId.isEmpty()) {
            return dropped(kind, "dropped_invalid");
        }
        ObjectNode claims = JSON.createObjectNode().put("meeting_id", clientId.get()).put("record_id", ready.recordId());
        String jwt = JwtSigner.sign("HS256", claims.toString(), tenant.clientSecret());
        return deliver(kind, target.get().getValue(), "application/x-www-form-urlencoded", null,
                "signed_parameters=" + URLEncoder.encode(jwt, StandardCharsets.UTF_8));
    }

    /**
     * Relays a learning-analytics callback.
     *
     * @param token the token from the path
     * @param authorization the {@code Authorization} header
     * @param body the JSON body
     * @return the answer for the backend
     */
    public Answer analytics(String token, String authorization, byte[] body) {
        String kind = "analytics";
        Optional<Map.Entry<Tenant, String>> target = open(Sealer.Purpose.ANALYTICS, token);
        if (target.isEmpty()) {
            return dropped(kind, "dropped_forged");
        }
        Tenant tenant = target.get().getKey();
        AnalyticsCallback data;
        JsonNode json;
        try {
            data = analyticsVerifiers.get(tenant.id()).verify(authorization, body);
            json = JSON.readTree(data.bodyJson());
        } catch (CallbackVerificationException | JacksonException e) {
            return dropped(kind, "dropped_invalid");
        }
        if (!(json instanceof ObjectNode)) {
            return dropped(kind, "dropped_invalid");
        }
        ObjectNode o = (ObjectNode) json;
        String clientMeetingId = null;
        for (String field : new String[] {"meeting_id", "meetingId"}) {
            if (o.has(field)) {
                Optional<String> clientId = Privacy.clientMeetingId(tenant, o.get(field).asString());
                if (clientId.isEmpty()) {
                    return dropped(kind, "dropped_invalid");
                }
                o.put(field, clientId.get());
                clientMeetingId = clientId.get();
            }
        }
        if (clientMeetingId == null) {
            return dropped(kind, "dropped_invalid");
        }
        int droppedUsers = mapUsers(tenant, clientMeetingId, o.get("data"));
        if (droppedUsers > 0) {
            metrics.callback(kind + "_attendee", "dropped_unknown");
        }
        Instant exp = data.expiresAt().orElse(clock.instant().plus(ANALYTICS_VALIDITY));
        ObjectNode claims = JSON.createObjectNode().put("exp", exp.getEpochSecond());
        String jwt = JwtSigner.sign("HS512", claims.toString(), tenant.clientSecret());
        return deliver(kind, target.get().getValue(), "application/json", "Bearer " + jwt, json.toString());
    }

    /**
     * Gives the client its own user IDs back in the analytics data, as Moodle reads them
     * ({@code mod_bigbluebuttonbn} {@code meeting::process_meeting_events} writes
     * {@code data.attendees[].ext_user_id} into a numeric column as the Moodle user ID): each
     * attendee's {@code ext_user_id} and each poll's {@code votes} key (bbb-record-core's
     * analytics callback keys votes by the external user ID) is opened; an attendee or vote whose
     * ID the gateway cannot open (a guest without ID, a user of a retired key, a forged entry) is
     * dropped and the rest delivered.
     *
     * @return how many entries were dropped
     */
    private int mapUsers(Tenant tenant, String clientMeetingId, JsonNode data) {
        if (!(data instanceof ObjectNode)) {
            return 0;
        }
        int dropped = 0;
        JsonNode attendees = data.get("attendees");
        if (attendees instanceof ArrayNode) {
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode a : attendees) {
                Optional<String> id = a instanceof ObjectNode && a.has("ext_user_id")
                        ? privacy.clientUserId(tenant, clientMeetingId, a.get("ext_user_id").asString()) : Optional.empty();
                if (id.isPresent()) {
                    ((ObjectNode) a).put("ext_user_id", id.get());
                    kept.add(a);
                } else {
                    dropped++;
                }
            }
            ((ObjectNode) data).set("attendees", kept);
        }
        JsonNode polls = data.get("polls");
        if (polls instanceof ArrayNode) {
            for (JsonNode poll : polls) {
                JsonNode votes = poll.get("votes");
                if (votes instanceof ObjectNode) {
                    ObjectNode mapped = JSON.createObjectNode();
                    for (Map.Entry<String, JsonNode> v : votes.properties()) {
                        Optional<String> id = privacy.clientUserId(tenant, clientMeetingId, v.getKey());
                        if (id.isPresent()) {
                            mapped.set(id.get(), v.getValue());
                        } else {
                            dropped++;
                        }
                    }
                    ((ObjectNode) poll).set("votes", mapped);
                }
            }
        }
        return dropped;
    }

    /**
     * Sends the browser on to the client's logout URL.
     *
     * @param token the token from the path
     * @return a redirect, or 404 for a token the gateway did not make
     */
    public Answer logout(String token) {
        return open(Sealer.Purpose.LOGOUT, token)
                .map(t -> Answer.redirect(t.getValue()))
                .orElseGet(() -> Answer.plain(404, "text/plain;charset=utf-8", "unknown logout link\n", "dropped_forged"));
    }

    private Answer dropped(String kind, String outcome) {
        metrics.callback(kind, outcome);
        return Answer.plain(401, "text/plain;charset=utf-8", "callback rejected\n", outcome);
    }

    private Answer deliver(String kind, String url, String contentType, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpRequest request = b.build();
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            String outcome = r.statusCode() / 100 == 2 ? "delivered" : "refused";
            metrics.callback(kind, outcome);
            return Answer.plain(r.statusCode(), "text/plain;charset=utf-8", "", outcome);
        } catch (IOException e) {
            metrics.callback(kind, "failed");
            return Answer.plain(502, "text/plain;charset=utf-8", "client unreachable\n", "failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.callback(kind, "failed");
            return Answer.plain(502, "text/plain;charset=utf-8", "interrupted\n", "failed");
        }
    }
}
