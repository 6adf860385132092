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
            "signed_parameters");

    /** What a masked value is replaced with. */
    public static final String MASK = "***";

    private Redactor() {
    }

    /**
     * Masks credential values in a URL or bare query string.
     *
     * @param urlOrQuery an absolute URL, a path with query, or a bare query string
     * @return the same text with the values of {@code checksum}, {@code password},
     *         {@code attendeePW}, {@code moderatorPW} and session tokens replaced by {@value #MASK}
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
            if (eq >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                sb.append(name).append('=').append(MASK);
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

    /**
     * Whether a parameter name carries a credential.
     *
     * @param name a parameter name
     * @return {@code true} for {@code checksum}, passwords and tokens
     */
    public static boolean isSecretParameter(String name) {
        return SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
