// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.net.http.HttpHeaders;

/**
 * An HTTP answer, read completely (within the size cap), with how many retries it took and the
 * {@link System#nanoTime()} by which the attempt that got it, parsing included, must be done.
 */
public record RawResponse(int status, HttpHeaders headers, byte[] body, int retries, long deadlineNanos) {

    /** The same answer with a retry count. */
    public RawResponse withRetries(int count) {
        return new RawResponse(status, headers, body, count, deadlineNanos);
    }

    /** {@return the {@code Content-Type} header, or empty} */
    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }
}
