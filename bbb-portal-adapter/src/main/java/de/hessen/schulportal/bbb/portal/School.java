// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Objects;
import java.util.Optional;

/**
 * A school (a tenant of the portal). Its ID selects the BigBlueButton tenant and keys the
 * pseudonyms; neither the ID nor the display name is ever sent to BigBlueButton.
 *
 * <p>Immutable.
 */
public final class School {
    private final String id;
    private final String displayName;

    private School(String id, String displayName) {
        this.id = Checks.text("school id", id, 128);
        this.displayName = displayName == null ? null : Checks.text("school displayName", displayName, 256);
    }

    /**
     * A school by its portal ID, e.g. the Dienststellennummer.
     *
     * @param id not blank, at most 128 characters, no control characters
     * @return the school
     * @throws IllegalArgumentException if the ID breaks a rule
     */
    public static School of(String id) {
        return new School(id, null);
    }

    /**
     * A school with a display name for the portal's own use (logs, UI). It never leaves the portal.
     *
     * @param id not blank, at most 128 characters, no control characters
     * @param displayName not blank, at most 256 characters
     * @return the school
     * @throws IllegalArgumentException if a value breaks a rule
     */
    public static School of(String id, String displayName) {
        return new School(id, Checks.required("school displayName", displayName));
    }

    /**
     * The portal's ID of the school.
     *
     * @return the ID
     */
    public String id() {
        return id;
    }

    /**
     * The display name, if one was given.
     *
     * @return the name
     */
    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof School && ((School) o).id.equals(id) && Objects.equals(((School) o).displayName, displayName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, displayName);
    }

    @Override
    public String toString() {
        return "School{id=" + id + '}';
    }
}
