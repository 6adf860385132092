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
import java.util.function.Function;
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
 * followed, never to an internal address ({@link FetchTargets}). Forged, damaged or expired callbacks are dropped and counted; a delivery is not retried
 * (the backend does not retry either, and the client answers the backend's status through the
 * gateway), with the one exception below.
 *
 * <p><b>Which secret signs.</b> Moodle verifies a callback with the one secret it holds now
 * ({@code mod/bigbluebuttonbn/classes/broker.php}: {@code process_recording_ready} and
 * {@code process_meeting_events} decode the JWT with {@code config::get('shared_secret')} before
 * anything else and answer 400 when it does not verify). While a school changes that secret the tenant
 * holds two ({@link Tenant#previousClientSecret()}), and the gateway cannot know when Moodle switched.
 * So a callback is signed with the secret that verified its meeting's create (the callback token
 * carries its {@link Privacy#secretTag tag}), which Moodle held then, if the tenant still has it, else
 * with the current one. If that was the previous secret and Moodle refuses (400, 401 or 403: it has
 * switched since the create), the callback is sent once more, signed with the current secret: once at
 * most, and never after a 5xx or a failed connection. Moodle also answers 400 when a callback it
 * verified fails later, so a refusal is not always "before any effect"; but then Moodle verified the
 * previous secret, still holds it, and refuses the resend. A meeting created with the
 * current secret is signed with it alone: Moodle never goes back to an old secret.
 *
 * <p>Thread-safe.
 */
public final class CallbackRelay {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The longest an analytics Bearer token the gateway signs is valid: Moodle checks it the moment it
     * arrives (firebase/php-jwt {@code JWT::decode}: signature and {@code exp}, nothing else), so a
     * token captured on the way (a proxy's log) must not stay usable for the backend's full day.
     */
    static final Duration ANALYTICS_VALIDITY = Duration.ofMinutes(5);

    private final Privacy privacy;
    private final Map<String, Tenant> tenants = new HashMap<>();
    private final Map<String, RecordingReadyVerifier> recordingVerifiers = new HashMap<>();
    private final Map<String, AnalyticsCallbackVerifier> analyticsVerifiers = new HashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final Metrics metrics;
    private final Clock clock;
    private final FetchTargets targets;

    /**
     * A relay.
     *
     * @param privacy the policy (callback tokens, meeting-ID mapping)
     * @param tenants the tenants
     * @param http the client for deliveries; it must not follow redirects
     * @param timeout the delivery timeout
     * @param metrics the metrics
     * @param clock the clock for JWT expiry
     * @param targets the addresses a delivery may connect to (checked right before it connects)
     */
    public CallbackRelay(Privacy privacy, List<Tenant> tenants, HttpClient http, Duration timeout, Metrics metrics, Clock clock,
            FetchTargets targets) {
        this.privacy = privacy;
        this.http = http;
        this.timeout = timeout;
        this.metrics = metrics;
        this.clock = clock;
        this.targets = java.util.Objects.requireNonNull(targets, "targets");
        for (Tenant t : tenants) {
            this.tenants.put(t.id(), t);
            recordingVerifiers.put(t.id(), RecordingReadyVerifier.builder().secrets(t.backendSecret())
                    .allowedAlgorithms(JwtAlgorithm.HS256, JwtAlgorithm.HS512).clock(clock).build());
            analyticsVerifiers.put(t.id(), AnalyticsCallbackVerifier.builder().secrets(t.backendSecret()).clock(clock).build());
        }
    }

    private Optional<Map.Entry<Tenant, String>> target(Optional<Sealer.Opened> opened) {
        return opened.filter(s -> tenants.containsKey(s.tenantId())).map(s -> Map.entry(tenants.get(s.tenantId()), s.value()));
    }

    /**
     * The secrets to sign a callback with, in order: the one its create verified with if the tenant
     * still holds it (else the current one), then the current one if the first was the previous one.
     */
    static List<String> signingSecrets(Tenant tenant, String secretTag) {
        Optional<String> previous = tenant.previousClientSecret();
        if (secretTag != null && previous.isPresent() && Privacy.secretTag(previous.get()).equals(secretTag)) {
            return List.of(previous.get(), tenant.clientSecret());
        }
        return List.of(tenant.clientSecret());
    }

    /**
     * Relays a recording-ready callback.
     *
     * @param opened the path token, already opened for {@link Sealer.Purpose#RECORDING_READY} (by the handler, once)
     * @param body the form body ({@code signed_parameters=<JWT>})
     * @return the answer for the backend: the client's status, or 401 when dropped, 502 when undeliverable
     */
    public Answer recordingReady(Sealer.Opened opened, byte[] body) {
        String kind = "recording_ready";
        Optional<Map.Entry<Tenant, String>> target = target(Optional.of(opened));
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
        String claims = JSON.createObjectNode().put("meeting_id", clientId.get()).put("record_id", ready.recordId()).toString();
        return deliver(kind, tenant, Privacy.callbackTarget(target.get().getValue()), "application/x-www-form-urlencoded",
                secret -> null, secret -> "signed_parameters=" + URLEncoder.encode(JwtSigner.sign("HS256", claims, secret), StandardCharsets.UTF_8));
    }

    /**
     * Relays a learning-analytics callback.
     *
     * @param opened the path token, already opened for {@link Sealer.Purpose#ANALYTICS} (by the handler, once)
     * @param authorization the {@code Authorization} header
     * @param body the JSON body
     * @return the answer for the backend
     */
    public Answer analytics(Sealer.Opened opened, String authorization, byte[] body) {
        String kind = "analytics";
        Optional<Map.Entry<Tenant, String>> target = target(Optional.of(opened));
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
        Instant latest = clock.instant().plus(ANALYTICS_VALIDITY);
        Instant exp = data.expiresAt().filter(e -> e.isBefore(latest)).orElse(latest);
        String claims = JSON.createObjectNode().put("exp", exp.getEpochSecond()).toString();
        String mapped = json.toString();
        return deliver(kind, tenant, Privacy.callbackTarget(target.get().getValue()), "application/json",
                secret -> "Bearer " + JwtSigner.sign("HS512", claims, secret), secret -> mapped);
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
     * Sends the browser that joined on to the client's logout URL; anyone else who holds the link
     * (BigBlueButton's operator sees them all) gets a neutral page that does not reveal it
     * ({@link LogoutBinding}).
     *
     * @param token the token from the path
     * @param cookieHeaders the request's {@code Cookie} header values
     * @return a redirect, the neutral page, or 404 for a token the gateway did not make
     */
    public Answer logout(String token, List<String> cookieHeaders) {
        return target(privacy.sealer().openPathToken(Sealer.Purpose.LOGOUT, token))
                .map(t -> privacy.logoutBinding().isBound(token, cookieHeaders) ? Answer.redirect(t.getValue())
                        : Answer.plain(200, "text/html;charset=utf-8", LEFT_PAGE, "unbound"))
                .orElseGet(() -> Answer.plain(404, "text/plain;charset=utf-8", "unknown logout link\n", "dropped_forged"));
    }

    /** The neutral page for a logout link opened outside the browser that joined: nothing about Moodle. */
    private static final String LEFT_PAGE = "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"referrer\" content=\"no-referrer\"><title>Konferenz verlassen</title></head><body>"
            + "<p>Sie haben die Konferenz verlassen. Sie k\u00f6nnen dieses Fenster schlie\u00dfen.</p>"
            + "<p lang=\"en\">You have left the conference. You may close this window.</p></body></html>\n";

    private Answer dropped(String kind, String outcome) {
        metrics.callback(kind, outcome);
        return Answer.plain(401, "text/plain;charset=utf-8", "callback rejected\n", outcome);
    }

    /**
     * Delivers a callback signed with each of {@link #signingSecrets} in turn until the client does not
     * refuse it as unauthenticated.
     *
     * @param authorization the {@code Authorization} header for a secret, or {@code null} for none
     * @param body the body for a secret
     */
    private Answer deliver(String kind, Tenant tenant, Privacy.CallbackTarget target, String contentType,
            Function<String, String> authorization, Function<String, String> body) {
        Optional<String> refusal = targets.refusal(URI.create(target.url()));
        if (refusal.isPresent()) {
            metrics.callback(kind, "refused");
            return Answer.plain(502, "text/plain;charset=utf-8", "client address not allowed: " + refusal.get() + '\n', "refused");
        }
        try {
            List<String> secrets = signingSecrets(tenant, target.secretTag());
            HttpResponse<Void> r = null;
            for (int i = 0; i < secrets.size(); i++) {
                if (i > 0) {
                    metrics.callback(kind, "resent_current_secret");
                }
                String secret = secrets.get(i);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.url())).timeout(timeout)
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body.apply(secret)));
                String auth = authorization.apply(secret);
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 400 && r.statusCode() != 401 && r.statusCode() != 403) {
                    break;
                }
            }
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
