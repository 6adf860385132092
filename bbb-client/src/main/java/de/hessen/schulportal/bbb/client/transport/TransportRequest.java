// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.transport;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One attempt of a synchronous call, as the SDK hands it to an {@link HttpTransport}: method, the
 * signed URI, the headers to send, the body, and the limits the attempt must keep. Immutable and
 * thread-safe (its body array is shared, see {@link #body()}).
 *
 * <p><b>The URI is a credential.</b> It carries the call's checksum and, for a join, everything
 * needed to enter the meeting; {@link #toString()} therefore shows only the scheme, host and path.
 * Never log {@link #uri()}.
 *
 * <p>The SDK builds requests; transports read them. Tests of a transport build their own with
 * {@link #builder(String, URI, Duration, long)}, whose setters each replace the value set before
 * and return the builder, and whose {@code build()} checks the values. There are no defaults to
 * drift from the client's: the limits are arguments. Requests have no {@code equals}: two
 * attempts with the same values are still two attempts.
 */
public final class TransportRequest {
    private final String method;
    private final URI uri;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final boolean idempotent;

    /**
     * The header names a transport writes itself or that would change how the message is framed or
     * the connection used (the JDK {@code HttpRequest}'s restricted set and the other hop-by-hop
     * fields); a second {@code Host} or {@code Content-Length} from the request would let one request
     * be read as two. Lower case.
     */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "expect", "upgrade", "te", "trailer", "keep-alive", "proxy-connection");

    private TransportRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = HttpHeaders.of(b.headers, (name, value) -> true);
        this.body = b.body;
        this.timeout = b.timeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.idempotent = b.idempotent;
    }

    /**
     * Starts a request.
     *
     * @param method {@code GET} or {@code POST}
     * @param uri an absolute {@code http} or {@code https} URI with a host
     * @param timeout how long the attempt may take (see {@link #timeout()}); positive
     * @param maxResponseBytes the largest body accepted (see {@link #maxResponseBytes()}); positive
     * @return a builder with no headers, an empty body and {@code idempotent} false
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the method or the URI is not one of those, or a limit is
     *         not positive
     */
    public static Builder builder(String method, URI uri, Duration timeout, long maxResponseBytes) {
        return new Builder(method, uri, timeout, maxResponseBytes);
    }

    /**
     * Whether a header name is one the transport writes itself or that frames the message:
     * {@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection},
     * {@code Expect}, {@code Upgrade}, {@code TE}, {@code Trailer}, {@code Keep-Alive},
     * {@code Proxy-Connection} (in any case). A request never carries one; a transport that writes
     * headers itself may check with this before it writes, as a second line of defence.
     *
     * @param name a header name
     * @return whether a request may not carry it
     */
    public static boolean isTransportHeader(String name) {
        return TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@return {@code GET} or {@code POST}} */
    public String method() {
        return method;
    }

    /**
     * {@return the complete, signed URI} Send its raw path and query ({@link URI#getRawPath()},
     * {@link URI#getRawQuery()}) exactly as they are. A credential: never log it.
     */
    public URI uri() {
        return uri;
    }

    /**
     * {@return the headers to send, each with one value} The SDK sets {@code User-Agent} and
     * {@code Accept}, and {@code Content-Type} when there is a body. The transport adds
     * {@code Host}, and {@code Content-Length} for a {@code POST}.
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * {@return the body to send, empty for a {@code GET}} The array itself, not a copy (a create
     * with documents may carry megabytes): read it, never modify it.
     */
    public byte[] body() {
        return body;
    }

    /**
     * {@return how long this attempt may take, from the call to {@link HttpTransport#send} until
     * the last byte of the answer: connecting, TLS, writing and reading} The SDK's
     * {@code requestTimeout}; positive.
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * {@return the largest body the SDK accepts, in bytes} A transport throws
     * {@link ResponseTooLargeException} as soon as it knows the body is longer (see
     * {@link HttpTransport}).
     */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * {@return whether the call may be sent again after a failure} The SDK retries only such calls.
     * A transport may resend an idempotent request once when a kept-alive connection turns out closed
     * before any byte of the answer; it must never resend one that is not, which may already have
     * reached the server ({@code join}, {@code end}, a {@code create} with passwords).
     */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * {@return the method, scheme, host, port and path, the body's length and the limits} The query
     * (checksum, passwords, names) never appears.
     */
    @Override
    public String toString() {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return "TransportRequest{" + method + ' ' + uri.getScheme() + "://" + uri.getHost() + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?<query hidden>") + ", body=" + body.length + " bytes, timeout=" + timeout
                + ", maxResponseBytes=" + maxResponseBytes + ", idempotent=" + idempotent + '}';
    }

    /** Builds a {@link TransportRequest}; not thread-safe. */
    public static final class Builder {
        private static final byte[] EMPTY = new byte[0];

        private final String method;
        private final URI uri;
        private final Duration timeout;
        private final long maxResponseBytes;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = EMPTY;
        private boolean idempotent;

        private Builder(String method, URI uri, Duration timeout, long maxResponseBytes) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
            }
            if (!method.equals("GET") && !method.equals("POST")) {
                throw new IllegalArgumentException("method must be GET or POST");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("uri must be an absolute http or https URI with a host");
            }
            this.method = method;
            this.uri = uri;
            this.timeout = timeout;
            this.maxResponseBytes = maxResponseBytes;
        }

        /**
         * Sets a header (one value; a second call with the same name, in any case, replaces it).
         *
         * @param name a header name: visible ASCII without separators, and not one the transport
         *        writes itself or that frames the message ({@link #isTransportHeader(String)})
         * @param value the value: visible ASCII, spaces and tabs
         * @return this builder
         * @throws IllegalArgumentException if the name or the value holds other characters (a line
         *         break would let a value smuggle in headers), or the name is a transport header (a
         *         second {@code Host} or {@code Content-Length} would let a request be read as two)
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0)) {
                throw new IllegalArgumentException("header name must be visible ASCII without separators");
            }
            if (isTransportHeader(name)) {
                throw new IllegalArgumentException("header " + name + " is the transport's to write: a request may not carry"
                        + " Host, Content-Length, Transfer-Encoding, Connection, Expect, Upgrade, TE, Trailer, Keep-Alive"
                        + " or Proxy-Connection");
            }
            if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t')) {
                throw new IllegalArgumentException("header " + name + " must hold only visible ASCII, spaces and tabs");
            }
            headers.keySet().removeIf(name::equalsIgnoreCase);
            headers.put(name, List.of(value));
            return this;
        }

        /**
         * Sets the body; the array is used as it is, not copied.
         *
         * @param value the bytes, empty for none
         * @return this builder
         */
        public Builder body(byte[] value) {
            this.body = Objects.requireNonNull(value, "body");
            return this;
        }

        /**
         * Sets whether the call may be sent again after a failure.
         *
         * @param value {@code true} if it may
         * @return this builder
         */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /**
         * {@return the request}
         *
         * @throws IllegalArgumentException if a {@code GET} has a body
         */
        public TransportRequest build() {
            if (method.equals("GET") && body.length > 0) {
                throw new IllegalArgumentException("a GET request has no body");
            }
            return new TransportRequest(this);
        }
    }
}
