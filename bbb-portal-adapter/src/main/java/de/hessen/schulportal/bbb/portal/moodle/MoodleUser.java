// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import java.util.Objects;

/**
 * The Moodle user data the bridge needs: site, user ID, user name and names. {@link #toString()}
 * prints no names.
 *
 * <p>Immutable.
 */
public final class MoodleUser {
    private final String siteId;
    private final long userId;
    private final String username;
    private final String firstName;
    private final String lastName;

    private MoodleUser(String siteId, long userId, String username, String firstName, String lastName) {
        Objects.requireNonNull(siteId, "siteId");
        if (!siteId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("siteId must match [A-Za-z0-9._-]{1,64}");
        }
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive, was " + userId);
        }
        this.siteId = siteId;
        this.userId = userId;
        this.username = Objects.requireNonNull(username, "username");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
    }

    /**
     * A Moodle user.
     *
     * @param siteId the Moodle site, e.g. {@code schulmoodle-6021}
     * @param userId Moodle's user ID ({@code mdl_user.id})
     * @param username Moodle's user name; {@code guest} marks Moodle's guest account
     * @param firstName the first name
     * @param lastName the last name
     * @return the user
     */
    public static MoodleUser of(String siteId, long userId, String username, String firstName, String lastName) {
        return new MoodleUser(siteId, userId, username, firstName, lastName);
    }

    /**
     * The Moodle site.
     *
     * @return the site ID
     */
    public String siteId() {
        return siteId;
    }

    /**
     * Moodle's user ID.
     *
     * @return the ID
     */
    public long userId() {
        return userId;
    }

    /**
     * Moodle's user name.
     *
     * @return the user name
     */
    public String username() {
        return username;
    }

    /**
     * The first name.
     *
     * @return the first name
     */
    public String firstName() {
        return firstName;
    }

    /**
     * The last name.
     *
     * @return the last name
     */
    public String lastName() {
        return lastName;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MoodleUser)) {
            return false;
        }
        MoodleUser u = (MoodleUser) o;
        return u.siteId.equals(siteId) && u.userId == userId && u.username.equals(username)
                && u.firstName.equals(firstName) && u.lastName.equals(lastName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(siteId, userId, username, firstName, lastName);
    }

    @Override
    public String toString() {
        return "MoodleUser{siteId=" + siteId + '}';
    }
}
