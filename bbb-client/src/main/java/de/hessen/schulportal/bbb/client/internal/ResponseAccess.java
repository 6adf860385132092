package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.util.List;

/**
 * Lets the client construct response types whose constructors are package-private, so that the
 * public API has no constructors or factories that take parser internals. Each API package
 * registers its parsers when its registrar class is initialised.
 */
public final class ResponseAccess {
    /** Parsers of the meeting package. */
    public interface Meeting {
        /**
         * Maps a create answer.
         *
         * @param root the response element
         * @return the response
         */
        CreateMeetingResponse create(XmlNode root);

        /**
         * Maps a join answer.
         *
         * @param root the response element
         * @return the response
         */
        JoinResponse join(XmlNode root);

        /**
         * Maps a getMeetingInfo answer.
         *
         * @param root the response element
         * @return the meeting
         */
        MeetingInfo meetingInfo(XmlNode root);

        /**
         * Maps a getMeetings answer.
         *
         * @param root the response element
         * @return the meetings
         */
        List<MeetingInfo> meetings(XmlNode root);
    }

    private static volatile Meeting meeting;

    private ResponseAccess() {
    }

    /**
     * Called once by the meeting package.
     *
     * @param parsers the parsers
     */
    public static void register(Meeting parsers) {
        meeting = parsers;
    }

    /**
     * The meeting package's parsers.
     *
     * @return the parsers
     */
    public static Meeting meeting() {
        Meeting m = meeting;
        if (m == null) {
            initialise("de.hessen.schulportal.bbb.client.meeting.MeetingParsers");
            m = meeting;
        }
        return m;
    }

    private static void initialise(String className) {
        try {
            Class.forName(className, true, ResponseAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("missing " + className, e);
        }
    }
}
