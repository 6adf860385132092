// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

/**
 * Root of every exception the SDK throws for a failed BigBlueButton call.
 *
 * <p>The tree is split by who failed:
 * <ul>
 *   <li>{@link BbbApiException}: the server answered and said {@code FAILED};</li>
 *   <li>{@link BbbTransportException}: the network failed (connect, reset, timeout);</li>
 *   <li>{@link BbbResponseException}: something answered, but not with a BigBlueButton envelope
 *       (an HTML error page, broken or hostile XML, an answer larger than the cap).</li>
 * </ul>
 * All of them are unchecked. Messages name the API call (and the meeting ID where there is one)
 * and never contain the shared secret, a checksum, a password or a join URL.
 */
public class BbbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The API call name, or null. */
    private final String call;

    /**
     * Creates an exception for a failed call.
     *
     * @param call the API call name, e.g. {@code getMeetingInfo}; may be {@code null} when the
     *             failure is not tied to one call
     * @param message a description that contains no secret
     * @param cause the underlying cause, or {@code null}
     */
    public BbbException(String call, String message, Throwable cause) {
        super(message, cause);
        this.call = call;
    }

    /**
     * {@return the API call that failed, such as {@code create} or {@code hooks/list}; {@code null}
     * when the failure is not tied to one call}
     */
    public String call() {
        return call;
    }
}
