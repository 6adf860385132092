package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.WEBHOOK;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.utf8;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies deliveries of bbb-webhooks and parses them into {@link WebhookDelivery}.
 *
 * <p><b>Checksum mode</b> (the default of bbb-webhooks): the server appends
 * {@code ?checksum=<hex>} (or {@code &checksum=<hex>} if the registered URL already has a query)
 * to the callback URL it registered, here called U. Since bbb-webhooks 3.4 the checksum is
 * {@code hex(H(U + rawBody + secret))}; H is chosen by the length of the checksum (40, 64, 96,
 * 128 hex characters: SHA-1, SHA-256, SHA-384, SHA-512) and must be in the allowed set (default:
 * all four; bbb-webhooks' default is SHA-1). Comparison is constant-time and strict: lowercase hex
 * only. Two legacy forms can be enabled, both off by default: the 2.x form (SHA-1 over U, a JSON
 * rendering of the fields, and the secret) and the 3.0–3.3 form ({@code U + "{}" + secret}), which
 * is constant per URL and does <b>not</b> authenticate the body — an attacker who saw one delivery
 * can forge any other. Enable them only during a migration, over HTTPS.
 *
 * <p><b>Bearer mode</b> ({@code bbb.auth2_0: true}): the server sends
 * {@code Authorization: Bearer <secret>} and no checksum; {@link #verifyBearer(String, byte[])}
 * compares it in constant time. This authenticates the sender but not the body.
 *
 * <p>U must be the URL exactly as registered with {@code hooks/create}. {@link #verify(String, byte[])}
 * takes the full request URL and cuts off the <em>last</em> {@code checksum} parameter, which must
 * be the final parameter, as bbb-webhooks appends it; any query the registered URL has of its own
 * is kept. Behind a proxy that rewrites scheme, host or port, reconstruct the public URL, or use
 * {@link #verifyChecksum(String, String, byte[])} with the registered URL you know. Pass the body
 * bytes exactly as received, before any form parsing. No replay protection is possible with these
 * schemes; de-duplicate by {@link WebhookDelivery#timestamp()} and the events if it matters.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().secrets(bbbSecret).build();
 * WebhookDelivery delivery = verifier.verify(requestUrl, rawBody);
 * for (WebhookEvent event : delivery.events()) {
 *     handle(event);
 * }
 * }</pre>
 */
public final class WebhookVerifier {
    /** Default cap on the body size: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Default cap on the request URL length: 8 KiB. */
    public static final int DEFAULT_MAX_URL_LENGTH = 8 * 1024;

    private final List<byte[]> keys;
    private final Set<ChecksumAlgorithm> allowedAlgorithms;
    private final boolean legacyV2Checksum;
    private final boolean legacyEmptyBodyChecksum;
    private final int maxBodyBytes;
    private final int maxUrlLength;

    private WebhookVerifier(Builder b) {
        this.keys = CallbackSupport.secretKeys(b.secrets, "secrets");
        this.allowedAlgorithms = Collections.unmodifiableSet(EnumSet.copyOf(b.allowedAlgorithms));
        this.legacyV2Checksum = b.legacyV2Checksum;
        this.legacyEmptyBodyChecksum = b.legacyEmptyBodyChecksum;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxUrlLength = b.maxUrlLength;
    }

    /**
     * Starts a builder. At least one secret is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a checksum-mode delivery from the full request URL and the raw body, then parses it.
     *
     * @param requestUrl the URL the request was sent to, including the query with the appended
     *        {@code checksum} parameter, e.g. {@code https://app.example.org/bbb/hook?checksum=ab12…}
     * @param rawBody the body bytes exactly as received, not {@code null}
     * @return the verified delivery
     * @throws CallbackVerificationException MISSING (no checksum parameter), MALFORMED (checksum not
     *         last, not lowercase hex, of no known length; body not parseable), TOO_LARGE,
     *         UNSUPPORTED_ALGORITHM (algorithm not allowed), BAD_SIGNATURE
     */
    public WebhookDelivery verify(String requestUrl, byte[] rawBody) {
        Objects.requireNonNull(requestUrl, "requestUrl");
        checkUrlLength(requestUrl);
        int at = Math.max(requestUrl.lastIndexOf("?checksum="), requestUrl.lastIndexOf("&checksum="));
        if (at < 0) {
            throw fail(WEBHOOK, Reason.MISSING, "the request URL has no checksum parameter");
        }
        String checksum = requestUrl.substring(at + "?checksum=".length());
        if (checksum.indexOf('&') >= 0 || checksum.indexOf('#') >= 0) {
            throw fail(WEBHOOK, Reason.MALFORMED, "the checksum is not the last query parameter, as bbb-webhooks appends it");
        }
        return verifyChecksum(requestUrl.substring(0, at), checksum, rawBody);
    }

    /**
     * As {@link #verify(String, byte[])}, with the body as a string (encoded as UTF-8, which is
     * exact for the ASCII bodies bbb-webhooks sends).
     *
     * @param requestUrl the full request URL with the checksum parameter
     * @param rawBody the raw body, not {@code null}
     * @return the verified delivery
     * @throws CallbackVerificationException as {@link #verify(String, byte[])}
     */
    public WebhookDelivery verify(String requestUrl, String rawBody) {
        return verify(requestUrl, utf8(Objects.requireNonNull(rawBody, "rawBody")));
    }

    /**
     * Verifies a checksum-mode delivery against the registered callback URL and a checksum your
     * framework has already extracted.
     *
     * @param registeredUrl U, the callback URL exactly as registered (without the checksum)
     * @param checksum the {@code checksum} parameter value; {@code null} if absent
     * @param rawBody the body bytes exactly as received, not {@code null}
     * @return the verified delivery
     * @throws CallbackVerificationException as {@link #verify(String, byte[])}
     */
    public WebhookDelivery verifyChecksum(String registeredUrl, String checksum, byte[] rawBody) {
        Objects.requireNonNull(registeredUrl, "registeredUrl");
        Objects.requireNonNull(rawBody, "rawBody");
        checkUrlLength(registeredUrl);
        checkBodySize(rawBody);
        if (checksum == null || checksum.isEmpty()) {
            throw fail(WEBHOOK, Reason.MISSING, "no checksum was supplied");
        }
        if (!CallbackSupport.isLowerHex(checksum)) {
            throw fail(WEBHOOK, Reason.MALFORMED, "the checksum is not lowercase hex");
        }
        ChecksumAlgorithm algorithm = null;
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (a.hexLength() == checksum.length()) {
                algorithm = a;
            }
        }
        if (algorithm == null) {
            throw fail(WEBHOOK, Reason.MALFORMED, "the checksum has " + checksum.length() + " characters, which matches no algorithm");
        }
        if (!allowedAlgorithms.contains(algorithm)) {
            throw fail(WEBHOOK, Reason.UNSUPPORTED_ALGORITHM, "the checksum algorithm " + algorithm + " is not allowed; allowed are " + allowedAlgorithms);
        }
        String body = CallbackSupport.decodeUtf8Strict(WEBHOOK, rawBody, "the body");
        byte[] given = checksum.getBytes(StandardCharsets.US_ASCII);
        byte[] url = utf8(registeredUrl);

        if (matches(algorithm, given, url, rawBody)) {
            return WebhookDelivery.parse(body, WebhookSignatureScheme.CHECKSUM, algorithm);
        }
        if (legacyV2Checksum) {
            WebhookDelivery.Fields f = WebhookDelivery.fields(body);
            if (f.domain != null && f.timestamp != null) {
                String json = "{\"event\":" + jsonString(f.event) + ",\"timestamp\":" + f.timestamp
                        + ",\"domain\":" + jsonString(f.domain) + "}";
                if (matches(algorithm, given, url, utf8(json))) {
                    return WebhookDelivery.parse(body, WebhookSignatureScheme.LEGACY_V2_CHECKSUM, algorithm);
                }
            }
        }
        if (legacyEmptyBodyChecksum && matches(algorithm, given, url, utf8("{}"))) {
            return WebhookDelivery.parse(body, WebhookSignatureScheme.LEGACY_EMPTY_BODY_CHECKSUM, algorithm);
        }
        throw fail(WEBHOOK, Reason.BAD_SIGNATURE, "the checksum matches none of the " + keys.size()
                + " configured secret(s) for this URL and body" + (legacyV2Checksum || legacyEmptyBodyChecksum ? " (legacy forms included)" : ""));
    }

    private boolean matches(ChecksumAlgorithm algorithm, byte[] given, byte[] url, byte[] content) {
        boolean match = false;
        for (byte[] key : keys) {
            MessageDigest digest = algorithm.newDigest();
            digest.update(url);
            digest.update(content);
            digest.update(key);
            byte[] expected = CallbackSupport.hex(digest.digest()).getBytes(StandardCharsets.US_ASCII);
            match |= MessageDigest.isEqual(expected, given);
        }
        return match;
    }

    /**
     * Verifies a bearer-mode delivery ({@code bbb.auth2_0}): the header must be
     * {@code Bearer <secret>} for one of the configured secrets.
     *
     * @param authorization the {@code Authorization} header value; {@code null} if absent
     * @param rawBody the body bytes, not {@code null}
     * @return the verified delivery, with {@link WebhookSignatureScheme#BEARER}
     * @throws CallbackVerificationException MISSING (no bearer header), BAD_SIGNATURE, TOO_LARGE,
     *         MALFORMED (body not parseable)
     */
    public WebhookDelivery verifyBearer(String authorization, byte[] rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        String given = CallbackSupport.bearer(WEBHOOK, authorization);
        checkBodySize(rawBody);
        // Compare digests so that the comparison takes the same time whatever the lengths.
        byte[] givenHash = sha256(utf8(given));
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(sha256(key), givenHash);
        }
        if (!match) {
            throw fail(WEBHOOK, Reason.BAD_SIGNATURE, "the bearer credentials match none of the " + keys.size() + " configured secret(s)");
        }
        return WebhookDelivery.parse(CallbackSupport.decodeUtf8Strict(WEBHOOK, rawBody, "the body"), WebhookSignatureScheme.BEARER, null);
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

    private static byte[] sha256(byte[] data) {
        return ChecksumAlgorithm.SHA256.newDigest().digest(data);
    }

    private void checkBodySize(byte[] rawBody) {
        if (rawBody.length > maxBodyBytes) {
            throw fail(WEBHOOK, Reason.TOO_LARGE, "the body has " + rawBody.length + " bytes, more than the cap of " + maxBodyBytes);
        }
    }

    private void checkUrlLength(String url) {
        if (url.length() > maxUrlLength) {
            throw fail(WEBHOOK, Reason.TOO_LARGE, "the URL has " + url.length() + " characters, more than the cap of " + maxUrlLength);
        }
    }

    /** A JSON string literal as JavaScript's {@code JSON.stringify} writes it. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\b':
                    b.append("\\b");
                    break;
                case '\f':
                    b.append("\\f");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    boolean loneSurrogate = Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + keys.size() + " (redacted), allowedAlgorithms=" + allowedAlgorithms
                + ", legacyV2Checksum=" + legacyV2Checksum + ", legacyEmptyBodyChecksum=" + legacyEmptyBodyChecksum + "]";
    }

    /** Builds a {@link WebhookVerifier}. Not thread-safe; {@link #build()} copies everything. */
    public static final class Builder {
        private List<String> secrets = List.of();
        private Set<ChecksumAlgorithm> allowedAlgorithms = EnumSet.allOf(ChecksumAlgorithm.class);
        private boolean legacyV2Checksum;
        private boolean legacyEmptyBodyChecksum;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxUrlLength = DEFAULT_MAX_URL_LENGTH;

        private Builder() {
        }

        /**
         * The secrets bbb-webhooks may use (its {@code bbb.sharedSecret}, normally the BigBlueButton
         * shared secret); any one matching is enough. Replaces earlier values.
         *
         * @param secrets one or more non-empty secrets
         * @return this builder
         */
        public Builder secrets(String... secrets) {
            return secrets(Arrays.asList(Objects.requireNonNull(secrets, "secrets")));
        }

        /**
         * As {@link #secrets(String...)}.
         *
         * @param secrets one or more non-empty secrets
         * @return this builder
         */
        public Builder secrets(Collection<String> secrets) {
            this.secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
            return this;
        }

        /**
         * The checksum algorithms accepted. Default: all four. Restrict to the one your
         * bbb-webhooks {@code hookChecksumAlgorithm} uses, e.g. {@link ChecksumAlgorithm#SHA256}.
         *
         * @param algorithms one or more algorithms
         * @return this builder
         */
        public Builder allowedAlgorithms(ChecksumAlgorithm... algorithms) {
            if (algorithms.length == 0) {
                throw new IllegalArgumentException("allowedAlgorithms: at least one algorithm is required");
            }
            this.allowedAlgorithms = EnumSet.copyOf(Arrays.asList(algorithms));
            return this;
        }

        /**
         * Also accept the bbb-webhooks 2.x checksum: SHA-1 over U +
         * {@code {"event":"…","timestamp":…,"domain":"…"}} + secret. Default {@code false}.
         * Legacy: only for servers that still run bbb-webhooks 2.x.
         *
         * @param enabled whether to accept it
         * @return this builder
         */
        public Builder legacyV2Checksum(boolean enabled) {
            this.legacyV2Checksum = enabled;
            return this;
        }

        /**
         * Also accept the bbb-webhooks 3.0–3.3 checksum over U + {@code {}} + secret. Default
         * {@code false}. <b>Insecure</b>: it is the same for every delivery to a URL, so it does not
         * authenticate the body.
         *
         * @param enabled whether to accept it
         * @return this builder
         */
        public Builder legacyEmptyBodyChecksum(boolean enabled) {
            this.legacyEmptyBodyChecksum = enabled;
            return this;
        }

        /**
         * The largest body accepted, in bytes. Default 1 MiB.
         *
         * @param maxBodyBytes a positive size
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            CallbackSupport.checkPositive(maxBodyBytes, "maxBodyBytes");
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * The longest request URL accepted, in characters. Default 8 KiB.
         *
         * @param maxUrlLength a positive length
         * @return this builder
         */
        public Builder maxUrlLength(int maxUrlLength) {
            CallbackSupport.checkPositive(maxUrlLength, "maxUrlLength");
            this.maxUrlLength = maxUrlLength;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return a new immutable verifier
         * @throws IllegalArgumentException if no secret, or an empty secret, was given
         */
        public WebhookVerifier build() {
            return new WebhookVerifier(this);
        }
    }
}
