// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a client's checksum as bbb-web 2.7/3.0 does (REFERENCE §2), but strictly: the raw query
 * string as received, control characters stripped and trimmed, the one {@code checksum} parameter
 * cut out, {@code hex(H(call + rest + secret))} with H chosen by the checksum's length, compared
 * in constant time.
 *
 * <p><b>Stricter than bbb-web (issue 19 §1).</b> bbb-web's {@code removeChecksumFromQueryString}
 * removes <em>every</em> occurrence of {@code checksum=<value>} by string replacement, so whoever holds
 * one signed URL can splice that text into another parameter and still pass: {@code &guest=true}
 * becomes {@code &gchecksum=<X>uest=true}, {@code createTime} disappears, {@code userID} or the meeting
 * ID are cut short. The gateway refuses a query with more than one parameter named {@code checksum}
 * (after decoding) or in which the checksum value occurs anywhere but as that parameter's value, so
 * what it hashes is exactly what it parsed. Moodle never sends either.
 *
 * <p><b>Cost independent of the number of tenants.</b> When the caller already knows the tenant (the
 * {@code /t/<tenant>/} path prefix or a host label), only that tenant's secret is tried. Otherwise the
 * shared part {@code call + rest} is hashed once and the digest state cloned to finish with each
 * tenant's secret; every tenant is finished and compared (no early exit), so the time taken does not
 * tell which tenant (or whether any) matched. Written here on purpose rather than with bbb-client's
 * signer: the gateway must accept what bbb-web accepts, not what our client would have sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChecksumCheck {

    /** The result: the tenant, or the bbb-web message explaining the failure. */
    public static final class Result {
        private final Tenant tenant;
        private final String message;
        private final boolean previousSecret;

        private Result(Tenant tenant, String message) {
            this(tenant, message, false);
        }

        private Result(Tenant tenant, String message, boolean previousSecret) {
            this.tenant = tenant;
            this.message = message;
            this.previousSecret = previousSecret;
        }

        /**
         * The tenant whose secret verified, or {@code null}.
         *
         * @return the tenant or {@code null}
         */
        public Tenant tenant() {
            return tenant;
        }

        /**
         * Whether the tenant's {@link Tenant#previousClientSecret() previous secret} verified, not its
         * current one: the client has not switched to the new secret yet.
         *
         * @return true for the previous secret; false for the current one or a failed check
         */
        public boolean previousSecret() {
            return previousSecret;
        }

        /**
         * bbb-web's message for a failed check.
         *
         * @return the message, or {@code null} on success
         */
        public String message() {
            return message;
        }
    }

    private final List<Tenant> tenants;

    /**
     * A check over these tenants.
     *
     * @param tenants the tenants; client secrets must be distinct
     */
    public ChecksumCheck(List<Tenant> tenants) {
        this.tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants"));
    }

    /**
     * Verifies one call against every tenant.
     *
     * @param call the call name as in the path, e.g. {@code getMeetingInfo}
     * @param rawQuery the raw query string as received, or {@code null}
     * @param params the decoded parameters of that query
     * @return the matching tenant, or the reason there is none
     */
    public Result verify(String call, String rawQuery, Map<String, String> params) {
        return verify(call, rawQuery, params, tenants);
    }

    /**
     * Verifies one call against one tenant, already known from the request's path or host.
     *
     * @param call the call name as in the path
     * @param rawQuery the raw query string as received, or {@code null}
     * @param params the decoded parameters of that query
     * @param tenant the only tenant whose secret is tried
     * @return the tenant, or the reason the checksum does not verify
     */
    public Result verifyFor(String call, String rawQuery, Map<String, String> params, Tenant tenant) {
        return verify(call, rawQuery, params, List.of(Objects.requireNonNull(tenant, "tenant")));
    }

    /**
     * The failure for a call whose tenant is named (path or host) but unknown, or not named where it
     * must be: bbb-web's mismatch message, nothing hashed (as Scalelite answers an unknown tenant).
     *
     * @return the failed result
     */
    public static Result unknownTenant() {
        return new Result(null, "Checksums do not match");
    }

    private static Result verify(String call, String rawQuery, Map<String, String> params, List<Tenant> candidates) {
        String provided = params.get("checksum");
        if (provided != null) {
            provided = sanitize(provided);
        }
        if (provided == null || provided.isEmpty()) {
            return new Result(null, "You must provide the checksum");
        }
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.ofHexLength(provided.length()).orElse(null);
        byte[] expected = hex(provided);
        String query = sanitize(rawQuery == null ? "" : rawQuery);
        int at = algorithm == null || expected == null ? -1 : singleChecksum(query, provided);
        if (at < 0) {
            return new Result(null, "Checksums do not match");
        }
        MessageDigest shared = algorithm.newDigest();
        shared.update((call + withoutPair(query, at, "checksum=".length() + provided.length())).getBytes(StandardCharsets.UTF_8));
        Tenant match = null;
        boolean previous = false;
        for (Tenant t : candidates) {
            // No early exit: every tenant costs the same, whether it matches or not. A tenant changing its
            // secret has two (Tenant.previousClientSecret, second in clientSecrets): either verifies.
            List<String> secrets = t.clientSecrets();
            for (int i = 0; i < secrets.size(); i++) {
                byte[] actual = finish(shared, secrets.get(i).getBytes(StandardCharsets.UTF_8));
                boolean equal = MessageDigest.isEqual(actual, expected) && t.clientAlgorithms().contains(algorithm);
                if (equal && match == null) {
                    match = t;
                    previous = i > 0;
                }
            }
        }
        return match == null ? new Result(null, "Checksums do not match") : new Result(match, null, previous);
    }

    /** The digest of the shared state followed by the secret; the shared state is left as it was. */
    private static byte[] finish(MessageDigest shared, byte[] secret) {
        try {
            MessageDigest md = (MessageDigest) shared.clone();
            md.update(secret);
            return md.digest();
        } catch (CloneNotSupportedException e) {
            // The JDK's SHA providers are cloneable; a provider that is not would change the cost, not the result.
            throw new IllegalStateException("the checksum digest cannot be cloned", e);
        }
    }

    /**
     * Where the one {@code checksum} parameter starts, or -1: the query must hold exactly one parameter
     * named {@code checksum} (after decoding), spelled {@code checksum=<provided>}, and the checksum
     * value nowhere else. Exact case suffices: a copy in another case would stay in what is hashed.
     */
    static int singleChecksum(String query, String provided) {
        int named = 0;
        int exact = -1;
        for (int start = 0; start <= query.length();) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int eq = query.indexOf('=', start);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            if (isChecksumName(query, start, nameEnd)) {
                named++;
                boolean spelled = nameEnd == eq && query.regionMatches(eq + 1, provided, 0, provided.length())
                        && eq + 1 + provided.length() == end;
                exact = spelled ? start : -1;
            }
            start = end + 1;
        }
        if (named != 1 || exact < 0) {
            return -1;
        }
        int first = query.indexOf(provided);
        return query.indexOf(provided, first + 1) < 0 ? exact : -1;
    }

    /**
     * The query without the pair at {@code at} of {@code length} characters and one {@code &} next to
     * it: what bbb-web's {@link #stripChecksum} leaves when the pair occurs once.
     */
    private static String withoutPair(String query, int at, int length) {
        int end = at + length;
        if (at > 0) {
            return query.substring(0, at - 1) + query.substring(end);
        }
        return end < query.length() ? query.substring(end + 1) : "";
    }

    /** Whether the raw name between {@code from} and {@code to} decodes to {@code checksum}. */
    private static boolean isChecksumName(String query, int from, int to) {
        String raw = query.substring(from, to);
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw.equals("checksum");
        }
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8).equals("checksum");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The bytes of a hex string, or {@code null} if it is not hex. */
    private static byte[] hex(String s) {
        if (s.length() % 2 != 0) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * bbb-web's {@code removeChecksumFromQueryString}: three string replacements, every occurrence.
     * The gateway calls it only after {@link #singleChecksum} has made sure there is one occurrence,
     * where it removes exactly the {@code checksum} parameter and one {@code &}.
     *
     * @param query the sanitized raw query
     * @param checksum the checksum value
     * @return the query that was signed
     */
    static String stripChecksum(String query, String checksum) {
        return query.replace("&checksum=" + checksum, "")
                .replace("checksum=" + checksum + "&", "")
                .replace("checksum=" + checksum, "");
    }

    /** bbb-web's sanitising: control characters ({@code \p{Cc}}) removed, then trimmed; no copy when there are none. */
    private static String sanitize(String s) {
        int i = 0;
        while (i < s.length() && !Character.isISOControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s.trim();
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString().trim();
    }
}
