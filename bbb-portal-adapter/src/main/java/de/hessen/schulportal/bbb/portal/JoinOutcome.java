// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.SignedUrl;
import de.hessen.schulportal.bbb.client.meeting.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of "this person opens this room": a join link, "wait, the meeting has not started",
 * or "denied" with the reason.
 *
 * <p>Immutable. {@link #toString()} never contains the join link.
 */
public final class JoinOutcome {
    /** The three kinds of outcome. */
    public enum Kind {
        /** A signed join link: send the browser there ({@link #joinUrl()}). */
        JOIN_LINK,
        /** The person may not start the meeting and it is not running yet: try again later. */
        WAIT_FOR_START,
        /** The person may not enter; {@link Decision#reason()} says why. */
        DENIED
    }

    private final Kind kind;
    private final Decision decision;
    private final String meetingId;
    private final SignedUrl joinUrl;
    private final boolean startedMeeting;
    private final boolean recordingRestricted;

    private JoinOutcome(Kind kind, Decision decision, String meetingId, SignedUrl joinUrl, boolean startedMeeting,
            boolean recordingRestricted) {
        this.kind = kind;
        this.decision = decision;
        this.meetingId = meetingId;
        this.joinUrl = joinUrl;
        this.startedMeeting = startedMeeting;
        this.recordingRestricted = recordingRestricted;
    }

    static JoinOutcome link(Decision d, String meetingId, SignedUrl url, boolean started, boolean restricted) {
        return new JoinOutcome(Kind.JOIN_LINK, d, meetingId, url, started, restricted);
    }

    static JoinOutcome waitForStart(Decision d, String meetingId) {
        return new JoinOutcome(Kind.WAIT_FOR_START, d, meetingId, null, false, false);
    }

    static JoinOutcome denied(Decision d, String meetingId) {
        return new JoinOutcome(Kind.DENIED, d, meetingId, null, false, false);
    }

    /**
     * The kind of outcome.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The policy's decision, with its reason.
     *
     * @return the decision
     */
    public Decision decision() {
        return decision;
    }

    /**
     * The pseudonymous BigBlueButton meeting ID of the room.
     *
     * @return the meeting ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * The signed join link for the person's browser. It is a credential: redirect to it, never log
     * it ({@code toString()} is redacted).
     *
     * @return the link; present only for {@link Kind#JOIN_LINK}
     */
    public Optional<SignedUrl> joinUrl() {
        return Optional.ofNullable(joinUrl);
    }

    /**
     * The BigBlueButton role of the link.
     *
     * @return the role; present only for {@link Kind#JOIN_LINK}
     */
    public Optional<Role> bbbRole() {
        return joinUrl == null ? Optional.empty() : decision.bbbRole();
    }

    /**
     * Whether the link leads through the lobby (the person waits until a moderator admits them).
     *
     * @return the flag
     */
    public boolean isViaLobby() {
        return joinUrl != null && decision.isViaLobby();
    }

    /**
     * Whether this call created the meeting (rather than finding it running).
     *
     * @return the flag
     */
    public boolean hasStartedMeeting() {
        return startedMeeting;
    }

    /**
     * Whether the link carries the restrictions for a person without recording consent (see
     * {@link SchoolConferences}).
     *
     * @return the flag
     */
    public boolean isRecordingRestricted() {
        return recordingRestricted;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JoinOutcome)) {
            return false;
        }
        JoinOutcome j = (JoinOutcome) o;
        return j.kind == kind && j.decision.equals(decision) && j.meetingId.equals(meetingId)
                && Objects.equals(j.joinUrl, joinUrl) && j.startedMeeting == startedMeeting
                && j.recordingRestricted == recordingRestricted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, decision, meetingId, joinUrl, startedMeeting, recordingRestricted);
    }

    @Override
    public String toString() {
        return "JoinOutcome{" + kind + ", " + decision + ", meetingId=" + meetingId
                + (joinUrl == null ? "" : ", bbbRole=" + bbbRole().orElseThrow() + ", viaLobby=" + isViaLobby()
                        + ", startedMeeting=" + startedMeeting + ", recordingRestricted=" + recordingRestricted)
                + '}';
    }
}
