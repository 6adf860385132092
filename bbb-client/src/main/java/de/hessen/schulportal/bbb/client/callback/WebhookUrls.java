// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a webhook delivery's signed string is split into URL and body, decided once (why: see
 * {@link WebhookVerifier}, "Where the URL ends and the body begins"). In the exact form bbb-webhooks
 * writes no value contains a raw {@code &} or {@code =}, so {@code domain=} occurs only at the start
 * and no suffix of one delivery body is another delivery body: for a fixed registered URL, the
 * signed string has one split only.
 *
 * <p>bbb-webhooks signs the URL as registered and then sends the request to the URL its HTTP
 * client normalised (WHATWG URL: lowercase scheme and host, default port dropped, non-ASCII and a
 * few ASCII characters percent-encoded). {@link #sameUrl} therefore compares a request URL with a
 * registered one after the same normalisation on both sides; the checksum is always computed over
 * the registered string.
 */
final class WebhookUrls {
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private WebhookUrls() {
    }

    /**
     * Checks a callback URL given to the builder: absolute http(s), no fragment, no control
     * characters, no whitespace other than inner spaces (which bbb-webhooks' HTTP client sends as
     * {@code %20}).
     */
    static String checkRegistered(String url, int maxLength) {
        if (url.length() > maxLength) {
            throw new IllegalArgumentException("callbackUrls: a URL has " + url.length() + " characters, more than maxUrlLength " + maxLength);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int authority = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        if (authority < 0 || url.length() == authority) {
            throw new IllegalArgumentException("callbackUrls: each URL must be an absolute http or https URL, as registered with hooks/create");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean innerSpace = c == ' ' && i > 0 && i < url.length() - 1;
            if (c == '#' || Character.isISOControl(c) || ((Character.isWhitespace(c) || Character.isSpaceChar(c)) && !innerSpace)) {
                throw new IllegalArgumentException("callbackUrls: a URL must not contain a fragment, control characters or whitespace"
                        + " other than inner spaces");
            }
        }
        return url;
    }

    /** Whether a request URL (checksum removed) addresses the registered URL. */
    static boolean sameUrl(String registered, String requestBase) {
        return registered.equals(requestBase) || normalise(registered).equals(normalise(requestBase));
    }

    /**
     * A comparable form: scheme and host lowercased (non-ASCII hosts in their ASCII form), default
     * port dropped, empty path made {@code /}, percent escapes in uppercase hex, and every character
     * outside RFC 3986's unreserved and reserved sets (and {@code '}, which WHATWG escapes in
     * queries) percent-encoded as UTF-8. Escapes are never decoded: {@code %2F} stays distinct from
     * {@code /}.
     */
    static String normalise(String url) {
        int colon = url.indexOf("://");
        if (colon < 0) {
            return url;
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        int restStart = colon + 3;
        int end = restStart;
        while (end < url.length() && "/?".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = normaliseAuthority(scheme, url.substring(restStart, end));
        String rest = url.substring(end);
        if (rest.isEmpty() || rest.charAt(0) == '?') {
            rest = "/" + rest;
        }
        return scheme + "://" + authority + encode(rest);
    }

    private static String normaliseAuthority(String scheme, String authority) {
        String host = authority;
        String port = "";
        int lastColon = authority.lastIndexOf(':');
        if (lastColon >= 0 && authority.indexOf(']', lastColon) < 0) {
            host = authority.substring(0, lastColon);
            port = authority.substring(lastColon + 1);
        }
        if ((scheme.equals("http") && port.equals("80")) || (scheme.equals("https") && port.equals("443"))) {
            port = "";
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // Not a valid IDN: compare the text as it is; it will then match only itself.
        }
        return host.toLowerCase(Locale.ROOT) + (port.isEmpty() ? "" : ":" + port);
    }

    private static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                b.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80 && c > 0x20 && c != 0x7f && "\"<>\\^`{|}'%".indexOf(c) < 0) {
                b.append(c);
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < s.length() && Character.isLowSurrogate(s.charAt(end))) {
                    end++;
                }
                for (byte x : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(UPPER_HEX.toHexDigits(x));
                }
                i = end - 1;
            }
        }
        return b.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Whether the body is exactly {@code domain=V&event=V&timestamp=DIGITS}, each V made only of
     * the characters {@code URLSearchParams} writes ({@code A-Z a-z 0-9 * - . _ +} and
     * {@code %XX}), the event non-empty.
     */
    static boolean isDeliveryForm(byte[] body) {
        int i = expect(body, 0, "domain=");
        i = value(body, i);
        i = expect(body, i, "&event=");
        int eventStart = i;
        i = value(body, i);
        if (i == eventStart) {
            return false;
        }
        i = expect(body, i, "&timestamp=");
        if (i < 0 || i == body.length || body.length - i > 18) {
            return false;
        }
        for (; i < body.length; i++) {
            if (body[i] < '0' || body[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int expect(byte[] body, int at, String literal) {
        if (at < 0 || body.length - at < literal.length()) {
            return -1;
        }
        for (int k = 0; k < literal.length(); k++) {
            if (body[at + k] != literal.charAt(k)) {
                return -1;
            }
        }
        return at + literal.length();
    }

    private static int value(byte[] body, int at) {
        if (at < 0) {
            return -1;
        }
        int i = at;
        while (i < body.length) {
            int c = body[i];
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '-' || c == '.'
                    || c == '_' || c == '+') {
                i++;
            } else if (c == '%') {
                if (i + 2 >= body.length || !isHex((char) body[i + 1]) || !isHex((char) body[i + 2])) {
                    return -1;
                }
                i += 3;
            } else {
                break;
            }
        }
        return i;
    }
}
