// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What an untrusted peer can make the gateway hold, and how long the gateway waits for others:
 * API calls in flight, connections (in all and per remote address), header and body sizes, the
 * bytes of bodies held at once, total deadlines for a request head and a body, idle, backend,
 * callback and stop timeouts.
 *
 * <p>Immutable.
 */
public final class GatewayLimits {
    private static final GatewayLimits DEFAULTS = builder().build();

    private final int maxConcurrentRequests;
    private final int maxConnections;
    private final int maxHeaderBytes;
    private final int maxBodyBytes;
    private final Duration idleTimeout;
    private final Duration backendTimeout;
    private final Duration callbackTimeout;
    private final Duration stopTimeout;
    private final int maxConnectionsPerAddress;
    private final int maxBodyBytesInFlight;
    private final Duration headerTimeout;
    private final Duration bodyTimeout;

    private GatewayLimits(Builder b) {
        this.maxConcurrentRequests = range("maxConcurrentRequests", b.maxConcurrentRequests, 1, 100_000);
        this.maxConnections = range("maxConnections", b.maxConnections, 1, 1_000_000);
        this.maxHeaderBytes = range("maxHeaderBytes", b.maxHeaderBytes, 1024, 1 << 20);
        this.maxBodyBytes = range("maxBodyBytes", b.maxBodyBytes, 0, 64 << 20);
        this.idleTimeout = positive("idleTimeout", b.idleTimeout);
        this.backendTimeout = positive("backendTimeout", b.backendTimeout);
        this.callbackTimeout = positive("callbackTimeout", b.callbackTimeout);
        this.stopTimeout = positive("stopTimeout", b.stopTimeout);
        this.maxConnectionsPerAddress = range("maxConnectionsPerAddress", b.maxConnectionsPerAddress, 1, 1_000_000);
        this.maxBodyBytesInFlight = range("maxBodyBytesInFlight", b.maxBodyBytesInFlight, maxBodyBytes, Integer.MAX_VALUE);
        this.headerTimeout = positive("headerTimeout", b.headerTimeout);
        this.bodyTimeout = positive("bodyTimeout", b.bodyTimeout);
    }

    private static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    /**
     * The defaults: 64 API calls in flight, 2000 connections, 256 per remote address, 16 KiB headers,
     * 4 MiB bodies, 32 MiB of bodies held at once, 15 s for a request head, 30 s for a body, idle
     * timeout 30 s, backend and callback timeouts 10 s, stop timeout 10 s.
     *
     * @return the defaults
     */
    public static GatewayLimits defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * API calls handled at once; more are answered at once with a FAILED envelope (HTTP 503).
     *
     * @return the limit
     */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Open connections accepted at once; more wait in the operating system's backlog.
     *
     * @return the limit
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * Limit on the request line and headers, in bytes.
     *
     * @return the limit
     */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /**
     * Limit on a request body (create's {@code <modules>}, callbacks), in bytes.
     *
     * @return the limit
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * How long a connection may stay silent before it is closed.
     *
     * @return the timeout
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * The request timeout of each backend call (idempotent calls are retried once).
     *
     * @return the timeout
     */
    public Duration backendTimeout() {
        return backendTimeout;
    }

    /**
     * The timeout for delivering a callback to the client.
     *
     * @return the timeout
     */
    public Duration callbackTimeout() {
        return callbackTimeout;
    }

    /**
     * How long a stop waits for requests in flight.
     *
     * @return the timeout
     */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /**
     * Connections one remote address may hold at once; more are closed as they open. Behind a load
     * balancer or reverse proxy every connection comes from the balancer: raise it to
     * {@link #maxConnections()} there.
     *
     * @return the limit
     */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /**
     * Bytes of request bodies the gateway holds at once, over all requests; a body that does not fit
     * is answered at once with HTTP 503 {@code tooManyRequests}. Bounds the heap whatever the number
     * of calls in flight.
     *
     * @return the limit, at least {@link #maxBodyBytes()}
     */
    public int maxBodyBytesInFlight() {
        return maxBodyBytesInFlight;
    }

