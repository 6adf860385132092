// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

/** A call the gateway answers itself with bbb-web's FAILED envelope, without asking the backend. */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;

    /**
     * An error.
     *
     * @param messageKey bbb-web's key, e.g. {@code missingParamMeetingID}
     * @param message bbb-web's text; never a value the client sent
     */
    public ApiError(String messageKey, String message) {
        super(message, null, false, false);
        this.messageKey = messageKey;
    }

    /**
     * The key.
     *
     * @return the key
     */
    public String messageKey() {
        return messageKey;
    }
}
