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
        if (parameters instanceof ParameterMap) {
            return encode((ParameterMap) parameters);
        }
        StringBuilder sb = new StringBuilder(parameters.size() * 24);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(component(e.getKey())).append('=').append(component(e.getValue()));
        }
        return sb.toString();
    }

    private static String encode(ParameterMap parameters) {
        // Walks the arrays directly: no entry objects for the join link built per click.
        StringBuilder sb = new StringBuilder(parameters.size() * 24);
        for (int i = 0, n = parameters.size(); i < n; i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(component(parameters.nameAt(i))).append('=').append(component(parameters.valueAt(i)));
        }
        return sb.toString();
    }

    /**
     * One name or value. Parameter names and most values (IDs, roles, numbers, flags) consist only
     * of characters {@link URLEncoder} leaves alone; for them it would still allocate a buffer and
     * a writer, so they are passed through as they are, which is exactly what it would return.
     */
    private static String component(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean unchanged = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '*';
            if (!unchanged) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
        }
        return s;
    }
}
