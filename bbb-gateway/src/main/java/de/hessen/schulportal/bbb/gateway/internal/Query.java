// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw query string decoded the way a servlet container does for bbb-web: {@code &}-separated
 * pairs, form decoding ({@code +} is a space), the first value of a repeated name wins.
 *
 * <p>Where the gateway and bbb-web differ on raw queries (issue 19 §5; the gateway README lists them):
 * <ul>
 *   <li>A character RFC 3986 does not allow in a query ({@code ä} unencoded, {@code | [ ] { } " < > ^ `}
 *       and backslash, controls, spaces) is refused, as bbb-web's Tomcat refuses the request target
 *       with HTTP 400 ({@code HttpParser}, "Invalid character found in the request target") unless
 *       {@code relaxedQueryChars} is set: see {@link #invalidCharacter}.</li>
 *   <li>Malformed percent-encoding ({@code %ZZ}, a lone {@code %}, {@code %C3%28}, {@code %FF}) is
 *       refused; bbb-web's Tomcat skips a pair it cannot decode and decodes malformed UTF-8 with
 *       replacement characters, so bbb-web accepts it. Deliberately stricter: Moodle (PHP's
 *       {@code urlencode} of UTF-8 text) never sends it, and a parameter silently lost or altered on
 *       the way to BigBlueButton is worse than a clear error.</li>
 * </ul>
 */
public final class Query {
    /** More parameters than any BigBlueButton call has; a query with more is refused. */
    public static final int MAX_PARAMETERS = 300;

    private Query() {
    }

    /**
     * Decodes a raw query string.
     *
     * @param raw the query without {@code ?}; {@code null} means none
     * @return the parameters in wire order, unmodifiable
     * @throws IllegalArgumentException if a pair is not validly percent-encoded UTF-8, or there are
     *         more than {@link #MAX_PARAMETERS} pairs
     */
    public static Map<String, String> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        int count = 0;
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw new IllegalArgumentException("query has more than " + MAX_PARAMETERS + " parameters");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The first character of a raw query that RFC 3986 does not allow there, as bbb-web's Tomcat
     * refuses it: anything but {@code A-Z a-z 0-9 - . _ ~ % ! $ & ' ( ) * + , ; = : @ / ?}.
     *
     * @param raw the raw query, or {@code null}
     * @return the index of the first such character, or -1 if there is none
     */
    public static int invalidCharacter(String raw) {
        if (raw == null) {
            return -1;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~%!$&'()*+,;=:@/?".indexOf(c) >= 0;
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String s) {
        // URLDecoder throws IllegalArgumentException for a '%' not followed by two hex digits.
        String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD') < 0) {
            throw new IllegalArgumentException("query is not valid percent-encoded UTF-8");
        }
        return decoded;
    }
}
