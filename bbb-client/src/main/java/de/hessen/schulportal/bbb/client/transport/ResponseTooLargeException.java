// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.transport;

import java.io.IOException;

/**
 * Thrown by an {@link HttpTransport} when an answer's body is larger than
 * {@link TransportRequest#maxResponseBytes()}: at once when the {@code Content-Length} announces more
 * (before reading any of the body), otherwise as soon as more than that many bytes arrived. The SDK
 * ends the call with its "answer too large" {@code BbbResponseException} and does not retry it: the
 * server would send the same answer again. A transport that throws it must not reuse the connection,
 * whose rest of the answer was never read.
 */
public class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The limit the body passed. */
    private final long maxResponseBytes;

    /**
     * Creates the exception.
     *
     * @param maxResponseBytes the limit the body passed: the request's
     *        {@link TransportRequest#maxResponseBytes()}, or a smaller limit of the transport itself
     */
    public ResponseTooLargeException(long maxResponseBytes) {
        super("the answer's body is larger than " + maxResponseBytes + " bytes");
        this.maxResponseBytes = maxResponseBytes;
    }

    /** {@return the limit the body passed, in bytes} */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }
}
