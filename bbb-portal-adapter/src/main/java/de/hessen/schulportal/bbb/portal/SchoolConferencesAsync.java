// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.BbbClient;
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
            return bbb.async().create(sync.requests().create(room)).thenCompose(created -> {
                JoinSteps steps = sync.steps();
                if (!created.isDuplicate()) {
                    return steps.joinAsync(bbb, steps.started(room, person, d, created));
                }
                RunningMeetings.Seen seen = steps.running().recent(meetingId);
                if (seen != null) {
                    return steps.joinAsync(bbb, steps.judged(room, person, d, meetingId, seen));
                }
                return info(bbb, meetingId, info -> steps.judged(room, person, d, meetingId, info == null
                        ? steps.createdJustNow(room, created) : steps.seen(info)))
                        .thenCompose(planned -> steps.joinAsync(bbb, planned));
            });
        }
        RunningMeetings.Seen seen = sync.steps().running().recent(meetingId);
        if (seen != null) {
            JoinSteps.Planned planned;
            try {
                planned = sync.steps().judged(room, person, d, meetingId, seen);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return sync.steps().joinAsync(bbb, planned);
        }
        return info(bbb, meetingId, info -> info == null ? JoinSteps.Planned.settled(JoinOutcome.waitForStart(d, meetingId))
                : sync.steps().afterInfo(room, person, d, info))
                .thenCompose(planned -> sync.steps().joinAsync(bbb, planned));
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
        return bbb.async().end(meetingId).thenApply(ended -> JoinSteps.ended(meetingId, ended));
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