    /**
     * Total time a connection has for a complete request line and headers, from its opening or the
     * end of its previous answer. Unlike the idle timeout it does not restart on every read.
     *
     * @return the deadline
     */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /**
     * Total time for a request body once its head has been accepted; a slower body closes the connection.
     *
     * @return the deadline
     */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayLimits && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "GatewayLimits{maxConcurrentRequests=" + maxConcurrentRequests + ", maxConnections=" + maxConnections
                + ", maxHeaderBytes=" + maxHeaderBytes + ", maxBodyBytes=" + maxBodyBytes + ", idleTimeout=" + idleTimeout
                + ", backendTimeout=" + backendTimeout + ", callbackTimeout=" + callbackTimeout + ", stopTimeout=" + stopTimeout
                + ", maxConnectionsPerAddress=" + maxConnectionsPerAddress + ", maxBodyBytesInFlight=" + maxBodyBytesInFlight
                + ", headerTimeout=" + headerTimeout + ", bodyTimeout=" + bodyTimeout + '}';
    }

    /**
     * Collects {@link GatewayLimits}. Each setter returns this builder and replaces the value set before;
     * the values, {@code null} included, are checked at {@link #build()}, which names the limit and the
     * rule it breaks. Not thread-safe.
     */
    public static final class Builder {
        private int maxConcurrentRequests = 64;
        private int maxConnections = 2000;
        private int maxHeaderBytes = 16 * 1024;
        private int maxBodyBytes = 4 * 1024 * 1024;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration backendTimeout = Duration.ofSeconds(10);
        private Duration callbackTimeout = Duration.ofSeconds(10);
        private Duration stopTimeout = Duration.ofSeconds(10);
        private int maxConnectionsPerAddress = 256;
        private int maxBodyBytesInFlight = 32 * 1024 * 1024;
        private Duration headerTimeout = Duration.ofSeconds(15);
        private Duration bodyTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * API calls handled at once. Default 64.
         *
         * @param value 1 to 100000
         */
        public Builder maxConcurrentRequests(int value) {
            this.maxConcurrentRequests = value;
            return this;
        }

        /**
         * Connections accepted at once. Default 2000.
         *
         * @param value 1 to 1000000
         */
        public Builder maxConnections(int value) {
            this.maxConnections = value;
            return this;
        }

        /**
         * Limit on request line and headers. Default 16 KiB.
         *
         * @param value 1 KiB to 1 MiB
         */
        public Builder maxHeaderBytes(int value) {
            this.maxHeaderBytes = value;
            return this;
        }

        /**
         * Limit on a request body. Default 4 MiB.
         *
         * @param value 0 to 64 MiB
         */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Idle timeout of a connection. Default 30 s.
         *
         * @param value positive
         */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value;
            return this;
        }

        /**
         * Request timeout of a backend call. Default 10 s.
         *
         * @param value positive
         */
        public Builder backendTimeout(Duration value) {
            this.backendTimeout = value;
            return this;
        }

        /**
         * Timeout of a callback delivery. Default 10 s.
         *
         * @param value positive
         */
        public Builder callbackTimeout(Duration value) {
            this.callbackTimeout = value;
            return this;
        }

        /**
         * How long a stop waits for requests in flight. Default 10 s.
         *
         * @param value positive
         */
        public Builder stopTimeout(Duration value) {
            this.stopTimeout = value;
            return this;
        }

        /**
         * Connections per remote address. Default 256.
         *
         * @param value 1 to 1000000
         */
        public Builder maxConnectionsPerAddress(int value) {
            this.maxConnectionsPerAddress = value;
            return this;
        }

        /**
         * Bytes of bodies held at once. Default 32 MiB.
         *
         * @param value at least the body limit
         */
        public Builder maxBodyBytesInFlight(int value) {
            this.maxBodyBytesInFlight = value;
            return this;
        }

        /**
         * Total deadline for a request head. Default 15 s.
         *
         * @param value positive
         */
        public Builder headerTimeout(Duration value) {
            this.headerTimeout = value;
            return this;
        }

        /**
         * Total deadline for a request body. Default 30 s.
         *
         * @param value positive
         */
        public Builder bodyTimeout(Duration value) {
            this.bodyTimeout = value;
            return this;
        }

        /**
         * Validates and builds the limits.
         *
         * @return the limits
         * @throws NullPointerException naming a missing value
         * @throws IllegalArgumentException naming the value and the rule it breaks
         */
        public GatewayLimits build() {
            return new GatewayLimits(this);
        }
    }
}
