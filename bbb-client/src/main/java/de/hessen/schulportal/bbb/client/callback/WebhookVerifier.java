// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.WEBHOOK;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.utf8;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.callback.CallbackVerifierBuilder.Settings;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies deliveries of bbb-webhooks and parses them into {@link WebhookDelivery}.
 *
 * <p><b>Checksum mode</b> (the default of bbb-webhooks): the server appends
 * {@code ?checksum=<hex>} (or {@code &checksum=<hex>} if the registered URL already has a query)
 * to the callback URL it registered, here called U. Since bbb-webhooks 3.4 the checksum is
 * {@code hex(H(U + rawBody + secret))}; H is chosen by the length of the checksum (40, 64, 96,
 * 128 hex characters: SHA-1, SHA-256, SHA-384, SHA-512) and must be in the allowed set (default:
 * all four; bbb-webhooks' default is SHA-1). Comparison is constant-time and strict: lowercase hex
 * only.
 *
 * <p><b>Where the URL ends and the body begins.</b> Nothing separates U from the body in the
 * signed string, so a checksum for {@code …?school=12} and body B also covers {@code …?school=1}
 * and body {@code 2B}. The verifier therefore fixes both ends from outside the signed string: U
 * must be one of the {@link Builder#callbackUrls(String...) callback URLs you registered}
 * (configured on the builder; the request URL must address one of them), and the body must be
 * exactly the form bbb-webhooks writes, {@code domain=…&event=…&timestamp=…} encoded as
 * {@code URLSearchParams} does. The checksum is computed over the registered string, so deliveries
 * to non-ASCII callback URLs verify although bbb-webhooks' HTTP client percent-encoded the URL it
 * called. {@link WebhookDelivery#callbackUrl()} tells which registered URL a delivery was for:
 * route by it, not by the request path.
 *
 * <p>Two legacy forms can be enabled, both off by default: the 2.x form (SHA-1 over U, a JSON
 * rendering of the fields, and the secret) and the 3.0–3.3 form ({@code U + "{}" + secret}).
 * bbb-webhooks 3.3.1, shipped with BigBlueButton 3.0.4, still signs that way: it hashed
 * {@code JSON.stringify} of a {@code URLSearchParams} object, which is {@code {}}
 * ({@code src/out/webhooks/callback-emitter.js}, {@code _dispatch}; 3.4 hashes the body). That
 * checksum is a constant per URL and authenticates <b>nothing</b> about the body: whoever saw one
 * delivery can send any event. The default refuses it with {@code BAD_SIGNATURE} and a message that
 * names the form and what to do. A delivery accepted in that form ({@link WebhookDelivery#signatureScheme()}
 * {@link WebhookSignatureScheme#LEGACY_EMPTY_BODY_CHECKSUM},
 * {@link WebhookSignatureScheme#authenticatesBody()} false) is a hint: confirm what it says with an
 * API call before acting, e.g. a meeting-ended event with
 * {@code WebhookConfirmations.meetingEnded(bbb::getMeetingInfo, event)} ({@code getMeetingInfo}). Enable the legacy
 * forms only during a migration, over HTTPS.
 *
 * <p><b>Bearer mode</b> ({@code bbb.auth2_0: true}): the server sends
 * {@code Authorization: Bearer <secret>} and no checksum; {@link #verifyBearer(String, byte[])}
 * compares it in constant time. This authenticates the sender but neither the body nor the URL.
 *
 * <p>{@link #verify(String, byte[])} takes the full request URL and cuts off the <em>last</em>
 * {@code checksum} parameter, which must be the final parameter, as bbb-webhooks appends it.
 * Behind a proxy that rewrites scheme, host or port, reconstruct the public URL, or use
 * {@link #verifyChecksum(String, String, byte[])} with the registered URL. Pass the body bytes
 * exactly as received, before any form parsing. The checksum schemes carry no nonce: set
 * {@link Builder#maxAge(Duration)} to bound replays by the signed {@code timestamp}, and
 * de-duplicate by {@link WebhookDelivery#timestamp()} and the events if it matters.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *         .secrets(bbbSecret)
 *         .callbackUrls("https://portal.example.org/bbb/hook?school=12")
 *         .build();
 * WebhookDelivery delivery = verifier.verify(requestUrl, rawBody);
 * for (WebhookEvent event : delivery.events()) {
 *     handle(delivery.callbackUrl().orElseThrow(), event);
 * }
 * }</pre>
 */
public final class WebhookVerifier {
    /** Default cap on the body size: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Default cap on the request URL length: 8 KiB. */
    public static final int DEFAULT_MAX_URL_LENGTH = 8 * 1024;

    private final Settings<ChecksumAlgorithm> settings;
    private final List<String> callbackUrls;
    private final boolean legacyV2Checksum;
    private final boolean legacyEmptyBodyChecksum;
    private final int maxUrlLength;
    private final Duration maxAge;

    private WebhookVerifier(Builder b) {
        this.settings = b.settings();
        if (b.callbackUrls.isEmpty()) {
            throw new IllegalArgumentException("callbackUrls: at least one registered callback URL is required");
        }
        for (String url : b.callbackUrls) {
            WebhookUrls.checkRegistered(url, b.maxUrlLength);
        }
        this.callbackUrls = b.callbackUrls;
        this.legacyV2Checksum = b.legacyV2Checksum;
        this.legacyEmptyBodyChecksum = b.legacyEmptyBodyChecksum;
        this.maxUrlLength = b.maxUrlLength;
        this.maxAge = b.maxAge;
    }

    /** {@return a new builder; at least one secret and one callback URL are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a delivery body <em>without verifying</em> it. Use {@link #verify(String, byte[])}
     * unless the request was authenticated some other way.
     *
     * <pre>{@code
     * WebhookDelivery d = WebhookVerifier.parseUnverified("domain=bbb.example.org&event=%5B%5D&timestamp=1");
     * }</pre>
     *
     * @param formBody the raw {@code application/x-www-form-urlencoded} body, not {@code null}
     * @return the delivery, with {@link WebhookSignatureScheme#NONE}
     * @throws CallbackVerificationException MISSING if there is no {@code event} field; MALFORMED
     *         if a field repeats, the encoding is broken, {@code timestamp} is not an integer, or
     *         {@code event} is not a JSON array or object
     */
    public static WebhookDelivery parseUnverified(String formBody) {
        return Callbacks.delivery(Objects.requireNonNull(formBody, "formBody"), WebhookSignatureScheme.NONE, null, null);
    }

    /**
     * As {@link #parseUnverified(String)}, for the body bytes (UTF-8).
     *
     * @param formBody the raw body, not {@code null}
     * @return the delivery, with {@link WebhookSignatureScheme#NONE}
     * @throws CallbackVerificationException as {@link #parseUnverified(String)}; MALFORMED if not UTF-8
     */
    public static WebhookDelivery parseUnverified(byte[] formBody) {
        return parseUnverified(CallbackSupport.decodeUtf8Strict(WEBHOOK, Objects.requireNonNull(formBody, "formBody"), "the body"));
    }

    /**
     * Verifies a checksum-mode delivery from the full request URL and the raw body, then parses it.
     *
     * @param requestUrl the URL the request was sent to, including the query with the appended
     *        {@code checksum} parameter, e.g. {@code https://app.example.org/bbb/hook?checksum=ab12…}
     * @param rawBody the body bytes exactly as received
     * @return the verified delivery, naming the registered URL it was for
     * @throws NullPointerException if an argument is {@code null}
     * @throws CallbackVerificationException MISSING (no checksum parameter), MALFORMED (checksum not
     *         last, not lowercase hex, of no known length; body not a bbb-webhooks delivery form),
     *         TOO_LARGE, UNREGISTERED_URL (the request URL addresses none of the callback URLs),
     *         UNSUPPORTED_ALGORITHM, BAD_SIGNATURE, EXPIRED / NOT_YET_VALID (with
     *         {@link Builder#maxAge(Duration)})
     */
    public WebhookDelivery verify(String requestUrl, byte[] rawBody) {
        Objects.requireNonNull(requestUrl, "requestUrl");
        Objects.requireNonNull(rawBody, "rawBody");
        checkUrlLength(requestUrl);
        int at = Math.max(requestUrl.lastIndexOf("?checksum="), requestUrl.lastIndexOf("&checksum="));
        if (at < 0) {
            throw fail(WEBHOOK, Reason.MISSING, "the request URL has no checksum parameter");
        }
        String checksum = requestUrl.substring(at + "?checksum=".length());
        if (checksum.indexOf('&') >= 0 || checksum.indexOf('#') >= 0) {
            throw fail(WEBHOOK, Reason.MALFORMED, "the checksum is not the last query parameter, as bbb-webhooks appends it");
        }
        String base = requestUrl.substring(0, at);
        return verifyAgainst(callbackUrls.stream().filter(url -> WebhookUrls.sameUrl(url, base)).toList(), checksum, rawBody);
    }

    /**
     * As {@link #verify(String, byte[])}, with the body as a string (encoded as UTF-8, which is
     * exact for the ASCII bodies bbb-webhooks sends).
     *
     * @param requestUrl the full request URL with the checksum parameter
     * @param rawBody the raw body
     * @return the verified delivery
     * @throws NullPointerException if an argument is {@code null}
     * @throws CallbackVerificationException as {@link #verify(String, byte[])}
     */
    public WebhookDelivery verify(String requestUrl, String rawBody) {
        return verify(requestUrl, utf8(Objects.requireNonNull(rawBody, "rawBody")));
    }

    /**
     * Verifies a checksum-mode delivery against one registered callback URL and a checksum your
     * framework has already extracted; for receivers behind proxies that rewrite the URL.
     *
     * @param registeredUrl U, exactly one of the configured {@link Builder#callbackUrls callback URLs}
     * @param checksum the {@code checksum} parameter value; {@code null} if absent
     * @param rawBody the body bytes exactly as received
     * @return the verified delivery
     * @throws NullPointerException if {@code registeredUrl} or {@code rawBody} is {@code null}
     * @throws CallbackVerificationException as {@link #verify(String, byte[])}; UNREGISTERED_URL if
     *         {@code registeredUrl} is not one of the configured URLs
     */
    public WebhookDelivery verifyChecksum(String registeredUrl, String checksum, byte[] rawBody) {
        Objects.requireNonNull(registeredUrl, "registeredUrl");
        Objects.requireNonNull(rawBody, "rawBody");
        checkUrlLength(registeredUrl);
        return verifyAgainst(callbackUrls.contains(registeredUrl) ? List.of(registeredUrl) : List.of(), checksum, rawBody);
    }

    private WebhookDelivery verifyAgainst(List<String> candidates, String checksum, byte[] rawBody) {
        settings.checkLength(WEBHOOK, "the body", rawBody.length, "bytes");
        if (checksum == null || checksum.isEmpty()) {
            throw fail(WEBHOOK, Reason.MISSING, "no checksum was supplied");
        }
        if (!CallbackSupport.isLowerHex(checksum)) {
            throw fail(WEBHOOK, Reason.MALFORMED, "the checksum is not lowercase hex");
        }
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.ofHexLength(checksum.length()).orElseThrow(() -> fail(WEBHOOK,
                Reason.MALFORMED, "the checksum has " + checksum.length() + " characters, which matches no algorithm"));
        if (!settings.algorithms().contains(algorithm)) {
            throw fail(WEBHOOK, Reason.UNSUPPORTED_ALGORITHM, "the checksum algorithm " + algorithm + " is not allowed; allowed are " + settings.algorithms());
        }
        if (candidates.isEmpty()) {
            throw fail(WEBHOOK, Reason.UNREGISTERED_URL, "the request URL is none of the " + callbackUrls.size()
                    + " registered callback URL(s); configure the URL exactly as registered with hooks/create");
        }
        boolean deliveryForm = WebhookUrls.isDeliveryForm(rawBody);
        if (!deliveryForm && !legacyV2Checksum) {
            throw notADelivery();
        }
        String body = CallbackSupport.decodeUtf8Strict(WEBHOOK, rawBody, "the body");
        byte[] given = checksum.getBytes(StandardCharsets.US_ASCII);
        for (String registered : candidates) {
            byte[] url = utf8(registered);
            if (deliveryForm && matches(algorithm, given, url, rawBody)) {
                return accept(body, WebhookSignatureScheme.CHECKSUM, algorithm, registered);
            }
            if (legacyV2Checksum) {
                Callbacks.DeliveryForm f = Callbacks.deliveryForm(body);
                if (f.domain().isPresent() && f.timestamp().isPresent()) {
                    String json = "{\"event\":" + jsonString(f.event()) + ",\"timestamp\":" + f.timestamp().getAsLong()
                            + ",\"domain\":" + jsonString(f.domain().get()) + "}";
                    if (matches(algorithm, given, url, utf8(json))) {
                        return accept(body, WebhookSignatureScheme.LEGACY_V2_CHECKSUM, algorithm, registered);
                    }
                }
            }
            if (legacyEmptyBodyChecksum && deliveryForm && matches(algorithm, given, url, utf8("{}"))) {
                return accept(body, WebhookSignatureScheme.LEGACY_EMPTY_BODY_CHECKSUM, algorithm, registered);
            }
        }
        throw fail(WEBHOOK, Reason.BAD_SIGNATURE, "the checksum matches none of the " + settings.keys().size()
                + " configured secret(s) for this URL and body" + (legacyV2Checksum || legacyEmptyBodyChecksum ? " (legacy forms included)" : "")
                + recognisedLegacyForm(candidates, algorithm, given, deliveryForm));
    }

    /**
     * Names the legacy form a refused checksum is in, and what to do, or says nothing. Only the
     * 3.0–3.3 form can be recognised here: a 2.x delivery has another body and was refused as
     * MALFORMED before.
     */
    private String recognisedLegacyForm(List<String> candidates, ChecksumAlgorithm algorithm, byte[] given, boolean deliveryForm) {
        if (legacyEmptyBodyChecksum || !deliveryForm) {
            return "";
        }
        for (String registered : candidates) {
            if (matches(algorithm, given, utf8(registered), utf8("{}"))) {
                return ". It is the bbb-webhooks 3.0-3.3 checksum H(url + \"{}\" + secret), as bbb-webhooks 3.3.1 of"
                        + " BigBlueButton 3.0.4 signs: the same for every delivery to this URL, it authenticates nothing"
                        + " of the body. Upgrade bbb-webhooks to 3.4 or later (it signs the body), or enable"
                        + " legacyEmptyBodyChecksum(true) for the migration and treat each event as a hint to confirm with an"
                        + " API call before acting (WebhookConfirmations)";
            }
        }
        return "";
    }

    private WebhookDelivery accept(String body, WebhookSignatureScheme scheme, ChecksumAlgorithm algorithm, String registeredUrl) {
        WebhookDelivery delivery = Callbacks.delivery(body, scheme, algorithm, registeredUrl);
        checkAge(delivery);
        return delivery;
    }

    private void checkAge(WebhookDelivery delivery) {
        if (maxAge == null) {
            return;
        }
        if (delivery.timestamp().isEmpty()) {
            throw fail(WEBHOOK, Reason.MISSING, "the delivery has no timestamp, which maxAge requires");
        }
        Instant sent = Instant.ofEpochMilli(delivery.timestamp().getAsLong());
        settings.checkNotFuture(WEBHOOK, "the delivery is timestamped " + sent + ", in the future", sent);
        Instant now = settings.clock().instant();
        if (sent.plus(maxAge).plus(settings.leeway()).isBefore(now)) {
            throw fail(WEBHOOK, Reason.EXPIRED, "the delivery is timestamped " + sent + ", older than maxAge " + maxAge + " (now " + now + ")");
        }
    }

    private boolean matches(ChecksumAlgorithm algorithm, byte[] given, byte[] url, byte[] content) {
        return settings.anyKeyMatches(key -> {
            MessageDigest digest = algorithm.newDigest();
            digest.update(url);
            digest.update(content);
            digest.update(key);
            return HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII);
        }, given);
    }

    /**
     * Verifies a bearer-mode delivery ({@code bbb.auth2_0}): the header must be
     * {@code Bearer <secret>} for one of the configured secrets.
     *
     * @param authorization the {@code Authorization} header value; {@code null} if absent
     * @param rawBody the body bytes
     * @return the verified delivery, with {@link WebhookSignatureScheme#BEARER} and no
     *         {@link WebhookDelivery#callbackUrl()} (the bearer scheme does not cover the URL)
     * @throws NullPointerException if {@code rawBody} is {@code null}
     * @throws CallbackVerificationException MISSING (no bearer header), BAD_SIGNATURE, TOO_LARGE,
     *         MALFORMED (body not a bbb-webhooks delivery form), EXPIRED / NOT_YET_VALID
     */
    public WebhookDelivery verifyBearer(String authorization, byte[] rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        String given = CallbackSupport.bearer(WEBHOOK, authorization);
        settings.checkLength(WEBHOOK, "the body", rawBody.length, "bytes");
        // Compare digests so that the comparison takes the same time whatever the lengths.
        settings.requireSignature(WEBHOOK, "the bearer secret", WebhookVerifier::sha256, sha256(utf8(given)));
        if (!WebhookUrls.isDeliveryForm(rawBody)) {
            throw notADelivery();
        }
        return accept(CallbackSupport.decodeUtf8Strict(WEBHOOK, rawBody, "the body"), WebhookSignatureScheme.BEARER, null, null);
    }

    /**
     * As {@link #verifyBearer(String, byte[])}, taking all request headers; {@code Authorization} is
     * looked up case-insensitively and must appear once.
     *
     * @param headers request headers, name to values, not {@code null}
     * @param rawBody the body bytes, not {@code null}
     * @return the verified delivery
     * @throws CallbackVerificationException as {@link #verifyBearer(String, byte[])}; MALFORMED if
     *         the header repeats
     */
    public WebhookDelivery verifyBearer(Map<String, List<String>> headers, byte[] rawBody) {
        return verifyBearer(CallbackSupport.singleHeader(WEBHOOK, headers, "Authorization"), rawBody);
    }

    private static CallbackVerificationException notADelivery() {
        return fail(WEBHOOK, Reason.MALFORMED, "the body is not a bbb-webhooks delivery: exactly domain, event and timestamp,"
                + " form-encoded in that order");
    }

    private static byte[] sha256(byte[] data) {
        return ChecksumAlgorithm.SHA256.newDigest().digest(data);
    }

    private void checkUrlLength(String url) {
        CallbackSupport.checkLength(WEBHOOK, "the URL", url.length(), maxUrlLength, "characters");
    }

    /** A JSON string literal as JavaScript's {@code JSON.stringify} writes it. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean loneSurrogate = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 || loneSurrogate ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    @Override
    public String toString() {
        return settings.describe("WebhookVerifier", ", callbackUrls=" + callbackUrls.size() + ", legacyV2Checksum=" + legacyV2Checksum
                + ", legacyEmptyBodyChecksum=" + legacyEmptyBodyChecksum + ", maxAge=" + maxAge);
    }

    /**
     * Builds a {@link WebhookVerifier} on the shared settings and contract of
     * {@link CallbackVerifierBuilder}; here the secrets are bbb-webhooks' {@code bbb.sharedSecret}
     * (normally the BigBlueButton secret), {@code allowedAlgorithms} defaults to all four
     * {@link ChecksumAlgorithm}s and {@code maxInputLength} caps the body, default 1 MiB.
     */
    public static final class Builder extends CallbackVerifierBuilder<Builder, ChecksumAlgorithm> {
        private List<String> callbackUrls = List.of();
        private boolean legacyV2Checksum;
        private boolean legacyEmptyBodyChecksum;
        private int maxUrlLength = DEFAULT_MAX_URL_LENGTH;
        private Duration maxAge;

        private Builder() {
            super(EnumSet.allOf(ChecksumAlgorithm.class), EnumSet.allOf(ChecksumAlgorithm.class), DEFAULT_MAX_BODY_BYTES);
        }

        /**
         * The callback URLs exactly as you registered them with {@code hooks/create}
         * ({@code callbackURL}), one per hook; a delivery verifies only for one of them. A receiver
         * that tells schools apart by path or query lists each school's URL here and routes by
         * {@link WebhookDelivery#callbackUrl()}. Replaces earlier values. One or more absolute
         * http(s) URLs (checked at {@link #build()}), each without fragment, whitespace other than
         * inner spaces, or control characters.
         */
        public Builder callbackUrls(String... callbackUrls) {
            return callbackUrls(Arrays.asList(Objects.requireNonNull(callbackUrls, "callbackUrls")));
        }

        /** As {@link #callbackUrls(String...)}. */
        public Builder callbackUrls(Collection<String> callbackUrls) {
            Objects.requireNonNull(callbackUrls, "callbackUrls");
            List<String> copy = new ArrayList<>();
            for (String url : callbackUrls) {
                Objects.requireNonNull(url, "callbackUrls");
                WebhookUrls.checkRegistered(url, Integer.MAX_VALUE);
                if (!copy.contains(url)) {
                    copy.add(url);
                }
            }
            this.callbackUrls = Collections.unmodifiableList(copy);
            return this;
        }

        /**
         * Also accept the bbb-webhooks 2.x checksum: SHA-1 over U +
         * {@code {"event":"…","timestamp":…,"domain":"…"}} + secret. Default {@code false}.
         * Legacy: only for servers that still run bbb-webhooks 2.x.
         */
        public Builder legacyV2Checksum(boolean enabled) {
            this.legacyV2Checksum = enabled;
            return this;
        }

        /**
         * Also accept the bbb-webhooks 3.0–3.3 checksum over U + {@code {}} + secret, which
         * bbb-webhooks 3.3.1 (BigBlueButton 3.0.4) still sends. Default {@code false}: refused with
         * {@code BAD_SIGNATURE} and a message naming the form. <b>Insecure</b> (see the class
         * documentation): every event accepted this way is a hint to confirm before acting.
         */
        public Builder legacyEmptyBodyChecksum(boolean enabled) {
            this.legacyEmptyBodyChecksum = enabled;
            return this;
        }

        /** The longest request URL accepted, in characters, positive. Default 8 KiB. */
        public Builder maxUrlLength(int maxUrlLength) {
            this.maxUrlLength = Validation.positive("maxUrlLength", maxUrlLength);
            return this;
        }

        /**
         * Refuse deliveries whose {@code timestamp} (when bbb-webhooks first tried them; constant
         * across its retries, which last about five minutes) is older than this, or in the future,
         * judged by the clock with the leeway. Default {@code null}: no age check (permanent hooks
         * retry for ever). With the 3.4+ checksum the timestamp is signed, so this bounds replays.
         * Positive, or {@code null} for no check.
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = CallbackSupport.positiveOrNone("maxAge", maxAge);
            return this;
        }

        /**
         * {@return a new immutable verifier}
         *
         * @throws IllegalArgumentException if no secret or no callback URL was given, or a callback
         *         URL is longer than {@code maxUrlLength}
         */
        public WebhookVerifier build() {
            return new WebhookVerifier(this);
        }
    }
}
