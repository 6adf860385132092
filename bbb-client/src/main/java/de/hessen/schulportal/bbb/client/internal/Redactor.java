package de.hessen.schulportal.bbb.client.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The one place that decides what may leave the SDK in logs, messages and {@code toString()}:
 * values of credential parameters are masked in every URL or query string that passes through.
 */
public final class Redactor {
    /** Parameter names whose values are credentials (compared case-insensitively). */
    private static final Set<String> SECRET_PARAMETERS = Set.of(
            "checksum", "password", "attendeepw", "moderatorpw", "sessiontoken", "auth_token", "token",
            "signed_parameters", "cbtoken", "access_token", "secret", "authorization", "apikey", "api_key", "jwt",
            // Not a credential, but a person's name: logs are not where pupils' names belong.
            "fullname");

    /** What a masked value is replaced with. */
    public static final String MASK = "***";

    private Redactor() {
    }

    /**
     * Masks credential values in a URL or bare query string.
     *
     * @param urlOrQuery an absolute URL, a path with query, or a bare query string
     * @return the same text with the values of {@code checksum}, {@code password},
     *         {@code attendeePW}, {@code moderatorPW}, tokens, secrets and {@code fullName} replaced
     *         by {@value #MASK}, and the query of URL-valued parameters ({@code …Url}, {@code …URL})
     *         masked
     */
    public static String redact(String urlOrQuery) {
        if (urlOrQuery == null) {
            return null;
        }
        int q = urlOrQuery.indexOf('?');
        String head;
        String query;
        if (q >= 0) {
            head = urlOrQuery.substring(0, q + 1);
            query = urlOrQuery.substring(q + 1);
        } else if (urlOrQuery.contains("=")) {
            head = "";
            query = urlOrQuery;
        } else {
            return urlOrQuery;
        }
        StringBuilder sb = new StringBuilder(urlOrQuery.length()).append(head);
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            String pair = query.substring(start, end);
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String lower = name.toLowerCase(Locale.ROOT);
            // A callback URL inside a parameter (meta_endCallbackUrl, meetingEndedURL, …) may
            // carry its own token: keep where it points, mask its query.
            int nested = eq >= 0 && lower.endsWith("url") ? nestedQuery(pair, eq + 1) : -1;
            if (eq >= 0 && SECRET_PARAMETERS.contains(lower)) {
                sb.append(name).append('=').append(MASK);
            } else if (nested >= 0) {
                sb.append(pair, 0, nested).append("%3F").append(MASK);
            } else {
                sb.append(pair);
            }
            if (amp < 0) {
                break;
            }
            sb.append('&');
            start = amp + 1;
        }
        return sb.toString();
    }

    /** Where an encoded or raw {@code ?} starts the nested query of a URL-valued parameter, or -1. */
    private static int nestedQuery(String pair, int valueStart) {
        int raw = pair.indexOf('?', valueStart);
        int encoded = pair.toUpperCase(Locale.ROOT).indexOf("%3F", valueStart);
        if (raw < 0) {
            return encoded;
        }
        return encoded < 0 ? raw : Math.min(raw, encoded);
    }

    /**
     * A URL with every query value (and any fragment) masked, for URLs that are values of their own,
     * such as a registered hook's callback URL: a receiver may put a token into any parameter.
     *
     * @param url the URL, may be {@code null}
     * @return the URL up to its query, then each parameter name with {@value #MASK} as its value
     */
    public static String maskQueryValues(String url) {
        if (url == null) {
            return null;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        int q = base.indexOf('?');
        StringBuilder sb = new StringBuilder(url.length());
        if (q < 0) {
            sb.append(base);
        } else {
            sb.append(base, 0, q + 1);
            String[] pairs = base.substring(q + 1).split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                int eq = pairs[i].indexOf('=');
                sb.append(i > 0 ? "&" : "").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq)).append('=').append(MASK);
            }
        }
        return hash < 0 ? sb.toString() : sb.append('#').append(MASK).toString();
    }
}
