// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import java.util.Optional;

/**
 * What the 8 o'clock replay asks of the portal, per click: a teacher opens the lesson's room, a
 * pupil opens it. {@link AdapterPortal} does it through {@code bbb-portal-adapter}
 * ({@code SchoolConferences}), the measured figure; {@link DirectClientPortal} on the client API
 * alone, for comparison.
 */
public interface LessonPortal extends AutoCloseable {
    /**
     * The teacher opens the room: the meeting is created (idempotently) and the teacher gets a
     * moderator link.
     *
     * @param school the school ID
     * @param lessonId the portal's lesson ID
     * @param title the lesson title, e.g. "Klasse 7b – Mathematik"
     * @param userId the portal's own (personal) user ID, never sent to BigBlueButton
     * @param firstName first name
     * @param lastName last name
     * @return the join URL for the browser
     */
    String teacherOpens(String school, String lessonId, String title, String userId, String firstName, String lastName);

    /**
     * A pupil opens the room.
     *
     * @param school the school ID
     * @param lessonId the portal's lesson ID
     * @param title the lesson title
     * @param userId the portal's own (personal) user ID
     * @param firstName first name
     * @param lastName last name
     * @return the join URL, or empty if the pupil has to wait for the lesson to start
     */
    Optional<String> pupilOpens(String school, String lessonId, String title, String userId, String firstName,
            String lastName);

    @Override
    void close();
}
