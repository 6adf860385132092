// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RoomOptions;
import de.hessen.schulportal.bbb.portal.School;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * "This Moodle user opens the conference room of this course": what a SchulMoodle plugin sends a
 * bridge service, turned into the adapter's {@link Room} and {@link Person}.
 *
 * <pre>{@code
 * MoodleLaunch launch = MoodleLaunch.fromForm(form);            // the plugin's form fields, decoded
 * JoinOutcome outcome = conferences.join(launch.room(), launch.person(MoodleRoleMapping.defaults()));
 * String reason = outcome.decision().reason(launch.language());
 * }</pre>
 *
 * <p>One conference room per course: the site is the school ({@link School#of(String)} with the
 * site's school number), the room ID is {@code moodle-course-<course>}, the course name the
 * meeting's title. The form fields ({@link #fromForm(Map)}):
 * <ul>
 *   <li>{@code site}: the school number of the Moodle instance, e.g. {@code 6021}</li>
 *   <li>{@code course}, {@code courseName}: the course ID and its name (the meeting's name)</li>
 *   <li>{@code kind}: optional room kind: {@code lesson} (default), {@code tutoring},
 *       {@code consultation}, {@code staff_meeting}, {@code conference}</li>
 *   <li>{@code guests}: {@code 1} if the course's room lets invited guests in, else {@code 0} (default)</li>
 *   <li>{@code userId}, {@code username}, {@code firstName}, {@code lastName}</li>
 *   <li>{@code roles}: the user's course roles, comma separated, each {@code shortname} or
 *       {@code shortname:archetype}</li>
 *   <li>{@code consent}: {@code 1} if the user consented to being recorded, else {@code 0} (default)</li>
 *   <li>{@code lang}: optional, the user's Moodle language; {@code de} gives reasons in German</li>
 * </ul>
 *
 * <p>Immutable. {@link #toString()} prints neither names nor the user name.
 */
public final class MoodleLaunch {
    private static final int MAX_ROLES = 32;

    private final String site;
    private final String courseId;
    private final String courseName;
    private final RoomKind kind;
    private final boolean guestsAllowed;
    private final MoodleUser user;
    private final List<MoodleRole> roles;
    private final boolean recordingConsent;
    private final Locale language;

    private MoodleLaunch(Map<String, String> form) {
        this.site = required(form, "site");
        this.courseId = required(form, "course");
        if (!courseId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("course must match [A-Za-z0-9._-]{1,64}");
        }
        this.courseName = required(form, "courseName");
        this.kind = kind(form.getOrDefault("kind", "lesson"));
        this.guestsAllowed = flag(form, "guests");
        long userId;
        try {
            userId = Long.parseLong(required(form, "userId"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("userId must be a number", e);
        }
        this.user = MoodleUser.of(site, userId, required(form, "username"), required(form, "firstName"),
                form.getOrDefault("lastName", ""));
        this.roles = roles(required(form, "roles"));
        this.recordingConsent = flag(form, "consent");
        this.language = Locale.forLanguageTag(form.getOrDefault("lang", "en"));
    }

    /**
     * Reads a launch from the plugin's form fields (already percent-decoded), as listed above.
     *
     * @param form the fields; unknown fields are ignored
     * @return the launch
     * @throws NullPointerException if the form is null
     * @throws IllegalArgumentException naming the field and the rule it breaks (never its value)
     */
    public static MoodleLaunch fromForm(Map<String, String> form) {
        return new MoodleLaunch(Objects.requireNonNull(form, "form"));
    }

    /**
     * The course's conference room.
     *
     * @return the room: school = site, ID {@code moodle-course-<course>}, title = course name,
     *         guests as the form says
     * @throws IllegalArgumentException if the course name breaks the title rule
     */
    public Room room() {
        return Room.builder(School.of(site), "moodle-course-" + courseId, kind)
                .title(courseName)
                .options(RoomOptions.builder().guestsAllowed(guestsAllowed).build())
                .build();
    }

    /**
     * The user as the adapter's person, with school role and relation from the mapping.
     *
     * @param mapping the site's role mapping
     * @return the person
     * @throws NullPointerException if the mapping is null
     * @throws IllegalArgumentException if a name breaks the display-name rule
     */
    public Person person(MoodleRoleMapping mapping) {
        return Objects.requireNonNull(mapping, "mapping").toPerson(user, roles, guestsAllowed, recordingConsent);
    }

    /**
     * The site: the school number of the Moodle instance.
     *
     * @return the site
     */
    public String site() {
        return site;
    }

    /**
     * The course ID.
     *
     * @return the ID
     */
    public String courseId() {
        return courseId;
    }

    /**
     * The room kind.
     *
     * @return the kind; {@link RoomKind#LESSON} unless the form said otherwise
     */
    public RoomKind kind() {
        return kind;
    }

    /**
     * Whether the course's room lets invited guests in.
     *
     * @return the flag
     */
    public boolean isGuestsAllowed() {
        return guestsAllowed;
    }

    /**
     * The Moodle user.
     *
     * @return the user
     */
    public MoodleUser user() {
        return user;
    }

    /**
     * The user's course roles, in the order given.
     *
     * @return the roles, unmodifiable
     */
    public List<MoodleRole> roles() {
        return roles;
    }

    /**
     * Whether the user consented to being recorded.
     *
     * @return the flag
     */
    public boolean hasRecordingConsent() {
        return recordingConsent;
    }

    /**
     * The user's language, for {@link de.hessen.schulportal.bbb.portal.Decision#reason(Locale)}.
     *
     * @return the language; English unless the form said otherwise
     */
    public Locale language() {
        return language;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static boolean flag(Map<String, String> form, String name) {
        String value = form.getOrDefault(name, "0");
        if (!value.equals("0") && !value.equals("1")) {
            throw new IllegalArgumentException(name + " must be 0 or 1");
        }
        return value.equals("1");
    }

    private static RoomKind kind(String value) {
        for (RoomKind k : RoomKind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be one of lesson, tutoring, consultation, staff_meeting, conference");
    }

    private static List<MoodleRole> roles(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_ROLES) {
            throw new IllegalArgumentException("roles must be at most " + MAX_ROLES + " roles");
        }
        List<MoodleRole> out = new ArrayList<>(parts.length);
        for (String r : parts) {
            int colon = r.indexOf(':');
            out.add(colon < 0 ? MoodleRole.of(r.strip())
                    : MoodleRole.of(r.substring(0, colon).strip(), r.substring(colon + 1).strip()));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MoodleLaunch)) {
            return false;
        }
        MoodleLaunch m = (MoodleLaunch) o;
        return m.site.equals(site) && m.courseId.equals(courseId) && m.courseName.equals(courseName) && m.kind == kind
                && m.guestsAllowed == guestsAllowed && m.user.equals(user) && m.roles.equals(roles)
                && m.recordingConsent == recordingConsent && m.language.equals(language);
    }

    @Override
    public int hashCode() {
        return Objects.hash(site, courseId, courseName, kind, guestsAllowed, user, roles, recordingConsent, language);
    }

    /**
     * Site, course, kind, roles and flags; never names or the user name.
     *
     * @return a log-safe description
     */
    @Override
    public String toString() {
        return "MoodleLaunch{site=" + site + ", course=" + courseId + ", kind=" + kind + ", guestsAllowed=" + guestsAllowed
                + ", roles=" + roles + ", recordingConsent=" + recordingConsent + ", language=" + language.toLanguageTag()
                + '}';
    }
}
