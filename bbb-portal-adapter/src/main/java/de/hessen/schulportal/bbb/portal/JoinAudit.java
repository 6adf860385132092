// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.portal.audit.AuditEvent;
import de.hessen.schulportal.bbb.portal.audit.AuditListener;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the final outcome of a join: the one DEBUG line of the join (key=value, no names, no
 * person ID, no URL; the steps before it log at TRACE), and an {@link AuditEvent}: pseudonyms, the
 * room kind, the school role, the reason's key, and for recordable meetings whether the person
 * consented to being recorded. Called once per join, where the outcome is final (sync and async
 * alike).
 */
final class JoinAudit {
    private static final Logger LOG = LoggerFactory.getLogger(SchoolConferences.class);

    private final AuditListener listener;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    JoinAudit(AuditListener listener, Pseudonyms pseudonyms, Clock clock) {
        this.listener = AuditListener.guarded(listener);
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Reports the outcome and returns it, so callers can write {@code return audit.report(...)}. */
    JoinOutcome report(Room room, Person person, JoinOutcome outcome) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("[call=portal.join kind={} role={} relation={} outcome={} reason={} result={} guestStatus={}"
                    + " startedMeeting={} meetingId={}]", room.kind(), person.role(), person.relation(),
                    outcome.decision().outcome(), outcome.decision().reasonCode(), outcome.kind(),
                    outcome.guestStatus().map(Object::toString).orElse("-"), outcome.hasStartedMeeting(),
                    outcome.meetingId());
        }
        if (listener == AuditListener.NONE) {
            return outcome;
        }
        boolean entered = outcome.kind() == JoinOutcome.Kind.SESSION || outcome.kind() == JoinOutcome.Kind.SIGNED_LINK;
        String name = switch (outcome.kind()) {
            case SESSION, SIGNED_LINK -> outcome.isViaLobby() ? AuditEvent.JOIN_LOBBY : AuditEvent.JOIN_ALLOWED;
            case WAIT_FOR_START -> AuditEvent.JOIN_WAITING;
            case DENIED -> AuditEvent.JOIN_REFUSED;
        };
        Decision d = outcome.decision();
        AuditEvent.Builder e = AuditEvent.builder(name, clock.instant())
                .field("school", pseudonyms.schoolId(room.school()))
                .field("meeting", outcome.meetingId())
                .field("user", pseudonyms.userId(room, person))
                .field("kind", room.kind().wireValue())
                .field("role", person.role().name().toLowerCase(Locale.ROOT))
                .field("relation", person.relation().name().toLowerCase(Locale.ROOT))
                .field("reason", d.reasonCode());
        if (entered) {
            e.field("bbbRole", outcome.bbbRole().orElseThrow().name().toLowerCase(Locale.ROOT))
                    .field("startedMeeting", outcome.hasStartedMeeting());
            if (room.options().isRecordingAllowed()) {
                e.field("recordable", true).field("recordingConsent", person.hasRecordingConsent());
            }
        }
        listener.onEvent(e.build());
        return outcome;
    }
}
