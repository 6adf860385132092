package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.BbbApiException;
import de.hessen.schulportal.bbb.client.ChecksumErrorException;
import de.hessen.schulportal.bbb.client.CreateTimeMismatchException;
import de.hessen.schulportal.bbb.client.GuestDeniedException;
import de.hessen.schulportal.bbb.client.IdNotUniqueException;
import de.hessen.schulportal.bbb.client.MaxParticipantsReachedException;
import de.hessen.schulportal.bbb.client.MeetingForciblyEndedException;
import de.hessen.schulportal.bbb.client.MeetingNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that maps a {@code messageKey} to an exception type. The README prints this table.
 * Keys not listed become a plain {@link BbbApiException} that keeps the key as sent.
 */
public final class ApiErrors {
    @FunctionalInterface
    private interface Factory {
        BbbApiException create(String call, String meetingId, String key, String message);
    }

    private static final Map<String, Factory> BY_KEY = new LinkedHashMap<>();

    static {
        BY_KEY.put("checksumError", ChecksumErrorException::new);
        BY_KEY.put("notFound", MeetingNotFoundException::new);
        BY_KEY.put("invalidMeetingIdentifier", MeetingNotFoundException::new);
        BY_KEY.put("meetingNotFound", MeetingNotFoundException::new);
        BY_KEY.put("idNotUnique", IdNotUniqueException::new);
        BY_KEY.put("meetingForciblyEnded", MeetingForciblyEndedException::new);
        BY_KEY.put("maxParticipantsReached", MaxParticipantsReachedException::new);
        BY_KEY.put("guestDeniedAccess", GuestDeniedException::new);
        BY_KEY.put("mismatchCreateTimeParam", CreateTimeMismatchException::new);
    }

    private ApiErrors() {
    }

    /**
     * The exception for a FAILED answer.
     *
     * @param call the call name
     * @param meetingId the meeting ID or {@code null}
     * @param key the messageKey as sent
     * @param message the server's message
     * @return the typed exception
     */
    public static BbbApiException toException(String call, String meetingId, String key, String message) {
        Factory f = BY_KEY.get(key);
        return f == null ? new BbbApiException(call, meetingId, key, message) : f.create(call, meetingId, key, message);
    }

    /**
     * The mapping table, key to exception class, for documentation and tests.
     *
     * @return the keys in a stable order with the simple class name of their exception
     */
    public static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        BY_KEY.forEach((k, f) -> t.put(k, f.create("x", null, k, "").getClass().getSimpleName()));
        return t;
    }
}
