// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.event;

/** Why an attempt is retried. */
public enum RetryReason {
    /** The connection could not be made or broke before an answer. */
    CONNECTION_FAILURE,
    /** The attempt ran out of time. */
    TIMEOUT,
    /** The server answered with a retryable HTTP status (429, 502, 503, 504). */
    HTTP_STATUS
}
