// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

/**
 * The request did not get an answer: the connection was refused or reset, the server closed it
 * early, or the configured timeout passed. Idempotent calls have already been retried
 * {@code maxRetries} times when this is thrown.
 */
public class BbbTransportException extends BbbException {
    private static final long serialVersionUID = 1L;

    /** Whether the failure was a timeout. */
    private final boolean timeout;

    /**
     * Creates a transport failure.
     *
     * @param call the API call name
     * @param message a description that contains no secret
     * @param cause the I/O failure
     * @param timeout whether the failure was a timeout
     */
    public BbbTransportException(String call, String message, Throwable cause, boolean timeout) {
        super(call, message, cause);
        this.timeout = timeout;
    }

    /** {@return whether the call ran out of time (connect or request timeout) rather than failing otherwise} */
    public boolean isTimeout() {
        return timeout;
    }
}
