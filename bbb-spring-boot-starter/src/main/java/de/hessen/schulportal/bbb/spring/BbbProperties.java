// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bbb.*} properties. Secrets ({@code bbb.secret}, {@code bbb.tenants.*.secret},
 * {@code bbb.portal.pseudonym-key}) are masked in the actuator endpoints by the starter's
 * sanitizing function and never appear in {@link #toString()}, logs or start-up failures.
 *
 * <p>Mutable for binding; not thread-safe. The auto-configuration reads it once at start-up.
 */
@ConfigurationProperties(prefix = "bbb")
public class BbbProperties extends BbbServerProperties {
    /** How long to wait for a TCP connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** How long one attempt may take, from sending to the last byte of the answer. */
    private Duration requestTimeout = Duration.ofSeconds(15);

    /** Retries of idempotent calls on connection failures, timeouts, 429, 502, 503 and 504 (0 to 10). */
    private int maxRetries = 2;

    /**
     * One BigBlueButton (or Scalelite/B3LB tenant) per school ID: bbb.tenants.[school-id].url,
     * .secret and .checksum-algorithm, like bbb.url, bbb.secret and bbb.checksum-algorithm; a tenant
     * without a checksum algorithm uses bbb.checksum-algorithm. Schools not listed use the shared
     * server (bbb.url), if there is one.
     */
    private Map<String, Tenant> tenants = new LinkedHashMap<>();

    /** The portal adapter. */
    private final Portal portal = new Portal();

    /** The actuator health check. */
    private final Health health = new Health();

    /** The embedded simulator from bbb-testkit, for tests and demos. */
    private final Testkit testkit = new Testkit();

    /** Properties with their defaults, filled in by Spring's binder from {@code bbb.*}. */
    public BbbProperties() {
        super(ChecksumAlgorithm.SHA256);
    }

    /**
     * The connect timeout.
     *
     * @return the timeout, 5 s unless set
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout a positive duration
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The request timeout of one attempt.
     *
     * @return the timeout, 15 s unless set
     */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Sets the request timeout of one attempt.
     *
     * @param requestTimeout a positive duration
     */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * The retries of idempotent calls.
     *
     * @return 0 to 10, 2 unless set
     */
    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Sets the retries of idempotent calls.
     *
     * @param maxRetries 0 to 10
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /**
     * The tenants by school ID.
     *
     * @return the live map, empty unless set
     */
    public Map<String, Tenant> getTenants() {
        return tenants;
    }

    /**
     * Sets the tenants by school ID.
     *
     * @param tenants the tenants
     */
    public void setTenants(Map<String, Tenant> tenants) {
        this.tenants = tenants;
    }

    /**
     * The portal adapter's settings.
     *
     * @return the settings
     */
    public Portal getPortal() {
        return portal;
    }

    /**
     * The health check's settings.
     *
     * @return the settings
     */
    public Health getHealth() {
        return health;
    }

    /**
     * The simulator's settings.
     *
     * @return the settings
     */
    public Testkit getTestkit() {
        return testkit;
    }

    /** Names what is set, never a secret. */
    @Override
    public String toString() {
        return "BbbProperties{url=" + getUrl() + ", secret=" + maskedSecret()
                + ", checksumAlgorithm=" + getChecksumAlgorithm() + ", tenants=" + tenants.keySet() + '}';
    }

    /**
     * One school's BigBlueButton: its own server or Scalelite/B3LB tenant. Without a checksum
     * algorithm of its own ({@code null}) it uses the shared server's, {@code bbb.checksum-algorithm}.
     */
    public static class Tenant extends BbbServerProperties {
        /** An unset tenant, filled in by Spring's binder from {@code bbb.tenants.<id>.*}. */
        public Tenant() {
            super(null);
        }

        /** Names what is set, never the secret. */
        @Override
        public String toString() {
            return "Tenant{url=" + getUrl() + ", secret=" + maskedSecret() + '}';
        }
    }

    /** The portal adapter ({@code SchoolConferences}). */
    public static class Portal {
        /**
         * Key of the pseudonymous meeting and user IDs: Base64 of at least 32 random bytes (openssl
         * rand -base64 32). Setting it enables SchoolConferences. Keep it as secret as bbb.secret.
         */
        private String pseudonymKey;

        /** Portal settings with their defaults, filled in by Spring's binder from {@code bbb.portal.*}. */
        public Portal() {
            // Spring's binder calls the setters.
        }

        /**
         * The pseudonym key. Only for the auto-configuration: never log it.
         *
         * @return the Base64 key, or {@code null} when not set
         */
        public String getPseudonymKey() {
            return pseudonymKey;
        }

        /**
         * Sets the pseudonym key.
         *
         * @param pseudonymKey Base64 of at least 32 random bytes
         */
        public void setPseudonymKey(String pseudonymKey) {
            this.pseudonymKey = pseudonymKey;
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "Portal{pseudonymKey=" + (pseudonymKey == null ? "unset" : "***") + '}';
        }
    }

    /** The actuator health check. */
    public static class Health {
        /**
         * Timeout of each call of the health check (no retries); the check makes two calls when all
         * is well and at most six.
         */
        private Duration timeout = Duration.ofSeconds(3);

        /** Health-check settings with their defaults, filled in by Spring's binder from {@code bbb.health.*}. */
        public Health() {
            // Spring's binder calls the setters.
        }

        /**
         * The timeout of each call of the check.
         *
         * @return the timeout, 3 s unless set
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets the timeout of each call of the check.
         *
         * @param timeout a positive duration
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The embedded simulator. */
    public static class Testkit {
        /**
         * Start the bbb-testkit simulator (must be on the class path) on a free loopback port and
         * point the auto-configured client at it, whatever bbb.url and bbb.secret say.
         */
        private boolean enabled;

        /** Simulator settings with their defaults, filled in by Spring's binder from {@code bbb.testkit.*}. */
        public Testkit() {
            // Spring's binder calls the setters.
        }

        /**
         * Whether the simulator is started.
         *
         * @return {@code true} to start it
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the simulator is started.
         *
         * @param enabled {@code true} to start it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
