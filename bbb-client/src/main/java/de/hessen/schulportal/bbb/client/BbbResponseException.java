// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

/**
 * Something answered, but not with a BigBlueButton API envelope: an HTML error page from a proxy,
 * an HTTP error status without a {@code returncode}, XML that is broken, hostile (DTDs, entities)
 * or not a {@code <response>}, or a body larger than the configured cap.
 *
 * <p>This usually means the base URL points at the wrong place, or a proxy in front of
 * BigBlueButton failed. {@link #httpStatus()} tells the HTTP status that came with it.
 */
public class BbbResponseException extends BbbException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, or -1. */
    private final int httpStatus;

    /**
     * Creates a response failure.
     *
     * @param call the API call name
     * @param httpStatus the HTTP status of the answer, or {@code -1} if there was none
     * @param message a description that contains no secret
     * @param cause the parse failure, or {@code null}
     */
    public BbbResponseException(String call, int httpStatus, String message, Throwable cause) {
        super(call, message, cause);
        this.httpStatus = httpStatus;
    }

    /**
     * {@return the HTTP status code of the answer, or {@code -1} when the failure happened before a
     * status was known}
     */
    public int httpStatus() {
        return httpStatus;
    }
}
