// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

/**
 * One attempt got no usable answer. The transport stack throws it (or fails its future with it);
 * the client turns it into its public exception. The message names the host and the reason, never
 * the URL; the cause is the JDK's exception.
 */
public final class TransportFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the attempt failed. */
    public enum Reason {
        /** The host name did not resolve. */
        UNKNOWN_HOST,
        /** The connection was refused or could not be made. */
        CONNECTION_REFUSED,
        /** The TLS handshake failed (certificate, protocol). */
        TLS,
        /** No connection within the connect timeout. */
        CONNECT_TIMEOUT,
        /** No complete answer within the request timeout (reading or parsing). */
        TIMEOUT,
        /** The answer was larger than the configured cap. */
        TOO_LARGE,
        /** The thread was interrupted. */
        INTERRUPTED,
        /** The connection broke (reset, closed) before a complete answer. */
        IO
    }

    private final Reason reason;
    private final String host;
    private final int retries;

    /** Creates the failure; {@code message} names the host and the reason, never the URL. */
    public TransportFailure(Reason reason, String host, String message, Throwable cause) {
        this(reason, host, message, cause, 0);
    }

    private TransportFailure(Reason reason, String host, String message, Throwable cause, int retries) {
        super(message, cause);
        this.reason = reason;
        this.host = host;
        this.retries = retries;
    }

    /**
     * {@return this failure as the last of a call that was retried {@code retries} times} The same
     * failure when that is already its count.
     *
     * @param retries the attempts made before the failing one
     */
    public TransportFailure afterRetries(int retries) {
        if (retries == this.retries) {
            return this;
        }
        TransportFailure f = new TransportFailure(reason, host, getMessage(), getCause(), retries);
        f.setStackTrace(getStackTrace());
        return f;
    }

    /** {@return how often the call was retried before this failure ended it} */
    public int retries() {
        return retries;
    }

    /** {@return why the attempt failed} */
    public Reason reason() {
        return reason;
    }

    /** {@return the host that was called} */
    public String host() {
        return host;
    }

    /** {@return whether the attempt ran out of time (connect or request timeout)} */
    public boolean isTimeout() {
        return reason == Reason.TIMEOUT || reason == Reason.CONNECT_TIMEOUT;
    }
}
