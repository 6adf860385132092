// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.transport;

import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.Objects;

/**
 * The complete answer to a {@link TransportRequest}, as an {@link HttpTransport} returns it: status,
 * headers and the whole body, already read (nothing is left open, so there is nothing to close).
 * Immutable and thread-safe (its body array is handed over, see {@link #of}).
 */
public final class TransportResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    private TransportResponse(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Creates an answer. The body array is handed over, not copied: the transport must not change
     * it afterwards.
     *
     * @param status the final HTTP status, three digits (interim 1xx answers are the transport's to
     *        skip)
     * @param headers the answer's header fields (names compare without case)
     * @param body the whole body, empty for none; longer than the request's
     *        {@link TransportRequest#maxResponseBytes()} only when the answer is too large
     * @return the answer
     * @throws NullPointerException if {@code headers} or {@code body} is {@code null}
     * @throws IllegalArgumentException if the status is out of range
     */
    public static TransportResponse of(int status, HttpHeaders headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must have three digits, was " + status);
        }
        return new TransportResponse(status, headers, body);
    }

    /** {@return the HTTP status, three digits} */
    public int status() {
        return status;
    }

    /** {@return the header fields} */
    public HttpHeaders headers() {
        return headers;
    }

    /** {@return the body: the array itself, not a copy; never modify it} */
    public byte[] body() {
        return body;
    }

    /**
     * {@return whether the other answer has the same status, headers and body bytes}
     *
     * @param o the other object
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TransportResponse r && status == r.status && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    /** {@return a hash code consistent with {@link #equals(Object)}} */
    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** {@return the status, the content type and the body's length; not the body, which may hold a join URL} */
    @Override
    public String toString() {
        return "TransportResponse{status=" + status + ", contentType=" + headers.firstValue("Content-Type").orElse("-")
                + ", body=" + body.length + " bytes}";
    }
}
