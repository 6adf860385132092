// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.SignedUrl;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a join that come after a BigBlueButton answer: shared by {@link SchoolConferences}
 * and {@link SchoolConferencesAsync}, which differ only in how they make the calls.
 */
final class JoinSteps {
    private static final Logger LOG = LoggerFactory.getLogger(SchoolConferences.class);

    private final MeetingRequests requests;
    private final RunningMeetings running;
    private final Clock clock;

    JoinSteps(MeetingRequests requests, RunningMeetings running, Clock clock) {
        this.requests = requests;
        this.running = running;
        this.clock = clock;
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

    JoinOutcome started(BbbClient bbb, Room room, Person person, Decision d, CreateMeetingResponse created) {
        LOG.debug("meeting created [meetingId={} createTime={}]", created.meetingId(), created.createTime());
        return link(bbb, room, person, d, created.createTime(), room.options().isRecordingAllowed(), true);
    }

    /** Remembers a meeting if it runs, and returns what was seen of it. */
    RunningMeetings.Seen seen(MeetingInfo info) {
        return info.isRunning() ? running.remember(info) : RunningMeetings.seenOnce(info, clock.millis());
    }

    JoinOutcome afterInfo(BbbClient bbb, Room room, Person person, Decision d, MeetingInfo info) {
        if (!info.isRunning()) {
            return JoinOutcome.waitForStart(d, info.meetingId());
        }
        return judged(bbb, room, person, d, info.meetingId(), seen(info));
    }

    /**
     * A link into a meeting that exists, judged by how it was created, not by the room's options
     * now: the decision was made for the room as asked, so it holds only if the meeting was
     * created for the same kind and settings.
     */
    JoinOutcome judged(BbbClient bbb, Room room, Person person, Decision d, String meetingId, RunningMeetings.Seen seen) {
        MeetingRequests.CreatedAs asked = requests.createdAs(room);
        String refusal = asked.refusal(seen.createdAs, d);
        if (refusal != null) {
            LOG.debug("join refused: the meeting was created with other settings [meetingId={} reason={}]", meetingId,
                    refusal);
            return JoinOutcome.denied(new Decision(Outcome.DENIED, refusal, person.role(), room.kind(), false), meetingId);
        }
        return link(bbb, room, person, d, seen.createTime, seen.createdAs.recorded || asked.recorded, false);
    }

    private JoinOutcome link(BbbClient bbb, Room room, Person person, Decision d, long createTime, boolean recorded,
            boolean started) {
        SignedUrl url = bbb.joinUrl(requests.join(room, person, d, createTime, recorded));
        return JoinOutcome.link(d, requests.meetingId(room), url, started, !person.hasRecordingConsent());
    }

    void logDecision(Room room, Person person, Decision d, String meetingId) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("join decided [kind={} role={} relation={} outcome={} reason={} meetingId={}]", room.kind(),
                    person.role(), person.relation(), d.outcome(), d.reasonCode(), meetingId);
        }
    }
}
