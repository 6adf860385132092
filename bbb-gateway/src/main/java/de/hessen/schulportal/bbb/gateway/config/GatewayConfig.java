// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import de.hessen.schulportal.bbb.portal.DisplayNamePolicy;
import de.hessen.schulportal.bbb.portal.MeetingSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a {@code Gateway} needs: tenants, the keys (the gateway's {@link KeyRing} and each
 * tenant's own), the public URL, the privacy policy and the limits. Usually read from the environment with {@code GatewayEnvironment}.
 *
 * <p>Immutable. {@link #toString()} never shows a secret or the key.
 *
 * <pre>{@code
 * GatewayConfig config = GatewayConfig.builder(pseudonymKeyBase64)
 *         .publicUrl(URI.create("https://gw.example.org/"))
 *         .tenant(Tenant.builder("moodle1", moodleSecret, bbbUrl, bbbSecret).build())
 *         .build();
 * }</pre>
 */
public final class GatewayConfig {
    private static final Pattern META_KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern ORIGIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final URI publicUrl;
    private final List<Tenant> tenants;
    private final String host;
    private final int port;
    private final DisplayNamePolicy.Format viewerNames;
    private final DisplayNamePolicy.Format moderatorNames;
    private final Set<String> metadataKeys;
    private final String origin;
    private final boolean forwardMeetingName;
    private final boolean forwardWelcome;
    private final MeetingSettings createSettings;
    private final GatewayLimits limits;
    private final KeyRing keyRing;
    /** Looked up on every seal and open: a map, not a walk over the tenants. */
    private final Map<String, KeyRing> ringByTenant;
    private final String managementHost;
    private final int managementPort;
    private final TenantRouting tenantRouting;
    private final boolean allowLoopbackFetch;
    private final boolean refusePrivateFetch;

    private GatewayConfig(Builder b) {
        // The key given to builder(String) is checked (KeyRing.of applies the keyed pseudonyms' rule) even where keyRing replaces it.
        KeyRing single = KeyRing.single(KeyRing.decodeKey("pseudonymKey", Objects.requireNonNull(b.pseudonymKey, "pseudonymKey")));
        this.publicUrl = b.publicUrl;
        if (publicUrl != null) {
            String scheme = publicUrl.getScheme();
            if (!publicUrl.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || publicUrl.getRawQuery() != null) {
                throw new IllegalArgumentException("publicUrl must be an absolute http(s) URL without a query");
            }
            if (publicUrl.getRawUserInfo() != null) {
                // Never repeated: it would be copied into metadata, logout URLs and toString().
                throw new IllegalArgumentException("publicUrl must not contain user information (user:password@)");
            }
        }
        if (b.tenants.isEmpty()) {
            throw new IllegalArgumentException("tenants must not be empty");
        }
        Set<String> ids = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (Tenant t : b.tenants) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("tenant ids must be unique; repeated: " + t.id());
            }
            for (String secret : t.clientSecrets()) {
                if (!secrets.add(secret)) {
                    throw new IllegalArgumentException("tenant client secrets must be unique, current and previous ones "
                            + "(the secret picks the tenant); repeated in tenant " + t.id());
                }
            }
        }
        this.tenants = List.copyOf(b.tenants);
        this.host = Objects.requireNonNull(b.host, "host");
        this.port = range("port", b.port, 0, 65535);
        this.viewerNames = Objects.requireNonNull(b.viewerNames, "viewerNames");
        this.moderatorNames = Objects.requireNonNull(b.moderatorNames, "moderatorNames");
        this.metadataKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.metadataKeys));
        this.origin = Objects.requireNonNull(b.origin, "origin");
        if (!ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("origin must match [A-Za-z0-9._:-]{1,64}");
        }
        this.forwardMeetingName = b.forwardMeetingName;
        this.forwardWelcome = b.forwardWelcome;
        this.createSettings = Objects.requireNonNull(b.createSettings, "createSettings");
        this.limits = Objects.requireNonNull(b.limits, "limits");
        this.keyRing = b.keyRing != null ? b.keyRing : single;
        Map<String, KeyRing> rings = new HashMap<>();
        for (Tenant t : tenants) {
            rings.put(t.id(), t.keyRing().orElse(keyRing));
        }
        this.ringByTenant = Map.copyOf(rings);
        this.managementHost = Objects.requireNonNull(b.managementHost, "managementHost");
        this.managementPort = range("managementPort", b.managementPort, 0, 65535);
        this.tenantRouting = Objects.requireNonNull(b.tenantRouting, "tenantRouting");
        this.allowLoopbackFetch = b.allowLoopbackFetch;
        this.refusePrivateFetch = b.refusePrivateFetch;
    }

    /**
     * The keys of a tenant for sealing (reversible pseudonyms, sealed recording names, callback,
     * logout and slide tokens) and keyed pseudonyms: the tenant's own ring ({@link Tenant#keyRing()})
     * if it has one, else the gateway's ring ({@link #keyRing()}). Sub-keys are derived per tenant
     * either way.
     *
     * @param tenantId the tenant ID
     * @return the ring, or {@code null} if there is no such tenant
     */
    public KeyRing keyRing(String tenantId) {
        if (tenantId == null) {
            return null;
        }
        return ringByTenant.get(tenantId);
    }

    /**
     * The gateway's ring, for every tenant without its own: {@link Builder#keyRing(KeyRing)}, or the
     * pseudonym key alone under the ID {@value KeyRing#DEFAULT_ID}.
     *
     * @return the ring
     */
    public KeyRing keyRing() {
        return keyRing;
    }

    /**
     * The interface of the management connector ({@code /metrics}, {@code /health/*}). Default
     * {@code 127.0.0.1}: metrics stay on the host unless the operator opens them.
     *
     * @return the host
     */
    public String managementHost() {
        return managementHost;
    }

    /**
     * The port of the management connector; 0 (the default here; {@code GatewayEnvironment} defaults
     * to 8091) picks a free port, see {@code Gateway.managementUrl()}.
     *
     * @return the port
     */
    public int managementPort() {
        return managementPort;
    }

    /**
     * How the tenant of a call is found. Default {@link TenantRouting#bySecret()}.
     *
     * @return the routing
     */
    public TenantRouting tenantRouting() {
        return tenantRouting;
    }

    private static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /**
     * Starts a configuration.
     *
     * @param pseudonymKeyBase64 the gateway's key, Base64, at least 32 random bytes: its ring's only key, under the ID
     *     {@value KeyRing#DEFAULT_ID}, unless {@link Builder#keyRing(KeyRing)} gives the ring
     * @return a new builder
     */
    public static Builder builder(String pseudonymKeyBase64) {
        return new Builder(pseudonymKeyBase64);
    }

    /**
     * How BigBlueButton and browsers reach the gateway; callback and logout URLs are built on it.
     *
     * @return the URL, or empty to use the gateway's own local URL (tests, the demo)
     */
    public Optional<URI> publicUrl() {
        return Optional.ofNullable(publicUrl);
    }

    /**
     * The tenants.
     *
     * @return the tenants, unmodifiable
     */
    public List<Tenant> tenants() {
        return tenants;
    }

    /**
     * The interface to listen on.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * The port; 0 picks a free one.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * How viewers' names are shown.
     *
     * @return the format
     */
    public DisplayNamePolicy.Format viewerNames() {
        return viewerNames;
    }

    /**
     * How moderators' names are shown.
     *
     * @return the format
     */
    public DisplayNamePolicy.Format moderatorNames() {
        return moderatorNames;
    }

    /**
     * Metadata keys passed besides {@code bbb-origin}, if their values are short machine values.
     *
     * @return the keys
     */
    public Set<String> metadataKeys() {
        return metadataKeys;
    }

    /**
     * The fixed {@code meta_bbb-origin} sent on every create.
     *
     * @return the value
     */
    public String origin() {
        return origin;
    }

    /**
     * Whether the client's meeting name is forwarded (otherwise a neutral name replaces it).
     *
     * @return the flag
     */
    public boolean isForwardMeetingName() {
        return forwardMeetingName;
    }

    /**
     * Whether the client's welcome message is forwarded.
     *
     * @return the flag
     */
    public boolean isForwardWelcome() {
        return forwardWelcome;
    }

    /**
     * The settings create enforces, the portal adapter's {@link MeetingSettings}. They only tighten
     * what the client asked for: a switch that is on here is turned on, features disabled here are
     * disabled, lock settings, a participant cap and a duration given here replace the client's.
     *
     * @return the settings
     */
    public MeetingSettings createSettings() {
        return createSettings;
    }

    /**
     * The limits and timeouts.
     *
     * @return the limits
     */
    public GatewayLimits limits() {
        return limits;
    }

    /**
     * Whether slides may be fetched from, and callbacks POSTed to, loopback addresses. Default
     * {@code false}; only tests (whose Moodle runs on 127.0.0.1) set it.
     *
     * @return the flag
     */
    public boolean isAllowLoopbackFetch() {
        return allowLoopbackFetch;
    }

    /**
     * Whether slides and callbacks to private (site-local, unique-local) addresses are refused too.
     * Default {@code false}: a school's Moodle may live on a private network.
     *
     * @return the flag
     */
    public boolean isRefusePrivateFetch() {
        return refusePrivateFetch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayConfig && toString().equals(o.toString())
                && tenants.equals(((GatewayConfig) o).tenants)
                && keyRing.equals(((GatewayConfig) o).keyRing);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "GatewayConfig{publicUrl=" + publicUrl + ", host=" + host + ", port=" + port + ", tenants=" + tenants
                + ", viewerNames=" + viewerNames + ", moderatorNames=" + moderatorNames + ", metadataKeys=" + metadataKeys
                + ", origin=" + origin + ", forwardMeetingName=" + forwardMeetingName + ", forwardWelcome=" + forwardWelcome
                + ", createSettings=" + createSettings
                + ", limits=" + limits + ", managementHost=" + managementHost + ", managementPort=" + managementPort
                + ", tenantRouting=" + tenantRouting + ", allowLoopbackFetch=" + allowLoopbackFetch
                + ", refusePrivateFetch=" + refusePrivateFetch + ", keys=" + keyRing + '}';
    }

    /**
     * Collects a {@link GatewayConfig}. Each setter returns this builder and replaces the value set
     * before ({@code tenant} and {@code allowMetadata} add one); a {@code null} argument throws
     * {@link NullPointerException} naming it, a metadata key breaking its rule throws
     * {@link IllegalArgumentException} in {@code allowMetadata}, and the other values are checked at
     * {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private final String pseudonymKey;
        private URI publicUrl;
        private final List<Tenant> tenants = new ArrayList<>();
        private String host = "0.0.0.0";
        private int port = 8090;
        private DisplayNamePolicy.Format viewerNames = DisplayNamePolicy.Format.FIRST_NAME_INITIAL;
        private DisplayNamePolicy.Format moderatorNames = DisplayNamePolicy.Format.FULL_NAME;
        private final Set<String> metadataKeys = new LinkedHashSet<>();
        private String origin = "Moodle";
        private boolean forwardMeetingName;
        private boolean forwardWelcome;
        private MeetingSettings createSettings = MeetingSettings.builder().webcamsOnlyForModerator(true).build();
        private GatewayLimits limits = GatewayLimits.defaults();
        private KeyRing keyRing;
        private String managementHost = "127.0.0.1";
        private int managementPort;
        private TenantRouting tenantRouting = TenantRouting.bySecret();
        private boolean allowLoopbackFetch;
        private boolean refusePrivateFetch;

        private Builder(String pseudonymKey) {
            this.pseudonymKey = pseudonymKey;
        }

        /**
         * How BigBlueButton and browsers reach the gateway, e.g. {@code https://gw.example.org/}.
         * Default: the gateway's own local URL, which only works when BigBlueButton runs on the same host.
         *
         * @param value an absolute http(s) URL without a query
         */
        public Builder publicUrl(URI value) {
            this.publicUrl = Objects.requireNonNull(value, "publicUrl");
            return this;
        }

        /**
         * Adds a tenant.
         *
         * @param value the tenant; IDs and client secrets must be unique
         */
        public Builder tenant(Tenant value) {
            tenants.add(Objects.requireNonNull(value, "tenant"));
            return this;
        }

        /**
         * The interface to listen on. Default {@code 0.0.0.0}.
         *
         * @param value a host name or address
         */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /**
         * The port. Default 8090; 0 picks a free port.
         *
         * @param value 0 to 65535
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** How viewers' names are shown. Default first name and initial ({@code Kim Y.}). */
        public Builder viewerNames(DisplayNamePolicy.Format value) {
            this.viewerNames = Objects.requireNonNull(value, "viewerNames");
            return this;
        }

        /** How moderators' names are shown. Default the full name. */
        public Builder moderatorNames(DisplayNamePolicy.Format value) {
            this.moderatorNames = Objects.requireNonNull(value, "moderatorNames");
            return this;
        }

        /**
         * Allows a metadata key besides {@code bbb-origin}; its values still must be short machine values.
         *
         * @param key {@code [a-z][a-z0-9-]{0,63}}, not a callback-URL key
         */
        public Builder allowMetadata(String key) {
            Objects.requireNonNull(key, "key");
            if (!META_KEY.matcher(key).matches() || key.endsWith("-url") || key.equals("bbb-origin")) {
                throw new IllegalArgumentException("metadata key must match [a-z][a-z0-9-]{0,63}, not end in -url and not be bbb-origin");
            }
            metadataKeys.add(key);
            return this;
        }

        /**
         * The fixed {@code meta_bbb-origin}. Default {@code Moodle}.
         *
         * @param value {@code [A-Za-z0-9._:-]{1,64}}
         */
        public Builder origin(String value) {
            this.origin = Objects.requireNonNull(value, "origin");
            return this;
        }

        /**
         * Forward the client's meeting name instead of a neutral one. Default {@code false}: the name
         * Moodle sends is the activity name, which often names a class and a teacher.
         */
        public Builder forwardMeetingName(boolean value) {
            this.forwardMeetingName = value;
            return this;
        }

        /** Forward the client's welcome message. Default {@code false} (it is free text). */
        public Builder forwardWelcome(boolean value) {
            this.forwardWelcome = value;
            return this;
        }

        /**
         * The settings create enforces. Default: webcams visible to moderators only and the
         * learning dashboard off (it profiles participants), everything else as the client asked.
         *
         * @param value the settings, e.g. {@code MeetingDefaults.defaults().settings(RoomKind.LESSON)}
         */
        public Builder createSettings(MeetingSettings value) {
            this.createSettings = Objects.requireNonNull(value, "createSettings");
            return this;
        }

        /** The limits and timeouts. Default {@link GatewayLimits#defaults()}. */
        public Builder limits(GatewayLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * The gateway's keys, for every tenant without its own ring ({@link Tenant.Builder#keyRing}).
         * Default: a ring of the pseudonym key alone, under the ID {@value KeyRing#DEFAULT_ID}.
         */
        public Builder keyRing(KeyRing value) {
            this.keyRing = Objects.requireNonNull(value, "keyRing");
            return this;
        }

        /**
         * Where the management connector listens ({@code /metrics}, {@code /health/*}). Default
         * {@code 127.0.0.1} on a free port.
         *
         * @param host the interface
         * @param port the port, 0 for a free one
         */
        public Builder management(String host, int port) {
            this.managementHost = Objects.requireNonNull(host, "managementHost");
            this.managementPort = port;
            return this;
        }

        /** How the tenant of a call is found. Default {@link TenantRouting#bySecret()}. */
        public Builder tenantRouting(TenantRouting value) {
            this.tenantRouting = Objects.requireNonNull(value, "tenantRouting");
            return this;
        }

        /**
         * Allow slide sources and callback URLs on loopback addresses ({@code 127.0.0.0/8}, {@code ::1}).
         * Default {@code false}: on loopback the gateway would fetch its own management port
         * ({@code /metrics}) for whoever holds a school's secret. Only for tests and development,
         * where Moodle runs on the same machine. Link-local, any-local and multicast addresses
         * stay refused either way.
         */
        public Builder allowLoopbackFetch(boolean value) {
            this.allowLoopbackFetch = value;
            return this;
        }

        /**
         * Refuse slide sources and callback URLs on private addresses too ({@code 10/8},
         * {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}). Default {@code false}: a
         * school's Moodle may live on a private network. Set it when every Moodle is public.
         */
        public Builder refusePrivateFetch(boolean value) {
            this.refusePrivateFetch = value;
            return this;
        }

        /**
         * Validates and builds the configuration.
         *
         * @return the configuration
         * @throws NullPointerException naming a missing value
         * @throws IllegalArgumentException naming the value and the rule it breaks
         */
        public GatewayConfig build() {
            return new GatewayConfig(this);
        }
    }
}
