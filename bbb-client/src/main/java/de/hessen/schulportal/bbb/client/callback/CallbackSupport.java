// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.internal.AnswerParser;
import de.hessen.schulportal.bbb.client.internal.UnreadableAnswer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** Shared plumbing of the callback package: failures, MACs, hex, form and header parsing, JSON. */
final class CallbackSupport {

    static final String RECORDING_READY = "recordingReady";
    static final String ANALYTICS = "analytics";
    static final String WEBHOOK = "webhook";
    static final String MEETING_ENDED = "meetingEnded";

    private CallbackSupport() {
    }

    static CallbackVerificationException fail(String call, Reason reason, String detail) {
        return new CallbackVerificationException(call, reason, call + " callback rejected (" + reason + "): " + detail);
    }

    /** Refuses an input over its cap before anything parses it; {@code unit} is bytes or characters. */
    static void checkLength(String call, String what, long length, long cap, String unit) {
        if (length > cap) {
            throw fail(call, Reason.TOO_LARGE, what + " has " + length + " " + unit + ", more than the cap of " + cap);
        }
    }

    /**
     * Parses JSON with the SDK's one JSON mapper (duplicate keys and trailing content refused); the
     * parser's own message is dropped because it may quote the (secret-bearing) input.
     */
    static JsonNode parseJson(String call, String what, String json) {
        JsonNode node;
        try {
            node = AnswerParser.json(json);
        } catch (UnreadableAnswer e) {
            throw fail(call, Reason.MALFORMED, what + " is not valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw fail(call, Reason.MALFORMED, what + " is empty, expected JSON");
        }
        return node;
    }

    static byte[] hmac(String macName, byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key, macName));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("The JDK cannot compute " + macName + ", which every Java SE runtime must provide", e);
        }
    }

    static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body strictly: every percent escape must
     * be complete and the result valid UTF-8. Field order is kept; repeated fields keep all values.
     */
    static Map<String, List<String>> parseForm(String call, String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeFormComponent(call, eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeFormComponent(call, pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return fields;
    }

    /** The single value of a form or query field; absent means MISSING, repeated means MALFORMED. */
    static String single(String call, Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        if (values == null) {
            throw fail(call, Reason.MISSING, "the field '" + name + "' is missing");
        }
        if (values.size() != 1) {
            throw fail(call, Reason.MALFORMED, "the field '" + name + "' appears " + values.size() + " times, expected once");
        }
        return values.get(0);
    }

    /** The value of a form or query field sent at most once; empty if absent, MALFORMED if repeated. */
    static Optional<String> optional(String call, Map<String, List<String>> fields, String name) {
        return fields.containsKey(name) ? Optional.of(single(call, fields, name)) : Optional.empty();
    }

    /** Whether {@code s} is 1 to {@code maxLength} ASCII digits: an integer that fits a {@code long}, for {@code maxLength} up to 18. */
    static boolean isDigits(String s, int maxLength) {
        return !s.isEmpty() && s.length() <= maxLength && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String decodeFormComponent(String call, String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw fail(call, Reason.MALFORMED, "incomplete percent escape in form or query data");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw fail(call, Reason.MALFORMED, "invalid percent escape in form or query data");
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < s.length() && Character.isLowSurrogate(s.charAt(end))) {
                    end++;
                }
                byte[] b = utf8(s.substring(i, end));
                out.write(b, 0, b.length);
                i = end - 1;
            }
        }
        return decodeUtf8Strict(call, out.toByteArray(), "form or query data");
    }

    static String decodeUtf8Strict(String call, byte[] bytes, String what) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw fail(call, Reason.MALFORMED, what + " is not valid UTF-8");
        }
    }

    /**
     * The single value of a header, looked up case-insensitively. Absent (or only empty values)
     * yields {@code null}; several values are MALFORMED, since an attacker could add one.
     */
    static String singleHeader(String call, Map<String, List<String>> headers, String name) {
        Objects.requireNonNull(headers, "headers");
        String found = null;
        int count = 0;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() == null || !e.getKey().equalsIgnoreCase(name) || e.getValue() == null) {
                continue;
            }
            for (String v : e.getValue()) {
                if (v != null) {
                    count++;
                    found = v;
                }
            }
        }
        if (count > 1) {
            throw fail(call, Reason.MALFORMED, "the " + name + " header appears " + count + " times, expected once");
        }
        return found;
    }

    /** Extracts the credentials of an {@code Authorization: Bearer <credentials>} header value. */
    static String bearer(String call, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw fail(call, Reason.MISSING, "the Authorization header is missing");
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw fail(call, Reason.MISSING, "the Authorization header does not use the Bearer scheme");
        }
        String credentials = value.substring(space + 1).strip();
        if (credentials.isEmpty()) {
            throw fail(call, Reason.MISSING, "the Authorization header carries no bearer credentials");
        }
        return credentials;
    }

    /** A positive duration, or {@code null} where that means "none". */
    static Duration positiveOrNone(String name, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
