// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.observation;

import java.util.Set;

/**
 * BigBlueButton's {@code messageKey}s that may become a metric tag. The server chooses the text,
 * so an unknown key becomes {@code other}: a misbehaving server cannot blow up the number of time
 * series.
 */
final class MessageKeys {
    /** The keys of the BigBlueButton, Scalelite and bbb-webhooks APIs that mean a failure. */
    private static final Set<String> KNOWN = Set.of(
            "checksumError", "notFound", "invalidMeetingIdentifier", "meetingNotFound", "idNotUnique",
            "meetingForciblyEnded", "maxParticipantsReached", "guestDeniedAccess", "mismatchCreateTimeParam",
            "unsupportedRequest", "unsupportedContentType", "validationError", "paramError", "missingParameter",
            "missingParameters", "missingParamMeetingID", "missingParamHookID", "missingParamFullName",
            "invalidPassword", "nonUniqueVoiceBridge", "serverUnavailable", "serverTagUnavailable", "internalError",
            "userNotFound", "invalidKind", "invalidLang", "destroyMissingHook");

    /** Tag value when there was no messageKey. */
    static final String NONE = "none";
    /** Tag value for a messageKey outside the vocabulary. */
    static final String OTHER = "other";

    private MessageKeys() {
    }

    /**
     * The tag value for a messageKey.
     *
     * @param messageKey the server's key, or {@code null}
     * @return the key if known, {@link #NONE} or {@link #OTHER}
     */
    static String tag(String messageKey) {
        if (messageKey == null) {
            return NONE;
        }
        return KNOWN.contains(messageKey) ? messageKey : OTHER;
    }
}
