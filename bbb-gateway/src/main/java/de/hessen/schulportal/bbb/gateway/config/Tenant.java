// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One client of the gateway (a SchulMoodle instance, a school, another tool): the secret it signs
 * with, and the BigBlueButton server or Scalelite/B3LB cluster its calls go to.
 *
 * <p>The tenant ID prefixes every meeting ID the gateway sends to the backend ({@code <id>-<meetingID>}),
 * so tenants sharing a backend never see, join or end each other's meetings and recordings.
 *
 * <p>Immutable. {@link #toString()} never shows a secret.
 *
 * <pre>{@code
 * Tenant moodle = Tenant.builder("moodle1", moodleSecret, "https://bbb.example.org/bigbluebutton/", bbbSecret).build();
 * }</pre>
 */
public final class Tenant {
    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,32}");
    private static final int MIN_SECRET = 16;

    private final String id;
    private final String clientSecret;
    private final Set<ChecksumAlgorithm> clientAlgorithms;
    private final String backendUrl;
    private final String backendSecret;
    private final ChecksumAlgorithm backendAlgorithm;

    private Tenant(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id must match [a-z0-9]{1,32}: it prefixes meeting IDs on the backend");
        }
        this.clientSecret = secret("clientSecret", b.clientSecret);
        this.backendSecret = secret("backendSecret", b.backendSecret);
        this.backendUrl = Objects.requireNonNull(b.backendUrl, "backendUrl");
        if (!backendUrl.startsWith("http://") && !backendUrl.startsWith("https://")) {
            throw new IllegalArgumentException("backendUrl must be an absolute http(s) URL");
        }
        if (b.clientAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("clientAlgorithms must not be empty");
        }
        this.clientAlgorithms = Collections.unmodifiableSet(EnumSet.copyOf(b.clientAlgorithms));
        this.backendAlgorithm = Objects.requireNonNull(b.backendAlgorithm, "backendAlgorithm");
    }

    private static String secret(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.length() < MIN_SECRET || !value.strip().equals(value) || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_SECRET + " characters without whitespace");
        }
        return value;
    }

    /**
     * Starts a tenant.
     *
     * @param id {@code [a-z0-9]{1,32}}; prefixes the tenant's meeting IDs on the backend and names it in logs and metrics
     * @param clientSecret the shared secret the client (Moodle) is configured with; at least 16 characters, no whitespace
     * @param backendUrl the backend's base URL, e.g. {@code https://bbb.example.org/bigbluebutton/}
     * @param backendSecret the backend's shared secret; at least 16 characters, no whitespace
     * @return a new builder
     */
    public static Builder builder(String id, String clientSecret, String backendUrl, String backendSecret) {
        return new Builder(id, clientSecret, backendUrl, backendSecret);
    }

    /**
     * The tenant ID.
     *
     * @return the ID
     */
    public String id() {
        return id;
    }

    /**
     * The secret the client signs its calls with. Handle like a password.
     *
     * @return the secret
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * The checksum algorithms accepted from the client (chosen by the checksum's length, as bbb-web does).
     *
     * @return the algorithms
     */
    public Set<ChecksumAlgorithm> clientAlgorithms() {
        return clientAlgorithms;
    }

    /**
     * The backend's base URL.
     *
     * @return the URL
     */
    public String backendUrl() {
        return backendUrl;
    }

    /**
     * The backend's shared secret. Handle like a password.
     *
     * @return the secret
     */
    public String backendSecret() {
        return backendSecret;
    }

    /**
     * The algorithm calls to the backend are signed with.
     *
     * @return the algorithm
     */
    public ChecksumAlgorithm backendAlgorithm() {
        return backendAlgorithm;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tenant)) {
            return false;
        }
        Tenant t = (Tenant) o;
        return id.equals(t.id) && clientSecret.equals(t.clientSecret) && clientAlgorithms.equals(t.clientAlgorithms)
                && backendUrl.equals(t.backendUrl) && backendSecret.equals(t.backendSecret)
                && backendAlgorithm == t.backendAlgorithm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, backendUrl, backendAlgorithm);
    }

    @Override
    public String toString() {
        return "Tenant{id=" + id + ", backendUrl=" + backendUrl + ", clientAlgorithms=" + clientAlgorithms
                + ", backendAlgorithm=" + backendAlgorithm + ", secrets=***}";
    }

    /** Collects a {@link Tenant}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String clientSecret;
        private final String backendUrl;
        private final String backendSecret;
        private Set<ChecksumAlgorithm> clientAlgorithms = EnumSet.allOf(ChecksumAlgorithm.class);
        private ChecksumAlgorithm backendAlgorithm = ChecksumAlgorithm.SHA256;

        private Builder(String id, String clientSecret, String backendUrl, String backendSecret) {
            this.id = id;
            this.clientSecret = clientSecret;
            this.backendUrl = backendUrl;
            this.backendSecret = backendSecret;
        }

        /**
         * The checksum algorithms accepted from the client. Default: all four, as bbb-web's default
         * {@code supportedChecksumAlgorithms}.
         *
         * @param values at least one
         * @return this builder
         */
        public Builder clientAlgorithms(ChecksumAlgorithm... values) {
            Objects.requireNonNull(values, "clientAlgorithms");
            Set<ChecksumAlgorithm> set = EnumSet.noneOf(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm a : values) {
                set.add(Objects.requireNonNull(a, "clientAlgorithms"));
            }
            this.clientAlgorithms = set;
            return this;
        }

        /**
         * The algorithm for calls to the backend. Default {@link ChecksumAlgorithm#SHA256}.
         *
         * @param value the algorithm
         * @return this builder
         */
        public Builder backendAlgorithm(ChecksumAlgorithm value) {
            this.backendAlgorithm = Objects.requireNonNull(value, "backendAlgorithm");
            return this;
        }

        /**
         * Validates and builds the tenant.
         *
         * @return the tenant
         * @throws NullPointerException naming a missing value
         * @throws IllegalArgumentException naming the value and the rule it breaks
         */
        public Tenant build() {
            return new Tenant(this);
        }
    }
}
