// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One client of the gateway (a SchulMoodle instance, a school, another tool): the secret it signs
 * with, and the BigBlueButton server or Scalelite/B3LB cluster its calls go to.
 *
 * <p>The tenant ID prefixes every meeting ID the gateway sends to the backend ({@code <id>-<meetingID>}),
 * so tenants sharing a backend never see, join or end each other's meetings and recordings.
 *
 * <p><b>Changing Moodle's secret without downtime.</b> While a school changes the secret its Moodle
 * is configured with, the tenant holds the new one as {@link #clientSecret()} and the old one as
 * {@link #previousClientSecret()}: calls signed with either verify. Moodle checks callbacks with the
 * one secret it holds, so a callback is signed with the secret its meeting's create verified with while
 * the tenant holds it (and resent with the current one if Moodle switched since); the operator changes
 * the gateway, then Moodle, then drops the previous secret; README "Changing a Moodle secret" gives the steps.
 *
 * <p><b>Keys.</b> A tenant may have its own {@link KeyRing} ({@code "keys"} in the tenants file) for
 * sealing and pseudonyms; without one it uses the gateway's ring ({@code GatewayConfig.keyRing}).
 *
 * <p>Immutable. {@link #toString()} never shows a secret or a key (only the key IDs).
 *
 * <pre>{@code
 * Tenant moodle = Tenant.builder("moodle1", moodleSecret, "https://bbb.example.org/bigbluebutton/", bbbSecret).build();
 * }</pre>
 */
public final class Tenant {
    /** The rule for tenant IDs, as stated in every error about one. */
    static final String ID_RULE = "[a-z0-9]{1,32}";
    private static final Pattern ID = Pattern.compile(ID_RULE);
    private static final int MIN_SECRET = 16;

    private final String id;
    private final String clientSecret;
    private final String previousClientSecret;
    private final Set<ChecksumAlgorithm> clientAlgorithms;
    private final String backendUrl;
    private final String backendSecret;
    private final ChecksumAlgorithm backendAlgorithm;
    private final KeyRing keyRing;

    private Tenant(Builder b) {
        this.id = id("id", b.id);
        this.clientSecret = secret("clientSecret", b.clientSecret);
        this.previousClientSecret = b.previousClientSecret == null ? null : secret("previousClientSecret", b.previousClientSecret);
        if (clientSecret.equals(previousClientSecret)) {
            throw new IllegalArgumentException("previousClientSecret must differ from clientSecret (it is the one being replaced)");
        }
        this.backendSecret = secret("backendSecret", b.backendSecret);
        this.backendUrl = url("backendUrl", b.backendUrl);
        if (b.clientAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("clientAlgorithms must not be empty");
        }
        this.clientAlgorithms = Collections.unmodifiableSet(EnumSet.copyOf(b.clientAlgorithms));
        this.backendAlgorithm = Objects.requireNonNull(b.backendAlgorithm, "backendAlgorithm");
        this.keyRing = b.keyRing;
    }

    /** Checks a tenant ID; the message names {@code name} and the rule, never the value. */
    static String id(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must match " + ID_RULE + ": it prefixes meeting IDs on the backend");
        }
        return value;
    }

    /** Checks a secret; the message names {@code name} and the rule, never the value. */
    static String secret(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.length() < MIN_SECRET || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_SECRET + " characters without whitespace");
        }
        return value;
    }

    /** Checks a backend URL; the message names {@code name} and the rule. */
    static String url(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
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
     * The secret the client signed with before the current one, accepted as well while a school
     * changes it. Handle like a password.
     *
     * @return the previous secret, or empty when none is configured
     */
    public Optional<String> previousClientSecret() {
        return Optional.ofNullable(previousClientSecret);
    }

    /**
     * Every secret a call from the client may be signed with: the current one first, then the previous one.
     *
     * @return one or two secrets, unmodifiable
     */
    public List<String> clientSecrets() {
        return previousClientSecret == null ? List.of(clientSecret) : List.of(clientSecret, previousClientSecret);
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

    /**
     * The tenant's own keys for sealing and pseudonyms, if it has them.
     *
     * @return the ring, or empty when the tenant uses the gateway's ring
     */
    public Optional<KeyRing> keyRing() {
        return Optional.ofNullable(keyRing);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tenant)) {
            return false;
        }
        Tenant t = (Tenant) o;
        return id.equals(t.id) && clientSecret.equals(t.clientSecret)
                && Objects.equals(previousClientSecret, t.previousClientSecret) && clientAlgorithms.equals(t.clientAlgorithms)
                && backendUrl.equals(t.backendUrl) && backendSecret.equals(t.backendSecret)
                && backendAlgorithm == t.backendAlgorithm && Objects.equals(keyRing, t.keyRing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, backendUrl, backendAlgorithm);
    }

    @Override
    public String toString() {
        // A backend URL may carry user:password@ (a backend behind basic authentication): never print it.
        String shownUrl = backendUrl.replaceFirst("^(https?://)[^/@]*@", "$1***@");
        return "Tenant{id=" + id + ", backendUrl=" + shownUrl + ", clientAlgorithms=" + clientAlgorithms
                + ", backendAlgorithm=" + backendAlgorithm + (keyRing == null ? "" : ", keys=" + keyRing) + ", secrets=***}";
    }

    /**
     * Collects a {@link Tenant}. Each setter returns this builder and replaces the value set before; a
     * {@code null} argument throws {@link NullPointerException} naming it, and the values are checked at
     * {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private final String clientSecret;
        private final String backendUrl;
        private final String backendSecret;
        private String previousClientSecret;
        private Set<ChecksumAlgorithm> clientAlgorithms = EnumSet.allOf(ChecksumAlgorithm.class);
        private ChecksumAlgorithm backendAlgorithm = ChecksumAlgorithm.SHA256;
        private KeyRing keyRing;

        private Builder(String id, String clientSecret, String backendUrl, String backendSecret) {
            this.id = id;
            this.clientSecret = clientSecret;
            this.backendUrl = backendUrl;
            this.backendSecret = backendSecret;
        }

        /**
         * The secret the client used before {@code clientSecret}, accepted as well while a school changes
         * it (see the class comment). Default: none.
         *
         * @param value at least 16 characters, no whitespace, different from {@code clientSecret}
         */
        public Builder previousClientSecret(String value) {
            this.previousClientSecret = Objects.requireNonNull(value, "previousClientSecret");
            return this;
        }

        /**
         * The checksum algorithms accepted from the client. Default: all four, as bbb-web's default
         * {@code supportedChecksumAlgorithms}.
         *
         * @param values at least one
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

        /** The algorithm for calls to the backend. Default {@link ChecksumAlgorithm#SHA256}. */
        public Builder backendAlgorithm(ChecksumAlgorithm value) {
            this.backendAlgorithm = Objects.requireNonNull(value, "backendAlgorithm");
            return this;
        }

        /** The tenant's own keys for sealing and pseudonyms, instead of the gateway's ring. Default: none. */
        public Builder keyRing(KeyRing value) {
            this.keyRing = Objects.requireNonNull(value, "keyRing");
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
