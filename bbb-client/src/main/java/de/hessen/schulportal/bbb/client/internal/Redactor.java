// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what may leave the SDK in logs, messages and {@code toString()}:
 * credentials, the user info and query values of URLs carried as values, chat texts and user data
 * are masked in every URL, query string or message text that passes through.
 */
public final class Redactor {
    /**
     * Parameter names whose values are credentials, lower case: masked as query parameters, as
     * {@code name=value} / {@code name: value} pairs and as {@code <name>} elements in free text.
     */
    private static final Set<String> CREDENTIALS = Set.of(
            "checksum", "password", "attendeepw", "moderatorpw", "sessiontoken", "session_token", "auth_token", "token",
            "signed_parameters", "cbtoken", "access_token", "secret", "authorization", "apikey", "api_key", "jwt");
    /**
     * Parameter names whose values are what people are called, lower case: logs are not where pupils'
     * names belong. Masked wherever the credentials are.
     */
    private static final Set<String> PERSONAL = Set.of("fullname", "username");
    /**
     * The text of {@code sendChatMessage}, masked in a URL or query string; in free text
     * {@code message} is BigBlueButton's own error message and stays readable.
     */
    private static final String CHAT_MESSAGE = "message";
    /** The names masked in a URL or query string. */
    private static final Set<String> SECRET_PARAMETERS = union(CREDENTIALS, PERSONAL, Set.of(CHAT_MESSAGE));
    /** The names masked in free text. */
    private static final Set<String> TEXT_NAMES = union(CREDENTIALS, PERSONAL);

    /** What a masked value is replaced with, here and in the generated values' {@code toString} ({@link ValueType}). */
    public static final String MASK = "****";

    /** A credential written as name=value, name: value, "name":"value" or name%3Dvalue in free text. */
    private static final Pattern TEXT_PAIR = Pattern.compile("(?i)(?<![A-Za-z0-9_-])(" + alternation(TEXT_NAMES)
            + ")(\"?\\s*(?:=|:|%3D)\\s*\"?)(?:bearer\\s+)?([^\\s&\"'<>,;]*)");
    /** The same names as XML elements, as an echoed request document would carry them. */
    private static final Pattern TEXT_ELEMENT = Pattern.compile("(?i)<(" + alternation(TEXT_NAMES) + ")>[^<]*</\\1>");
    /** An absolute URL inside free text. */
    private static final Pattern TEXT_URL = Pattern.compile("(?i)https?://[^\\s\"'<>]+");
    /** A checksum-length run of hex digits standing alone (not part of an internal meeting or record ID). */
    private static final Pattern HEX_DIGEST = Pattern.compile("(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{128}|[0-9A-Fa-f]{96}|[0-9A-Fa-f]{64}"
            + "|[0-9A-Fa-f]{40})(?![0-9A-Fa-f]|-[0-9])");

    private Redactor() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    /**
     * The names as a regex alternation. Their order does not matter: each alternative must be followed
     * by the rest of the pattern, so the matcher backtracks into a longer name where a shorter one fails.
     */
    private static String alternation(Set<String> names) {
        return String.join("|", new TreeSet<>(names));
    }

    /**
     * Masks what must not leave the SDK in a URL, a bare query string or a message text.
     *
     * <p>In a URL or query: the values of {@code checksum}, {@code password}, {@code attendeePW},
     * {@code moderatorPW}, tokens, secrets, {@code fullName}, {@code userName}, {@code message}
     * (sendChatMessage) and {@code userdata-*}; the user info of the URL; and in every parameter
     * whose value is itself a URL (callback URLs, {@code logoutURL}, {@code meta_*-url}, any value
     * starting with {@code http://} or {@code https://}, encoded or not) its user info, every query
     * value and its fragment, keeping scheme, host, path and parameter names.
     *
     * <p>In text with spaces (server messages, exception messages): every URL in it as above;
     * credentials written as {@code name=value}, {@code name: value}, {@code "name":"value"},
     * {@code name%3Dvalue} or {@code <name>value</name>}; and checksum-length hex digests.
     *
     * @return the masked text; {@code null} for {@code null}
     */
    public static String redact(String urlOrQuery) {
        if (urlOrQuery == null) {
            return null;
        }
        for (int i = 0; i < urlOrQuery.length(); i++) {
            if (Character.isWhitespace(urlOrQuery.charAt(i))) {
                return redactText(urlOrQuery);
            }
        }
        return redactUrlOrQuery(urlOrQuery);
    }

    private static String redactText(String text) {
        String out = replaceAll(TEXT_URL, text, m -> redactUrlOrQuery(m.group()));
        out = replaceAll(TEXT_ELEMENT, out, m -> "<" + m.group(1) + ">" + MASK + "</" + m.group(1) + ">");
        out = replaceAll(TEXT_PAIR, out, m -> m.group(3).isEmpty() || m.group(3).equals(MASK) ? m.group() : m.group(1) + m.group(2) + MASK);
        return replaceAll(HEX_DIGEST, out, m -> MASK);
    }

