// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import de.hessen.schulportal.bbb.portal.internal.ValueType;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The Moodle user data the bridge needs: site, user ID, user name and names. Made by
 * {@link MoodleUser#of(String, long, String, String, String)}, which refuses a null argument with a
 * {@link NullPointerException} naming it and a site or user ID breaking its rule with an
 * {@link IllegalArgumentException} naming the rule; null arguments are checked first. {@code toString()} shows the site; the user ID, user name and names are masked.
 *
 * <p>Immutable.
 */
@Value.Immutable(builder = false, copy = false)
@ValueType
abstract class AbstractMoodleUser {
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** {@return the Moodle site, e.g. {@code schulmoodle-6021}: {@code [A-Za-z0-9._-]}, 1 to 64 characters} */
    @Value.Parameter
    public abstract String siteId();

    /** {@return Moodle's user ID ({@code mdl_user.id}), positive} */
    @Value.Parameter
    @Value.Redacted
    public abstract long userId();

    /** {@return Moodle's user name; {@code guest} marks Moodle's guest account} */
    @Value.Parameter
    @Value.Redacted
    public abstract String username();

    /** {@return the first name} */
    @Value.Parameter
    @Value.Redacted
    public abstract String firstName();

    /** {@return the last name} */
    @Value.Parameter
    @Value.Redacted
    public abstract String lastName();

    @Value.Check
    void check() {
        if (!SITE_ID.matcher(siteId()).matches()) {
            throw new IllegalArgumentException("siteId must match [A-Za-z0-9._-]{1,64}");
        }
        if (userId() <= 0) {
            throw new IllegalArgumentException("userId must be positive, was " + userId());
        }
    }
}
