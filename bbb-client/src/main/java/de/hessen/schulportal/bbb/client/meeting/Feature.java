// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A client feature that can be switched off per meeting ({@code disabledFeatures} on create).
 * The server merges the list with its own {@code disabledFeatures} property. For a feature a newer
 * server knows but this enum does not, use
 * {@link CreateMeetingRequest.Builder#disabledFeatureNames(String...)}.
 */
public enum Feature {
    /** Breakout rooms. */
    BREAKOUT_ROOMS("breakoutRooms"),
    /** Closed captions. */
    CAPTIONS("captions"),
    /** All chat. */
    CHAT("chat"),
    /** Private chat between participants. */
    PRIVATE_CHAT("privateChat"),
    /** Download of the presentation with annotations. */
    DOWNLOAD_PRESENTATION_WITH_ANNOTATIONS("downloadPresentationWithAnnotations"),
    /** Download of the presentation converted to PDF (2.7). */
    DOWNLOAD_PRESENTATION_CONVERTED_TO_PDF("downloadPresentationConvertedToPdf"),
    /** Download of the original presentation file (2.7). */
    DOWNLOAD_PRESENTATION_ORIGINAL_FILE("downloadPresentationOriginalFile"),
    /** Snapshot of the current slide (2.7). */
    SNAPSHOT_OF_CURRENT_SLIDE("snapshotOfCurrentSlide"),
    /** Sharing external videos. */
    EXTERNAL_VIDEOS("externalVideos"),
    /** Importing annotated presentations from breakout rooms. */
    IMPORT_PRESENTATION_WITH_ANNOTATIONS_FROM_BREAKOUT_ROOMS("importPresentationWithAnnotationsFromBreakoutRooms"),
    /** Importing shared notes from breakout rooms. */
    IMPORT_SHARED_NOTES_FROM_BREAKOUT_ROOMS("importSharedNotesFromBreakoutRooms"),
    /** Changing the layout. */
    LAYOUTS("layouts"),
    /** The learning analytics dashboard, which profiles participants. */
    LEARNING_DASHBOARD("learningDashboard"),
    /** Download of the learning dashboard's session data (2.7.5). */
    LEARNING_DASHBOARD_DOWNLOAD_SESSION_DATA("learningDashboardDownloadSessionData"),
    /** Polls. */
    POLLS("polls"),
    /** Screen sharing. */
    SCREENSHARE("screenshare"),
    /** Shared notes. */
    SHARED_NOTES("sharedNotes"),
    /** Virtual backgrounds. */
    VIRTUAL_BACKGROUNDS("virtualBackgrounds"),
    /** Uploading own virtual backgrounds. */
    CUSTOM_VIRTUAL_BACKGROUNDS("customVirtualBackgrounds"),
    /** Live transcription (2.6). */
    LIVE_TRANSCRIPTION("liveTranscription"),
    /** The presentation area, including document upload (2.6). */
    PRESENTATION("presentation"),
    /** Sharing a camera as content (2.7). */
    CAMERA_AS_CONTENT("cameraAsContent"),
    /** The timer (2.7). */
    TIMER("timer"),
    /** The infinite whiteboard (3.0). */
    INFINITE_WHITEBOARD("infiniteWhiteboard"),
    /** Deleting chat messages (3.0). */
    DELETE_CHAT_MESSAGE("deleteChatMessage"),
    /** Editing chat messages (3.0). */
    EDIT_CHAT_MESSAGE("editChatMessage"),
    /** Replying to chat messages (3.0). */
    REPLY_CHAT_MESSAGE("replyChatMessage"),
    /** Reactions to chat messages (3.0). */
    CHAT_MESSAGE_REACTIONS("chatMessageReactions"),
    /** Raising hands (3.0). */
    RAISE_HAND("raiseHand"),
    /** User reactions (3.0). */
    USER_REACTIONS("userReactions"),
    /** Client plugins (3.0). */
    PLUGINS("plugins");

    private final String wireName;

    Feature(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the name BigBlueButton uses in {@code disabledFeatures}, e.g. {@code privateChat}} */
    public String wireName() {
        return wireName;
    }

    /**
     * A comma-separated feature list with more names added: each name once, in first-seen order,
     * so setting a list twice merges instead of losing the first call's features.
     *
     * @param parameter the parameter name for messages
     * @param existing the list so far, or {@code null}
     * @param names the wire names to add: not blank, no comma
     * @return the merged list, empty if there is nothing
     */
    static String merge(String parameter, String existing, String... names) {
        Validation.required(parameter, names);
        Set<String> merged = new LinkedHashSet<>();
        if (existing != null) {
            merged.addAll(List.of(existing.split(",")));
        }
        for (String n : names) {
            Validation.nonBlank(parameter + " element", n);
            if (n.contains(",")) {
                throw new IllegalArgumentException(parameter + " element must not contain a comma: the list is comma-separated");
            }
            merged.add(n);
        }
        return String.join(",", merged);
    }
}
