// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.IdNotUniqueException;
import de.hessen.schulportal.bbb.client.MeetingNotFoundException;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The async view of {@link SchoolConferences}, reached with {@link SchoolConferences#async()}: the
 * same {@code join}, {@code end} and {@code status}, on the client's async path
 * ({@link BbbClient#async()}), returning {@link CompletableFuture}s.
 *
 * <pre>{@code
 * conferences.async().join(room, person)
 *         .thenAccept(outcome -> respond(outcome));
 * }</pre>
 *
 * <p>Invalid arguments ({@code null}, a name that breaks the display-name rule) are thrown
 * directly; every other failure, including {@link TenantNotFoundException}, completes the future
 * exceptionally. Thread-safe; shares the facade's configuration and running-meeting memory.
 */
public final class SchoolConferencesAsync {
    private final SchoolConferences sync;

    SchoolConferencesAsync(SchoolConferences sync) {
        this.sync = sync;
    }

    /**
     * {@link SchoolConferences#join(Room, Person)} on the async client.
     *
     * @param room the room
     * @param person the person
     * @return the outcome
     * @throws NullPointerException if an argument is null
     */
    public CompletableFuture<JoinOutcome> join(Room room, Person person) {
        return decideAndJoin(room, person).thenApply(outcome -> sync.audit().report(room, person, outcome));
    }

    private CompletableFuture<JoinOutcome> decideAndJoin(Room room, Person person) {
        Decision d = sync.decide(room, person);
        String meetingId = sync.meetingId(room);
        sync.steps().logDecision(room, person, d, meetingId);
        if (!d.isAdmitted()) {
            return CompletableFuture.completedFuture(JoinOutcome.denied(d, meetingId));
        }
        // Display names are checked before any call, so a bad name is thrown, not a failed future.
        sync.requests().checkNames(person);
        BbbClient bbb;
        try {
            bbb = sync.tenants().clientFor(room.school());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (d.isAllowedToStart()) {
            return bbb.async().create(sync.requests().create(room)).exceptionally(e -> {
                // Behind Scalelite a repeated create answers idNotUnique (see SchoolConferences.join).
                if (unwrap(e) instanceof IdNotUniqueException) {
                    return null;
                }
                throw rethrow(e);
            }).thenCompose(created -> {
                if (created != null && !created.isDuplicate()) {
                    return CompletableFuture.completedFuture(sync.steps().started(bbb, room, person, d, created));
                }
                RunningMeetings.Seen seen = sync.steps().running().recent(meetingId);
                if (seen != null) {
                    return CompletableFuture.completedFuture(sync.steps().judged(bbb, room, person, d, meetingId, seen));
                }
                if (created == null) {
                    return bbb.async().getMeetingInfo(meetingId).thenApply(
                            info -> sync.steps().judged(bbb, room, person, d, meetingId, sync.steps().seen(info)));
                }
                return info(bbb, meetingId,
                        info -> sync.steps().judged(bbb, room, person, d, meetingId, info == null
                                ? sync.steps().createdJustNow(room, created) : sync.steps().seen(info)));
            });
        }
        RunningMeetings.Seen seen = sync.steps().running().recent(meetingId);
        if (seen != null) {
            try {
                return CompletableFuture.completedFuture(sync.steps().judged(bbb, room, person, d, meetingId, seen));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return info(bbb, meetingId, info -> info == null ? JoinOutcome.waitForStart(d, meetingId)
                : sync.steps().afterInfo(bbb, room, person, d, info));
    }

    /**
     * {@link SchoolConferences#end(Room)} on the async client.
     *
     * @param room the room
     * @return {@code true} if a meeting was ended, {@code false} if there was none
     * @throws NullPointerException if the room is null
     */
    public CompletableFuture<Boolean> end(Room room) {
        String meetingId = sync.meetingId(room);
        sync.steps().running().forget(meetingId);
        BbbClient bbb;
        try {
            bbb = sync.tenants().clientFor(room.school());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return bbb.async().end(meetingId);
    }

    /**
     * {@link SchoolConferences#status(Room)} on the async client.
     *
     * @param room the room
     * @return the status
     * @throws NullPointerException if the room is null
     */
    public CompletableFuture<RoomStatus> status(Room room) {
        String meetingId = sync.meetingId(room);
        BbbClient bbb;
        try {
            bbb = sync.tenants().clientFor(room.school());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return info(bbb, meetingId, info -> RoomStatus.of(meetingId, info, sync.steps().now()));
    }

    /** {@code getMeetingInfo}, with "no such meeting" as {@code null} for the next step. */
    private static <T> CompletableFuture<T> info(BbbClient bbb, String meetingId, Function<MeetingInfo, T> next) {
        return bbb.async().getMeetingInfo(meetingId).handle((info, error) -> {
            if (error == null) {
                return next.apply(info);
            }
            if (unwrap(error) instanceof MeetingNotFoundException) {
                return next.apply(null);
            }
            throw rethrow(error);
        });
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static CompletionException rethrow(Throwable error) {
        return error instanceof CompletionException ? (CompletionException) error : new CompletionException(error);
    }

    @Override
    public String toString() {
        return "SchoolConferencesAsync{" + sync + '}';
    }
}
