// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

/**
 * No BigBlueButton tenant is configured for a school. A configuration error of the portal, not a
 * failure of BigBlueButton.
 */
public final class TenantNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param schoolId the school without a tenant
     */
    public TenantNotFoundException(String schoolId) {
        super("no BigBlueButton tenant is configured for school " + schoolId
                + ": add it to the TenantDirectory or configure a fallback");
    }
}
