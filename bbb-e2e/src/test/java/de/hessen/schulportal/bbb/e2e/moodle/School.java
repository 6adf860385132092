// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.moodle;

import de.hessen.schulportal.bbb.e2e.servers.MoodleSite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The school in the test Moodle: a teacher and a pupil (with a profile picture) in one course, made
 * once per site with Moodle's own API ({@code e2e_setup.php}), and a fresh BigBlueButton activity
 * with an uploaded slide per test run. Every name and address is distinctive, so a search of what the
 * backend received cannot miss it or find it by chance. User IDs start at {@link #FIRST_USER_ID} for
 * the same reason. Immutable.
 */
public final class School {
    /** Where Moodle's user IDs start in the test site: six digits that occur nowhere by chance. */
    public static final int FIRST_USER_ID = 480213;
    /** The teacher's login. */
    public static final String TEACHER = "e2e-teacher";
    /** The pupil's login. */
    public static final String PUPIL = "e2e-pupil";
    /** Both people's password. */
    public static final String PASSWORD = "E2e-Pass-word1!";
    /** The teacher's first name. */
    public static final String TEACHER_FIRST = "Petra";
    /** The teacher's surname. */
    public static final String TEACHER_LAST = "Schmidtbauer";
    /** The teacher's e-mail address. */
    public static final String TEACHER_EMAIL = "petra.schmidtbauer@e2e-schule.invalid";
    /** The pupil's first name. */
    public static final String PUPIL_FIRST = "Kim";
    /** The pupil's surname. */
    public static final String PUPIL_LAST = "Yilmazoglu";
    /** The pupil's e-mail address. */
    public static final String PUPIL_EMAIL = "kim.yilmazoglu@e2e-schule.invalid";
    /** The course's full name (names the class and the teacher, as schools do). */
    public static final String COURSE = "Mathematik 7b Schmidtbauer";
    /** The course's short name. */
    public static final String COURSE_SHORT = "M7b-Schmidtbauer";
    /** The activity's name. */
    public static final String ACTIVITY = "Bruchrechnung Wochenplan Quokka";
    /** The activity's description. */
    public static final String DESCRIPTION = "Wiederholung Kehrwert Zebrafink";
    /** The uploaded slide's file name. */
    public static final String SLIDE_NAME = "folien-kehrwert.pdf";
    /** The uploaded slide's bytes: a small, valid PDF made here. */
    public static final byte[] SLIDE = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final int teacherId;
    private final int pupilId;
    private final int courseId;

    private School(int teacherId, int pupilId, int courseId) {
        this.teacherId = teacherId;
        this.pupilId = pupilId;
        this.courseId = courseId;
    }

    /**
     * The school of a site: made on first use, found again afterwards.
     *
     * @param site the Moodle
     * @return the school
     */
    public static synchronized School of(MoodleSite site) {
        String found = site.sql("SELECT t.id, p.id, c.id FROM mdl_user t, mdl_user p, mdl_course c WHERE t.username = '"
                + TEACHER + "' AND p.username = '" + PUPIL + "' AND c.shortname = '" + COURSE_SHORT + "'");
        if (!found.isEmpty()) {
            String[] ids = found.split("\\|");
            return new School(Integer.parseInt(ids[0]), Integer.parseInt(ids[1]), Integer.parseInt(ids[2]));
        }
        site.sql("ALTER SEQUENCE mdl_user_id_seq RESTART WITH " + FIRST_USER_ID);
        Map<String, Object> in = Map.of(
                "teacher", person(TEACHER, TEACHER_FIRST, TEACHER_LAST, TEACHER_EMAIL),
                "pupil", person(PUPIL, PUPIL_FIRST, PUPIL_LAST, PUPIL_EMAIL),
                "course", Map.of("fullname", COURSE, "shortname", COURSE_SHORT));
        JsonNode out = JSON.readTree(lastLine(site.runScript("e2e_setup.php", "school", JSON.writeValueAsString(in))));
        return new School(out.get("teacherId").asInt(), out.get("pupilId").asInt(), out.get("courseId").asInt());
    }

    private static Map<String, String> person(String username, String first, String last, String email) {
        return Map.of("username", username, "password", PASSWORD, "firstname", first, "lastname", last, "email", email);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    /**
     * Adds a BigBlueButton activity (room with recordings, the teacher's role as moderator, the slide
     * uploaded) to the course, as the activity form would.
     *
     * @param site the Moodle
     * @return the new activity
     */
    public Activity addActivity(MoodleSite site) {
        Map<String, Object> in = Map.of("courseId", courseId, "activity", Map.of("name", ACTIVITY, "intro", "<p>" + DESCRIPTION + "</p>",
                "slide_filename", SLIDE_NAME, "slide_base64", Base64.getEncoder().encodeToString(SLIDE)));
        JsonNode out = JSON.readTree(lastLine(site.runScript("e2e_setup.php", "activity", JSON.writeValueAsString(in))));
        return new Activity(out.get("cmid").asInt(), out.get("instanceId").asInt(), out.get("meetingId").asString());
    }

    /**
     * The teacher's Moodle user ID.
     *
     * @return the ID
     */
    public int teacherId() {
        return teacherId;
    }

    /**
     * The pupil's Moodle user ID.
     *
     * @return the ID
     */
    public int pupilId() {
        return pupilId;
    }

    /**
     * The course's ID.
     *
     * @return the ID
     */
    public int courseId() {
        return courseId;
    }

    /**
     * A BigBlueButton activity of the course.
     *
     * @param cmid its course-module ID ({@code view.php?id=})
     * @param instanceId its instance ID ({@code bn=}, the AJAX services' {@code bigbluebuttonbnid})
     * @param meetingIdPrefix the 40 hex characters Moodle's meeting IDs start with
     */
    public record Activity(int cmid, int instanceId, String meetingIdPrefix) {
    }
}
