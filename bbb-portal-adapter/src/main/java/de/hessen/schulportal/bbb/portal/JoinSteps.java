// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.CreateTimeMismatchException;
import de.hessen.schulportal.bbb.client.MeetingForciblyEndedException;
import de.hessen.schulportal.bbb.client.MeetingNotFoundException;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a join that come after a BigBlueButton answer: shared by {@link SchoolConferences}
 * and {@link SchoolConferencesAsync}, which differ only in how they make the calls. A step either
 * settles the outcome (a denial) or plans the join ({@link Planned}), which the facade then makes
 * on the server with {@link #join(BbbClient, Planned)} or {@link #joinAsync(BbbClient, Planned)}.
 * Its steps log at TRACE only; the one DEBUG line per join is {@link JoinAudit}'s.
 */
final class JoinSteps {
    private static final Logger LOG = LoggerFactory.getLogger(SchoolConferences.class);

    private final MeetingRequests requests;
    private final RunningMeetings running;
    private final Clock clock;
    private final boolean signedJoinLinks;

    JoinSteps(MeetingRequests requests, RunningMeetings running, Clock clock, boolean signedJoinLinks) {
        this.requests = requests;
        this.running = running;
        this.clock = clock;
        this.signedJoinLinks = signedJoinLinks;
    }

    /**
     * A join that is decided but not yet made: either its outcome is settled ({@code settled}), or
     * {@code request} is to be sent.
     */
    record Planned(JoinOutcome settled, Decision decision, String meetingId, JoinMeetingRequest request,
            boolean started, boolean restricted) {
        static Planned settled(JoinOutcome outcome) {
            return new Planned(outcome, null, null, null, false, false);
        }
    }

    /**
     * Makes the planned join: on the server ({@code redirect=false}), or, with the opt-in, only
     * signs the link. A join that finds the meeting gone, ended or re-created (the running-meeting
     * memory was older than that) forgets the meeting, so the next click asks BigBlueButton again;
     * a person who may not start it is told to wait, anyone else gets the exception.
     */
    JoinOutcome join(BbbClient bbb, Planned p) {
        if (p.settled() != null) {
            return p.settled();
        }
        if (signedJoinLinks) {
            return JoinOutcome.signedLink(p.decision(), p.meetingId(), bbb.joinUrl(p.request()), p.started(),
                    p.restricted());
        }
        JoinResponse joined;
        try {
            joined = bbb.join(p.request());
        } catch (RuntimeException e) {
            return afterFailure(p, e);
        }
        return session(p, joined);
    }

    /** {@link #join(BbbClient, Planned)} on the async client. */
    CompletableFuture<JoinOutcome> joinAsync(BbbClient bbb, Planned p) {
        if (p.settled() != null || signedJoinLinks) {
            try {
                return CompletableFuture.completedFuture(join(bbb, p));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return bbb.async().join(p.request()).handle((joined, error) -> {
            if (error == null) {
                return session(p, joined);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RuntimeException) {
                try {
                    return afterFailure(p, (RuntimeException) cause);
                } catch (RuntimeException e) {
                    throw new CompletionException(e);
                }
            }
            throw new CompletionException(cause);
        });
    }

    private JoinOutcome session(Planned p, JoinResponse joined) {
        LOG.trace("[step=joined meetingId={} guestStatus={}]", p.meetingId(), joined.guestStatus());
        return JoinOutcome.session(p.decision(), p.meetingId(), joined, p.started(), p.restricted());
    }

    private JoinOutcome afterFailure(Planned p, RuntimeException e) {
        if (e instanceof MeetingNotFoundException || e instanceof MeetingForciblyEndedException
                || e instanceof CreateTimeMismatchException) {
            running.forget(p.meetingId());
            if (!p.decision().isAllowedToStart()) {
                LOG.trace("[step=meetingGone meetingId={} error={}]", p.meetingId(), e.getClass().getSimpleName());
                return JoinOutcome.waitForStart(p.decision(), p.meetingId());
            }
        }
        throw e;
    }

    /** Writes the one DEBUG line of an {@code end} (sync and async) and returns {@code ended}. */
    static boolean ended(String meetingId, boolean ended) {
        LOG.debug("[call=portal.end meetingId={} ended={}]", meetingId, ended);
        return ended;
    }

    RunningMeetings running() {
        return running;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * A meeting that a duplicate {@code create} reported but that ended before it could be read:
     * the link fails on BigBlueButton's side, the next click creates the meeting anew.
     */
    RunningMeetings.Seen createdJustNow(Room room, CreateMeetingResponse created) {
        return new RunningMeetings.Seen(created.createTime(), requests.createdAs(room), clock.millis());
    }

    Planned started(Room room, Person person, Decision d, CreateMeetingResponse created) {
        LOG.trace("[step=created meetingId={} createTime={}]", created.meetingId(), created.createTime());
        return plan(room, person, d, created.createTime(), room.options().isRecordingAllowed(), true);
    }

    /** Remembers a meeting if it runs, and returns what was seen of it. */
    RunningMeetings.Seen seen(MeetingInfo info) {
        return info.isRunning() ? running.remember(info) : RunningMeetings.seenOnce(info, clock.millis());
    }

    Planned afterInfo(Room room, Person person, Decision d, MeetingInfo info) {
        if (!info.isRunning()) {
            return Planned.settled(JoinOutcome.waitForStart(d, info.meetingId()));
        }
        return judged(room, person, d, info.meetingId(), seen(info));
    }

    /**
     * A link into a meeting that exists, judged by how it was created, not by the room's options
     * now: the decision was made for the room as asked, so it holds only if the meeting was
     * created for the same kind and settings.
     */
    Planned judged(Room room, Person person, Decision d, String meetingId, RunningMeetings.Seen seen) {
        MeetingRequests.CreatedAs asked = requests.createdAs(room);
        String refusal = asked.refusal(seen.createdAs(), d);
        if (refusal != null) {
            LOG.trace("[step=refusedByRunningMeeting meetingId={} reason={}]", meetingId, refusal);
            return Planned.settled(JoinOutcome.denied(new Decision(Outcome.DENIED, refusal, person.role(), room.kind(),
                    false), meetingId));
        }
        return plan(room, person, d, seen.createTime(), seen.createdAs().recorded() || asked.recorded(), false);
    }

    private Planned plan(Room room, Person person, Decision d, long createTime, boolean recorded, boolean started) {
        return new Planned(null, d, requests.meetingId(room), requests.join(room, person, d, createTime, recorded),
                started, !person.hasRecordingConsent());
    }
}
