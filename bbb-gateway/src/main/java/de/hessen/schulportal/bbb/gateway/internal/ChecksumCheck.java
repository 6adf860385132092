// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a client's checksum exactly as bbb-web 2.7/3.0 does (REFERENCE §2): the raw query string
 * as received, control characters stripped and trimmed, the {@code checksum} parameter cut out by
 * string replacement, {@code hex(H(call + rest + secret))} with H chosen by the checksum's length,
 * compared case-insensitively in constant time.
 *
 * <p>The tenant is the one whose secret verifies. Every tenant's digest is computed and compared on
 * every call, so the time taken does not tell which tenant (or whether any) matched. Written here on
 * purpose rather than with bbb-client's signer: the gateway must accept what bbb-web accepts, not
 * what our client would have sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChecksumCheck {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /** The result: the tenant, or the bbb-web message explaining the failure. */
    public static final class Result {
        private final Tenant tenant;
        private final String message;

        private Result(Tenant tenant, String message) {
            this.tenant = tenant;
            this.message = message;
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
     * Verifies one call.
     *
     * @param call the call name as in the path, e.g. {@code getMeetingInfo}
     * @param rawQuery the raw query string as received, or {@code null}
     * @param params the decoded parameters of that query
     * @return the matching tenant, or the reason there is none
     */
    public Result verify(String call, String rawQuery, Map<String, String> params) {
        String provided = params.get("checksum");
        if (provided != null) {
            provided = sanitize(provided);
        }
        if (provided == null || provided.isEmpty()) {
            return new Result(null, "You must provide the checksum");
        }
        ChecksumAlgorithm algorithm = byLength(provided.length());
        if (algorithm == null) {
            return new Result(null, "Checksums do not match");
        }
        String rest = stripChecksum(sanitize(rawQuery == null ? "" : rawQuery), provided);
        byte[] expected = provided.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        Tenant match = null;
        for (Tenant t : tenants) {
            // No early exit: every tenant costs the same, whether it matches or not. A tenant changing its
            // secret has two (Tenant.previousClientSecret): either verifies.
            for (String secret : t.clientSecrets()) {
                MessageDigest md = algorithm.newDigest();
                md.update((call + rest + secret).getBytes(StandardCharsets.UTF_8));
                byte[] actual = HexFormat.of().formatHex(md.digest()).getBytes(StandardCharsets.US_ASCII);
                boolean equal = MessageDigest.isEqual(actual, expected) && t.clientAlgorithms().contains(algorithm);
                if (equal && match == null) {
                    match = t;
                }
            }
        }
        return match == null ? new Result(null, "Checksums do not match") : new Result(match, null);
    }

    /**
     * bbb-web's {@code removeChecksumFromQueryString}: three string replacements, every occurrence.
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

    private static String sanitize(String s) {
        return CONTROL.matcher(s).replaceAll("").trim();
    }

    private static ChecksumAlgorithm byLength(int length) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (a.hexLength() == length) {
                return a;
            }
        }
        return null;
    }
}
