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

    private static String decode(String s) {
        // URLDecoder throws IllegalArgumentException for a '%' not followed by two hex digits.
        String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD') < 0) {
            throw new IllegalArgumentException("query is not valid percent-encoded UTF-8");
        }
        return decoded;
    }
}
