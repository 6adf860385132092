// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

/**
 * The capacity in which a person joins a room. The caller states it per join: a teacher who is
 * also a parent joins their child's consultation as {@link #PARENT}.
 */
public enum SchoolRole {
    /** Schulleitung: principal and deputy. */
    PRINCIPAL,
    /** Lehrkraft, including trainee teachers (Lehrkräfte im Vorbereitungsdienst). */
    TEACHER,
    /** Schülerin or Schüler. */
    STUDENT,
    /** Eltern or Erziehungsberechtigte. */
    PARENT,
    /** Verwaltung, Sekretariat, Schulsozialarbeit. */
    STAFF,
    /** An external person: expert, interpreter, someone from another school. Never a moderator. */
    GUEST
}
