package de.hessen.schulportal.bbb.benchmarks;

/**
 * What the 8 o'clock replay asks of the portal: start a lesson, hand out join links. Today
 * implemented by {@link DirectClientPortal} on the client API; once {@code bbb-portal-adapter}
 * ({@code SchoolConferences}) is in the reactor, an implementation on the adapter replaces it
 * without touching {@link PeakReplay}.
 */
public interface LessonPortal extends AutoCloseable {
    /**
     * Starts (creates) a lesson's meeting.
     *
     * @param school the school ID
     * @param lessonId the portal's lesson ID
     * @param title the lesson title, e.g. "Klasse 7b – Mathematik"
     * @return a handle for the join links
     */
    Lesson startLesson(String school, String lessonId, String title);

    /**
     * A signed join link for one person.
     *
     * @param lesson the lesson
     * @param portalUserId the portal's own (personal) user ID, never sent to BigBlueButton
     * @param displayName the name shown in the meeting
     * @param teacher whether the person teaches the lesson (moderator) or is a pupil (viewer)
     * @return the URL for the browser
     */
    String joinLink(Lesson lesson, String portalUserId, String displayName, boolean teacher);

    @Override
    void close();

    /**
     * A started lesson.
     *
     * @param meetingId the pseudonymous meeting ID sent to BigBlueButton
     * @param createTime the meeting's createTime
     */
    record Lesson(String meetingId, long createTime) {
    }
}
