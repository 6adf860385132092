// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.WEBHOOK;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * One POST of bbb-webhooks: the form fields {@code domain}, {@code event} (a JSON array of
 * events) and {@code timestamp}, parsed into typed {@link WebhookEvent}s.
 *
 * <p>Obtain it verified from {@link WebhookVerifier}, or unverified from {@link #parse(String)}
 * when you have checked the request yourself. Immutable.
 */
public final class WebhookDelivery {
    private final String domain;
    private final Long timestamp;
    private final String eventJson;
    private final List<WebhookEvent> events;
    private final WebhookSignatureScheme signatureScheme;
    private final ChecksumAlgorithm checksumAlgorithm;
    private final String callbackUrl;

    private WebhookDelivery(String domain, Long timestamp, String eventJson, List<WebhookEvent> events,
            WebhookSignatureScheme signatureScheme, ChecksumAlgorithm checksumAlgorithm, String callbackUrl) {
        this.domain = domain;
        this.timestamp = timestamp;
        this.eventJson = eventJson;
        this.events = events;
        this.signatureScheme = signatureScheme;
        this.checksumAlgorithm = checksumAlgorithm;
        this.callbackUrl = callbackUrl;
    }

    /**
     * Parses a delivery body <em>without verifying</em> it. Use {@link WebhookVerifier} unless the
     * request was authenticated some other way.
     *
     * <pre>{@code
     * WebhookDelivery d = WebhookDelivery.parse("domain=bbb.example.org&event=%5B%5D&timestamp=1");
     * }</pre>
     *
     * @param formBody the raw {@code application/x-www-form-urlencoded} body, not {@code null}
     * @return the delivery, with {@link WebhookSignatureScheme#NONE}
     * @throws CallbackVerificationException MISSING if there is no {@code event} field; MALFORMED
     *         if a field repeats, the encoding is broken, {@code timestamp} is not an integer, or
     *         {@code event} is not a JSON array or object
     */
    public static WebhookDelivery parse(String formBody) {
        return parse(Objects.requireNonNull(formBody, "formBody"), WebhookSignatureScheme.NONE, null, null);
    }

    /**
     * As {@link #parse(String)}, for the body bytes (UTF-8).
     *
     * @param formBody the raw body, not {@code null}
     * @return the delivery, with {@link WebhookSignatureScheme#NONE}
     * @throws CallbackVerificationException as {@link #parse(String)}; MALFORMED if not UTF-8
     */
    public static WebhookDelivery parse(byte[] formBody) {
        return parse(CallbackSupport.decodeUtf8Strict(WEBHOOK, Objects.requireNonNull(formBody, "formBody"), "the body"));
    }

    static WebhookDelivery parse(String formBody, WebhookSignatureScheme scheme, ChecksumAlgorithm algorithm, String callbackUrl) {
        Fields f = fields(formBody);
        JsonNode root = CallbackSupport.parseJson(WEBHOOK, "the 'event' field", f.event);
        List<WebhookEvent> events = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode e : root) {
                events.add(new WebhookEvent(e));
            }
        } else if (root.isObject()) {
            events.add(new WebhookEvent(root));
        } else {
            throw fail(WEBHOOK, Reason.MALFORMED, "the 'event' field is neither a JSON array nor an object");
        }
        return new WebhookDelivery(f.domain, f.timestamp, f.event, Collections.unmodifiableList(events), scheme, algorithm, callbackUrl);
    }

    /** The three form fields, decoded; shared with the legacy checksum computation. */
    static final class Fields {
        final String domain;
        final Long timestamp;
        final String timestampText;
        final String event;

        Fields(String domain, Long timestamp, String timestampText, String event) {
            this.domain = domain;
            this.timestamp = timestamp;
            this.timestampText = timestampText;
            this.event = event;
        }
    }

    static Fields fields(String formBody) {
        Map<String, List<String>> form = CallbackSupport.parseForm(WEBHOOK, formBody);
        String event = CallbackSupport.single(WEBHOOK, form, "event");
        String domain = form.containsKey("domain") ? CallbackSupport.single(WEBHOOK, form, "domain") : null;
        String ts = form.containsKey("timestamp") ? CallbackSupport.single(WEBHOOK, form, "timestamp") : null;
        Long timestamp = null;
        if (ts != null) {
            if (ts.isEmpty() || ts.length() > 18 || !ts.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw fail(WEBHOOK, Reason.MALFORMED, "the 'timestamp' field is not a non-negative integer");
            }
            timestamp = Long.parseLong(ts);
        }
        return new Fields(domain, timestamp, ts, event);
    }

    /**
     * The sending server's domain ({@code domain}, bbb-webhooks' {@code bbb.serverDomain}).
     *
     * @return the domain, if sent
     */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /**
     * When bbb-webhooks first tried this delivery, in milliseconds since the epoch
     * ({@code timestamp}); constant across retries, so usable for de-duplication.
     *
     * @return the time, if sent
     */
    public OptionalLong timestamp() {
        return timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp);
    }

    /**
     * The events, in order; never dropped, unknown ones included.
     *
     * @return an unmodifiable list, usually of one event
     */
    public List<WebhookEvent> events() {
        return events;
    }

    /**
     * The {@code event} field exactly as received (decoded from the form).
     *
     * @return the JSON text
     */
    public String eventJson() {
        return eventJson;
    }

    /**
     * How the delivery was authenticated.
     *
     * @return the scheme; {@link WebhookSignatureScheme#NONE} if only parsed
     */
    public WebhookSignatureScheme signatureScheme() {
        return signatureScheme;
    }

    /**
     * The checksum algorithm, for the checksum schemes.
     *
     * @return the algorithm, or empty for bearer and unverified deliveries
     */
    public Optional<ChecksumAlgorithm> checksumAlgorithm() {
        return Optional.ofNullable(checksumAlgorithm);
    }

    /**
     * The registered callback URL the checksum was verified for (one of
     * {@link WebhookVerifier.Builder#callbackUrls(String...)}); route by it rather than by the path
     * the request arrived on.
     *
     * @return the URL exactly as configured; empty for bearer and unverified deliveries
     */
    public Optional<String> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WebhookDelivery)) {
            return false;
        }
        WebhookDelivery other = (WebhookDelivery) o;
        return Objects.equals(domain, other.domain) && Objects.equals(timestamp, other.timestamp)
                && eventJson.equals(other.eventJson) && signatureScheme == other.signatureScheme
                && checksumAlgorithm == other.checksumAlgorithm && Objects.equals(callbackUrl, other.callbackUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, timestamp, eventJson, signatureScheme, checksumAlgorithm, callbackUrl);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[domain=" + domain + ", timestamp=" + timestamp + ", events=" + events
                + ", signatureScheme=" + signatureScheme + "]";
    }
}
