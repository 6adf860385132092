// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.SignedUrl;
import de.hessen.schulportal.bbb.client.meeting.GuestStatus;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.Role;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of "this person opens this room": a session to send the browser to, "wait, the
 * meeting has not started", or "denied" with the reason; with the explicit opt-in
 * {@link SchoolConferences.Builder#signedJoinLinks(boolean)}, a signed join link instead of a
 * session.
 *
 * <p>Immutable. {@link #toString()} never contains the session URL or the join link.
 */
public final class JoinOutcome {
    /** The kinds of outcome. */
    public enum Kind {
        /**
         * The adapter joined on the server at the click: send the browser to {@link #sessionUrl()},
         * which enters the meeting, or, when {@link #guestStatus()} is {@link GuestStatus#WAIT},
         * the lobby's wait page.
         */
        SESSION,
        /**
         * Only with {@link SchoolConferences.Builder#signedJoinLinks(boolean)}: a signed join link
         * for the browser ({@link #signedJoinUrl()}), which its holder can bend (see there).
         */
        SIGNED_LINK,
        /** The person may not start the meeting and it is not running yet: try again later. */
        WAIT_FOR_START,
        /** The person may not enter; {@link Decision#reason()} says why. */
        DENIED
    }

    private final Kind kind;
    private final Decision decision;
    private final String meetingId;
    private final URI sessionUrl;
    private final GuestStatus guestStatus;
    private final SignedUrl signedJoinUrl;
    private final boolean startedMeeting;
    private final boolean recordingRestricted;

    private JoinOutcome(Kind kind, Decision decision, String meetingId, URI sessionUrl, GuestStatus guestStatus,
            SignedUrl signedJoinUrl, boolean startedMeeting, boolean recordingRestricted) {
        this.kind = kind;
        this.decision = decision;
        this.meetingId = meetingId;
        this.sessionUrl = sessionUrl;
        this.guestStatus = guestStatus;
        this.signedJoinUrl = signedJoinUrl;
        this.startedMeeting = startedMeeting;
        this.recordingRestricted = recordingRestricted;
    }

    /**
     * A session from a server-side join.
     *
     * @throws IllegalStateException if BigBlueButton's answer held no usable URL
     */
    static JoinOutcome session(Decision d, String meetingId, JoinResponse joined, boolean started, boolean restricted) {
        URI url = joined.url().orElseThrow(() -> new IllegalStateException(
                "BigBlueButton answered the join of meeting '" + meetingId + "' without a usable session URL"));
        return new JoinOutcome(Kind.SESSION, d, meetingId, url, joined.guestStatus(), null, started, restricted);
    }

    static JoinOutcome signedLink(Decision d, String meetingId, SignedUrl url, boolean started, boolean restricted) {
        return new JoinOutcome(Kind.SIGNED_LINK, d, meetingId, null, null, url, started, restricted);
    }

    static JoinOutcome waitForStart(Decision d, String meetingId) {
        return new JoinOutcome(Kind.WAIT_FOR_START, d, meetingId, null, null, null, false, false);
    }

    static JoinOutcome denied(Decision d, String meetingId) {
        return new JoinOutcome(Kind.DENIED, d, meetingId, null, null, null, false, false);
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
     * Where to send the person's browser: BigBlueButton's answer to the server-side join, the
     * client URL with the session token ({@code …/html5client/join?sessionToken=…}) or, for a
     * guest the lobby holds, the guest wait page with it. Unlike a signed join link it has nothing
     * to bend: role, guest flag, name, user ID and {@code createTime} were fixed at the join. It is
     * a credential (whoever holds it enters as this person): redirect to it with
     * {@code Referrer-Policy: no-referrer}, never log it.
     *
     * @return the URL; present only for {@link Kind#SESSION}
     */
    public Optional<URI> sessionUrl() {
        return Optional.ofNullable(sessionUrl);
    }

    /**
     * What BigBlueButton's guest policy decided at the join: {@link GuestStatus#ALLOW} (the
     * session URL enters the meeting) or {@link GuestStatus#WAIT} (it is the lobby's wait page).
     *
     * @return the status; present only for {@link Kind#SESSION}
     */
    public Optional<GuestStatus> guestStatus() {
        return Optional.ofNullable(guestStatus);
    }

    /**
     * The signed join link, only with the opt-in {@link SchoolConferences.Builder#signedJoinLinks(boolean)}.
     * Whoever holds it can bend it (bbb-web removes every {@code checksum=<value>} from the query
     * before hashing): hide the guest flag, drop {@code createTime}, cut the user or meeting ID
     * short. A credential: redirect to it, never log it ({@code toString()} is redacted).
     *
     * @return the link; present only for {@link Kind#SIGNED_LINK}
     */
    public Optional<SignedUrl> signedJoinUrl() {
        return Optional.ofNullable(signedJoinUrl);
    }

    /**
     * The BigBlueButton role the person joins with.
     *
     * @return the role; present only for {@link Kind#SESSION} and {@link Kind#SIGNED_LINK}
     */
    public Optional<Role> bbbRole() {
        return joins() ? decision.bbbRole() : Optional.empty();
    }

    /**
     * Whether the person joins through the lobby (waits until a moderator admits them).
     *
     * @return the flag
     */
    public boolean isViaLobby() {
        return joins() && decision.isViaLobby();
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
     * Whether the join carries the restrictions for a person without recording consent (see
     * {@link SchoolConferences}).
     *
     * @return the flag
     */
    public boolean isRecordingRestricted() {
        return recordingRestricted;
    }

    private boolean joins() {
        return kind == Kind.SESSION || kind == Kind.SIGNED_LINK;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JoinOutcome)) {
            return false;
        }
        JoinOutcome j = (JoinOutcome) o;
        return j.kind == kind && j.decision.equals(decision) && j.meetingId.equals(meetingId)
                && Objects.equals(j.sessionUrl, sessionUrl) && j.guestStatus == guestStatus
                && Objects.equals(j.signedJoinUrl, signedJoinUrl) && j.startedMeeting == startedMeeting
                && j.recordingRestricted == recordingRestricted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, decision, meetingId, sessionUrl, signedJoinUrl, startedMeeting, recordingRestricted);
    }

    @Override
    public String toString() {
        String joined = !joins() ? "" : ", bbbRole=" + bbbRole().orElseThrow() + ", viaLobby=" + isViaLobby()
                + (guestStatus == null ? "" : ", guestStatus=" + guestStatus)
                + ", startedMeeting=" + startedMeeting + ", recordingRestricted=" + recordingRestricted;
        return "JoinOutcome{" + kind + ", " + decision + ", meetingId=" + meetingId + joined + '}';
    }
}
