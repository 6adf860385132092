// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the gateway learns which tenant a call is for, and so how much an unauthenticated call costs.
 *
 * <ul>
 *   <li>{@link #bySecret()} (default): a call to {@code /t/<tenant>/bigbluebutton/api/…} is checked
 *       with that tenant's secret only; any other call with every tenant's secret (the shared part
 *       hashed once, each secret finished on a copy). Cost grows, slowly, with the number of tenants.</li>
 *   <li>{@link #byPath()}: only {@code /t/<tenant>/bigbluebutton/api/…}; Moodle's server URL is
 *       {@code https://gw.example.org/t/<tenant>/bigbluebutton/}. A call without the prefix is refused
 *       without hashing. Cost independent of the number of tenants.</li>
 *   <li>{@link #byHost(String)}: the tenant is the first label of the host name
 *       ({@code <tenant>.gw.example.org}, as Scalelite's multitenancy does); the path prefix works as
 *       well. A call on any other host name is refused without hashing.</li>
 * </ul>
 *
 * <p>Immutable.
 */
public final class TenantRouting {
    private static final Pattern SUFFIX = Pattern.compile("(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final TenantRouting SECRET = new TenantRouting(false, null);
    private static final TenantRouting PATH = new TenantRouting(true, null);

    private final boolean required;
    private final String hostSuffix;

    private TenantRouting(boolean required, String hostSuffix) {
        this.required = required;
        this.hostSuffix = hostSuffix;
    }

    /**
     * The default: the path prefix when present, otherwise the secret that verifies.
     *
     * @return the routing
     */
    public static TenantRouting bySecret() {
        return SECRET;
    }

    /**
     * Only the {@code /t/<tenant>/} path prefix.
     *
     * @return the routing
     */
    public static TenantRouting byPath() {
        return PATH;
    }

    /**
     * The first label of the host name under this suffix, or the path prefix.
     *
     * @param suffix a DNS suffix starting with a dot, e.g. {@code .gw.example.org}
     * @return the routing
     * @throws IllegalArgumentException if the suffix is not a DNS suffix starting with a dot
     */
    public static TenantRouting byHost(String suffix) {
        String s = Objects.requireNonNull(suffix, "suffix").toLowerCase(Locale.ROOT);
        if (!SUFFIX.matcher(s).matches()) {
            throw new IllegalArgumentException("tenant host suffix must be a DNS suffix starting with a dot, e.g. .gw.example.org");
        }
        return new TenantRouting(true, s);
    }

    /**
     * Whether a call must name its tenant (path or host); one that does not is refused without hashing.
     *
     * @return whether routing is required
     */
    public boolean isRequired() {
        return required;
    }

    /**
     * The host suffix of {@link #byHost(String)}.
     *
     * @return the suffix, if any
     */
    public Optional<String> hostSuffix() {
        return Optional.ofNullable(hostSuffix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantRouting && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return hostSuffix != null ? "byHost(" + hostSuffix + ")" : required ? "byPath" : "bySecret";
    }
}