    /** Replaces every match with the function's text, taken literally (no {@code $} group references). */
    private static String replaceAll(Pattern pattern, String text, Function<MatchResult, String> replacement) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
    }

    private static String redactUrlOrQuery(String urlOrQuery) {
        int q = urlOrQuery.indexOf('?');
        String head;
        String query;
        if (q >= 0) {
            head = maskUserInfo(urlOrQuery.substring(0, q + 1));
            query = urlOrQuery.substring(q + 1);
        } else if (urlOrQuery.contains("=")) {
            head = "";
            query = urlOrQuery;
        } else {
            return maskUserInfo(urlOrQuery);
        }
        String fragment = "";
        int hash = query.indexOf('#');
        if (hash >= 0) {
            fragment = "#" + MASK;
            query = query.substring(0, hash);
        }
        StringBuilder sb = new StringBuilder(urlOrQuery.length()).append(head);
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            String pair = query.substring(start, end);
            int eq = pair.indexOf('=');
            String lower = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (eq < 0) {
                sb.append(pair);
            } else if (SECRET_PARAMETERS.contains(lower) || lower.startsWith("userdata-")) {
                sb.append(pair, 0, eq + 1).append(MASK);
            } else if (lower.endsWith("url") || isUrl(pair, eq + 1)) {
                sb.append(pair, 0, eq + 1).append(maskNestedUrl(pair.substring(eq + 1)));
            } else {
                sb.append(pair);
            }
            if (amp < 0) {
                break;
            }
            sb.append('&');
            start = amp + 1;
        }
        return sb.append(fragment).toString();
    }

    /** Whether the value starting at {@code from} is an http(s) URL, raw or percent-encoded. */
    private static boolean isUrl(String s, int from) {
        String v = s.substring(from, Math.min(s.length(), from + 14)).toLowerCase(Locale.ROOT);
        return v.startsWith("http://") || v.startsWith("https://") || v.startsWith("http%3a%2f%2f") || v.startsWith("https%3a%2f%2f");
    }

    /** Masks user info in the authority of a (raw) URL head: {@code http://user:pw@host} → {@code http://****@host}. */
    private static String maskUserInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int authorityEnd = url.length();
        for (int i = scheme + 3; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                authorityEnd = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', authorityEnd - 1);
        if (at < scheme + 3) {
            return url;
        }
        return url.substring(0, scheme + 3) + MASK + url.substring(at);
    }

    /**
     * Masks the user info, every query value and the fragment of a URL carried as a value, whose
     * delimiters may be raw ({@code ? & = # @ /}) or percent-encoded ({@code %3F %26 %3D %23 %40 %2F}).
     */
    private static String maskNestedUrl(String v) {
        String upper = v.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(v.length());
        int i = 0;
        int schemeEnd = indexOf(upper, 0, "://", "%3A%2F%2F");
        if (schemeEnd >= 0) {
            int authorityStart = schemeEnd + (upper.startsWith("://", schemeEnd) ? 3 : 9);
            int authorityEnd = indexOf(upper, authorityStart, "/", "?", "#", "%2F", "%3F", "%23");
            if (authorityEnd < 0) {
                authorityEnd = v.length();
            }
            int at = Math.max(upper.lastIndexOf('@', authorityEnd - 1), upper.lastIndexOf("%40", authorityEnd - 1));
            sb.append(v, 0, authorityStart);
            if (at >= authorityStart) {
                sb.append(MASK);
                i = at;
            } else {
                i = authorityStart;
            }
        }
        int query = indexOf(upper, i, "?", "%3F");
        int fragment = indexOf(upper, i, "#", "%23");
        if (query < 0 || (fragment >= 0 && fragment < query)) {
            query = -1;
        }
        int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : v.length();
        sb.append(v, i, pathEnd);
        if (query >= 0) {
            int qStart = query + (v.charAt(query) == '?' ? 1 : 3);
            sb.append(v, query, qStart);
            int qEnd = fragment >= 0 ? fragment : v.length();
            int p = qStart;
            while (p <= qEnd) {
                int amp = indexOf(upper, p, "&", "%26");
                if (amp < 0 || amp > qEnd) {
                    amp = qEnd;
                }
                int eq = indexOf(upper, p, "=", "%3D");
                if (eq >= 0 && eq < amp) {
                    int valueStart = eq + (v.charAt(eq) == '=' ? 1 : 3);
                    sb.append(v, p, valueStart).append(MASK);
                } else if (amp > p) {
                    sb.append(MASK);
                }
                if (amp >= qEnd) {
                    break;
                }
                int next = amp + (v.charAt(amp) == '&' ? 1 : 3);
                sb.append(v, amp, next);
                p = next;
            }
        }
        if (fragment >= 0) {
            sb.append(v, fragment, fragment + (v.charAt(fragment) == '#' ? 1 : 3)).append(MASK);
        }
        return sb.toString();
    }

    /** The first position at or after {@code from} where any of the (uppercase) needles starts, or -1. */
    private static int indexOf(String upper, int from, String... needles) {
        int best = -1;
        for (String n : needles) {
            int at = upper.indexOf(n, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }
}
