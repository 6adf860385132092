package de.hessen.schulportal.bbb.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns parameters into the one query string that is both signed and sent.
 *
 * <p>{@link URLEncoder} form encoding (space as {@code +}, {@code *} kept, {@code ~} as
 * {@code %7E}) is what bbb-web itself uses when it rebuilds query strings, and every reserved
 * character inside a value is escaped, so the servlet parser on the server splits the string
 * exactly where we did. The result is never encoded again.
 */
public final class QueryString {
    private QueryString() {
    }

    /**
     * Encodes the parameters in their iteration order.
     *
     * @param parameters names and values; neither may be {@code null}
     * @return {@code name=value&name=value}, empty for no parameters
     */
    public static String encode(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder(parameters.size() * 24);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
