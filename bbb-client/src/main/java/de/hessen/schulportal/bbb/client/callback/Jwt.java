// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.callback.CallbackVerifierBuilder.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A small, strict JWS compact-serialization verifier for HMAC tokens (RFC 7515/7519).
 * Only what callbacks need: no JWE, no unencoded payloads, no key lookup from headers.
 */
final class Jwt {

    /** A token whose signature and times have been checked. */
    record Verified(JwtAlgorithm algorithm, JsonNode claims, String claimsJson, Optional<Instant> expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {
    }

    /**
     * Verifies structure, header and signature, in that order, and only then parses the claims and
     * checks their times ({@link #checkTimes}). The algorithm comes from the header but must be
     * allowed; the signature is compared as canonical base64url text so that no second encoding of
     * the same bytes is accepted.
     */
    static Verified verify(String call, String token, Settings<JwtAlgorithm> settings, int maxLength, boolean requireExpiry) {
        if (token == null || token.isEmpty()) {
            throw fail(call, Reason.MISSING, "no token was supplied");
        }
        CallbackSupport.checkLength(call, "the token", token.length(), maxLength, "characters");
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 < 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            throw fail(call, Reason.MALFORMED, "the token is not a JWS in compact form (three dot-separated parts)");
        }
        String headerPart = token.substring(0, dot1);
        String payloadPart = token.substring(dot1 + 1, dot2);
        String signaturePart = token.substring(dot2 + 1);
        if (headerPart.isEmpty() || payloadPart.isEmpty()) {
            throw fail(call, Reason.MALFORMED, "the token has an empty header or payload");
        }
        if (signaturePart.isEmpty()) {
            throw fail(call, Reason.UNSUPPORTED_ALGORITHM, "the token is unsigned");
        }
        JsonNode header = jsonObject(call, decodePart(call, headerPart, "header"), "header");
        JwtAlgorithm algorithm = checkHeader(call, header, settings.algorithms());
        checkBase64Url(call, signaturePart, "signature");

        byte[] signingInput = token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII);
        settings.requireSignature(call, "the token signature",
                key -> ENCODER.encode(CallbackSupport.hmac(algorithm.macName(), key, signingInput)),
                signaturePart.getBytes(StandardCharsets.US_ASCII));

        String claimsJson = decodePart(call, payloadPart, "payload");
        JsonNode claims = jsonObject(call, claimsJson, "payload");
        return new Verified(algorithm, claims, claimsJson, checkTimes(call, claims, settings, requireExpiry));
    }

    private static JwtAlgorithm checkHeader(String call, JsonNode header, Set<JwtAlgorithm> allowed) {
        JsonNode alg = header.get("alg");
        if (alg == null) {
            throw fail(call, Reason.MALFORMED, "the token header has no 'alg'");
        }
        if (!alg.isString()) {
            throw fail(call, Reason.MALFORMED, "the token header 'alg' is not a string");
        }
        String name = alg.stringValue();
        if (name.toLowerCase(Locale.ROOT).equals("none")) {
            throw fail(call, Reason.UNSUPPORTED_ALGORITHM, "unsigned tokens (alg 'none') are never accepted");
        }
        Optional<JwtAlgorithm> algorithm = JwtAlgorithm.fromHeader(name);
        if (algorithm.isEmpty() || !allowed.contains(algorithm.get())) {
            throw fail(call, Reason.UNSUPPORTED_ALGORITHM,
                    "the token algorithm '" + printable(name) + "' is not allowed; allowed are " + allowed);
        }
        JsonNode typ = header.get("typ");
        if (typ != null && !(typ.isString() && typ.stringValue().toUpperCase(Locale.ROOT).equals("JWT"))) {
            throw fail(call, Reason.MALFORMED, "the token header 'typ' is present but not \"JWT\"");
        }
        if (header.has("crit")) {
            throw fail(call, Reason.MALFORMED, "the token header lists critical extensions ('crit'), none of which are supported");
        }
        if (header.has("b64") || header.has("enc") || header.has("zip")) {
            throw fail(call, Reason.MALFORMED, "the token header asks for unencoded, encrypted or compressed content, which is not supported");
        }
        return algorithm.get();
    }

    /** Header values are attacker-chosen; keep them short and printable before they go into a message. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 20; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > 20 ? b + "…" : b.toString();
    }

    private static void checkBase64Url(String call, String part, String what) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw fail(call, Reason.MALFORMED, "the token " + what + " is not unpadded base64url");
            }
        }
        if (part.length() % 4 == 1) {
            throw fail(call, Reason.MALFORMED, "the token " + what + " has an impossible base64url length");
        }
    }

    private static JsonNode jsonObject(String call, String json, String what) {
        JsonNode node = CallbackSupport.parseJson(call, "the token " + what, json);
        if (!node.isObject()) {
            throw fail(call, Reason.MALFORMED, "the token " + what + " is not a JSON object");
        }
        return node;
    }

    private static String decodePart(String call, String part, String what) {
        checkBase64Url(call, part, what);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw fail(call, Reason.MALFORMED, "the token " + what + " is not valid base64url");
        }
        return CallbackSupport.decodeUtf8Strict(call, bytes, "the token " + what);
    }

    /**
     * Checks {@code exp}, {@code nbf} and {@code iat} when present (NumericDate, seconds, integer or
     * fraction), in that order; {@code exp} is required only if {@code requireExpiry}. Returns the expiry.
     */
    private static Optional<Instant> checkTimes(String call, JsonNode claims, Settings<JwtAlgorithm> settings, boolean requireExpiry) {
        Optional<Instant> exp = numericDate(call, claims, "exp");
        if (exp.isEmpty() && requireExpiry) {
            throw fail(call, Reason.MISSING, "the token has no 'exp' claim");
        }
        exp.ifPresent(e -> settings.checkExpiry(call, "the token", e));
        numericDate(call, claims, "nbf").ifPresent(t -> settings.checkNotFuture(call, "the token is not valid before " + t, t));
        numericDate(call, claims, "iat").ifPresent(t -> settings.checkNotFuture(call, "the token was issued in the future, at " + t, t));
        return exp;
    }

    private static Optional<Instant> numericDate(String call, JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw fail(call, Reason.MALFORMED, "the claim '" + name + "' is not a number");
        }
        double seconds = node.doubleValue();
        // Far beyond any real date; keeps Instant arithmetic from overflowing.
        if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e12) {
            throw fail(call, Reason.MALFORMED, "the claim '" + name + "' is out of range");
        }
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        return Optional.of(Instant.ofEpochSecond(whole, Math.min(nanos, 999_999_999L)));
    }
}
