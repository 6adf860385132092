// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.util.Map;

/**
 * The one place that maps a {@code messageKey} to an exception type, per call family: a
 * {@code notFound} means "no such meeting" to a meeting call but "no such recording" to a
 * recording call. Keys not listed become a plain {@link BbbApiException} that keeps the key as
 * sent. The README prints this table.
 */
final class ApiErrors {
    /** Calls whose errors share a meaning. */
    enum Family {
        /** Calls about meetings (and the API root). */
        MEETING,
        /** Calls about recordings and their text tracks. */
        RECORDING,
        /** The bbb-webhooks calls. */
        HOOK
    }

    @FunctionalInterface
    private interface Factory {
        BbbApiException create(String call, String meetingId, String key, String message);
    }

    /** Keys that mean the same to every call. */
    private static final Map<String, Factory> COMMON = Map.of(
            "checksumError", ChecksumErrorException::new);

    /** Keys of the meeting calls. */
    private static final Map<String, Factory> MEETING = Map.of(
            "notFound", MeetingNotFoundException::new,
            "invalidMeetingIdentifier", MeetingNotFoundException::new,
            "meetingNotFound", MeetingNotFoundException::new,
            "idNotUnique", IdNotUniqueException::new,
            "meetingForciblyEnded", MeetingForciblyEndedException::new,
            "maxParticipantsReached", MaxParticipantsReachedException::new,
            "guestDeniedAccess", GuestDeniedException::new,
            "mismatchCreateTimeParam", CreateTimeMismatchException::new);

    private ApiErrors() {
    }

    /**
     * {@return whether a meeting call failed because BigBlueButton does not know the meeting:
     * {@code notFound} (bbb-web's {@code ApiController}), not the other keys mapped to
     * {@link MeetingNotFoundException}, which also cover malformed IDs}
     */
    static boolean isMeetingUnknown(MeetingNotFoundException e) {
        return "notFound".equals(e.messageKey());
    }

    /**
     * The exception for a FAILED answer.
     *
     * @param family the call's family
     * @param call the call name
     * @param meetingId the meeting ID or {@code null}
     * @param key the messageKey as sent
     * @param message the server's message
     * @return the typed exception
     */
    static BbbApiException toException(Family family, String call, String meetingId, String key, String message) {
        Factory f = COMMON.get(key);
        if (f == null && family == Family.MEETING) {
            f = MEETING.get(key);
        }
        return f == null ? new BbbApiException(call, meetingId, key, message) : f.create(call, meetingId, key, message);
    }
}
