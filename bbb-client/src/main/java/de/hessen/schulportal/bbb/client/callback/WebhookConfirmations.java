// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.MeetingNotFoundException;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Confirms what a webhook event says with an API call before a receiver acts on it. Needed for
 * deliveries whose signature does not cover the body ({@link WebhookSignatureScheme#authenticatesBody()}
 * false): the bbb-webhooks 3.0–3.3 checksum that BigBlueButton 3.0.4 still sends is the same for every
 * delivery to a URL, so whoever saw one delivery can send any event. Useful for every scheme where a
 * false event is costly, as an event may also be old.
 *
 * <pre>{@code
 * WebhookDelivery delivery = verifier.verify(requestUrl, rawBody);
 * for (WebhookEvent event : delivery.events()) {
 *     if (event.type() == WebhookEventType.MEETING_ENDED && WebhookConfirmations.meetingEnded(bbb::getMeetingInfo, event)) {
 *         archive(event.externalMeetingId().orElseThrow());
 *     }
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe; every method makes one API call through the function given
 * ({@code bbb::getMeetingInfo}, {@code bbb.async()::getMeetingInfo}), so that this package stays
 * below the clients.
 */
public final class WebhookConfirmations {
    private WebhookConfirmations() {
    }

    /**
     * Confirms a {@code meeting-ended} event with {@code getMeetingInfo} for its external meeting ID:
     * confirmed if BigBlueButton does not know the meeting ({@code notFound}: ended and removed) or
     * answers that it is not running and has ended ({@code hasBeenForciblyEnded} or an
     * {@code endTime}). Not confirmed while a meeting with that ID runs, also if it is a later
     * meeting of the same room: the receiver must not act on "the room's meeting ended" then.
     *
     * @param getMeetingInfo {@code getMeetingInfo(String)} of the client for the server (or tenant)
     *     that sent the event: {@code bbb::getMeetingInfo}
     * @param event a {@link WebhookEventType#MEETING_ENDED} event
     * @return whether the server confirms that the meeting has ended
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the event is not a meeting-ended event or names no
     *     external meeting ID
     * @throws BbbException if the API call fails for another reason than {@code notFound}
     */
    public static boolean meetingEnded(Function<String, MeetingInfo> getMeetingInfo, WebhookEvent event) {
        Objects.requireNonNull(getMeetingInfo, "getMeetingInfo");
        String meetingId = endedMeetingId(event);
        try {
            return hasEnded(getMeetingInfo.apply(meetingId));
        } catch (MeetingNotFoundException e) {
            return true;
        }
    }

    /**
     * As {@link #meetingEnded(Function, WebhookEvent)}, without blocking.
     *
     * @param getMeetingInfo {@code getMeetingInfo(String)} of the asynchronous view of the client
     *     for the server that sent the event: {@code bbb.async()::getMeetingInfo}
     * @param event a {@link WebhookEventType#MEETING_ENDED} event
     * @return a future with whether the server confirms that the meeting has ended; failed with a
     *     {@link BbbException} as the synchronous method throws
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the event is not a meeting-ended event or names no
     *     external meeting ID
     */
    public static CompletableFuture<Boolean> meetingEndedAsync(
            Function<String, ? extends CompletionStage<MeetingInfo>> getMeetingInfo, WebhookEvent event) {
        Objects.requireNonNull(getMeetingInfo, "getMeetingInfo");
        String meetingId = endedMeetingId(event);
        return getMeetingInfo.apply(meetingId).toCompletableFuture().handle((info, error) -> {
            if (error == null) {
                return hasEnded(info);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof MeetingNotFoundException) {
                return true;
            }
            throw error instanceof CompletionException ? (CompletionException) error : new CompletionException(error);
        });
    }

    private static String endedMeetingId(WebhookEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.type() != WebhookEventType.MEETING_ENDED) {
            throw new IllegalArgumentException("event must be a meeting-ended event, was " + event.type());
        }
        return event.externalMeetingId().orElseThrow(
                () -> new IllegalArgumentException("event names no external meeting ID, so there is nothing to confirm"));
    }

    private static boolean hasEnded(MeetingInfo info) {
        return !info.isRunning() && (info.hasBeenForciblyEnded() || info.endTime().isPresent());
    }
}
