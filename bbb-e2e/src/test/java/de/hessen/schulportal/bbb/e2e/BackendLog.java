// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.ReceivedRequest;
import de.hessen.schulportal.bbb.testkit.SimulatedDocument;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Everything the backend (the simulator) received, as named values: every query parameter of every
 * request (decoded; checksums left out, their hex could contain anything by chance) and every
 * presentation document of a create body. {@link #leaks} searches it for what must not reach the
 * backend. Immutable.
 */
final class BackendLog {
    /** One value the backend received: {@code where} is the call (or {@code document}), then the name. */
    record Field(String where, String name, String value) {
        boolean contains(String text) {
            return value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            // No "name=value" form: the log guard would read a password parameter into it.
            return where + " " + name + " \u2192 \"" + value + "\"";
        }
    }

    private final List<Field> fields;

    private BackendLog(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    static BackendLog of(BbbSimulator sim) {
        List<Field> fields = new ArrayList<>();
        for (ReceivedRequest r : sim.requests()) {
            String call = r.callName().orElse(r.path());
            for (String pair : r.rawQuery().orElse("").split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (!name.equals("checksum")) {
                    fields.add(new Field(call, name, eq < 0 ? "" : decode(pair.substring(eq + 1))));
                }
            }
        }
        for (SimulatedMeeting m : sim.meetings()) {
            for (SimulatedDocument d : m.documents()) {
                d.url().ifPresent(u -> fields.add(new Field("create", "document url", u)));
                d.filename().ifPresent(u -> fields.add(new Field("create", "document filename", u)));
                d.name().ifPresent(u -> fields.add(new Field("create", "document name", u)));
            }
        }
        return new BackendLog(fields);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    List<Field> fields() {
        return fields;
    }

    /**
     * Searches for what the school's policy keeps from the backend.
     *
     * @param facts what to search for
     * @return per check (in a fixed order), the fields that break it; empty lists where none does
     */
    Map<String, List<Field>> leaks(Facts facts) {
        Map<String, Predicate<Field>> checks = new LinkedHashMap<>();
        checks.put("pupil's surname", f -> f.contains(facts.pupilLast()));
        // The policy lets a moderator's full name through as the display name, marked as the teacher's, nowhere else.
        checks.put("teacher's surname beyond the moderator's display name", f -> f.contains(facts.teacherLast())
                && !(f.where().equals("join") && f.name().equals("fullName")
                        && f.value().equals(facts.teacherFullName() + " (Lehrkraft)")));
        checks.put("Moodle user IDs", f -> facts.userIds().stream().anyMatch(id ->
                Pattern.compile("(?<![0-9])" + id + "(?![0-9])").matcher(f.value()).find()));
        checks.put("e-mail addresses", f -> facts.emails().stream().anyMatch(f::contains));
        checks.put("course names", f -> f.contains(facts.courseName()) || f.contains(facts.courseShortName()));
        checks.put("activity name", f -> f.contains(facts.activityName()));
        checks.put("activity description", f -> f.contains(facts.activityDescription()));
        checks.put("Moodle's address", f -> f.contains(facts.moodleHostAndPort())
                || f.contains(facts.moodleHostAndPort().replace(":", "%3A")));
        checks.put("avatar URLs and tokens", f -> f.contains("tokenpluginfile")
                || facts.fileTokens().stream().anyMatch(f::contains));
        checks.put("presentation file URLs", f -> f.contains("pluginfile.php"));
        Map<String, List<Field>> found = new LinkedHashMap<>();
        checks.forEach((name, check) -> found.put(name, fields.stream().filter(check).toList()));
        return found;
    }

    /**
     * What identifies the school's people and Moodle.
     *
     * @param pupilLast the pupil's surname
     * @param teacherLast the teacher's surname
     * @param teacherFullName the teacher's full name (the moderator's display name the policy allows)
     * @param userIds Moodle's user IDs of the people
     * @param emails their e-mail addresses
     * @param courseName the course's full name
     * @param courseShortName the course's short name
     * @param activityName the activity's name
     * @param activityDescription the activity's description
     * @param moodleHostAndPort Moodle's address as it appears in URLs
     * @param fileTokens the users' keys for {@code tokenpluginfile.php}
     */
    record Facts(String pupilLast, String teacherLast, String teacherFullName, List<Integer> userIds, List<String> emails,
            String courseName, String courseShortName, String activityName, String activityDescription,
            String moodleHostAndPort, List<String> fileTokens) {
    }
}
