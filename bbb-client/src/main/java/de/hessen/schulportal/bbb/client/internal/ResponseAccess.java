package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.client.hook.HookRegistration;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.client.recording.TextTrack;
import java.util.List;
import tools.jackson.databind.JsonNode;

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

    /** Parsers of the recording package. */
    public interface Recording {
        /**
         * Maps a getRecordings answer.
         *
         * @param root the response element
         * @return the page
         */
        RecordingsPage page(XmlNode root);

        /**
         * Maps the tracks of a getRecordingTextTracks answer.
         *
         * @param response the JSON {@code response} object
         * @return the tracks
         */
        List<TextTrack> textTracks(JsonNode response);
    }

    /** Parsers of the hook package. */
    public interface Hooks {
        /**
         * Maps a hooks/create answer.
         *
         * @param root the response element
         * @return the registration
         */
        HookRegistration registration(XmlNode root);

        /**
         * Maps a hooks/list answer.
         *
         * @param root the response element
         * @return the hooks
         */
        List<Hook> hooks(XmlNode root);
    }

    private static volatile Meeting meeting;
    private static volatile Recording recording;
    private static volatile Hooks hooks;

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
     * Called once by the recording package.
     *
     * @param parsers the parsers
     */
    public static void register(Recording parsers) {
        recording = parsers;
    }

    /**
     * Called once by the hook package.
     *
     * @param parsers the parsers
     */
    public static void register(Hooks parsers) {
        hooks = parsers;
    }

    /**
     * The meeting package's parsers.
     *
     * @return the parsers
     */
    public static Meeting meeting() {
        if (meeting == null) {
            initialise("de.hessen.schulportal.bbb.client.meeting.MeetingParsers");
        }
        return meeting;
    }

    /**
     * The recording package's parsers.
     *
     * @return the parsers
     */
    public static Recording recording() {
        if (recording == null) {
            initialise("de.hessen.schulportal.bbb.client.recording.RecordingParsers");
        }
        return recording;
    }

    /**
     * The hook package's parsers.
     *
     * @return the parsers
     */
    public static Hooks hooks() {
        if (hooks == null) {
            initialise("de.hessen.schulportal.bbb.client.hook.HookParsers");
        }
        return hooks;
    }

    private static void initialise(String className) {
        try {
            Class.forName(className, true, ResponseAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("missing " + className, e);
        }
    }
}
