// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified meeting-ended callback. Immutable. Obtained from {@link MeetingEndedCallbackVerifier}.
 */
public final class MeetingEnded {
    private final String meetingId;
    private final boolean recordingMarks;
    private final Instant issuedAt;
    private final Instant expiresAt;

    MeetingEnded(String meetingId, boolean recordingMarks, Instant issuedAt, Instant expiresAt) {
        this.meetingId = meetingId;
        this.recordingMarks = recordingMarks;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * The external meeting ID that ended; the token proves the portal signed a URL for it.
     *
     * @return the meeting ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * Whether BigBlueButton reports recording marks ({@code recordingmarks=true}): the meeting was
     * recorded and a recording will be processed. {@code false} when absent (the
     * {@code meetingEndedURL} callback does not send it). This value is not covered by the token.
     *
     * @return the flag
     */
    public boolean hasRecordingMarks() {
        return recordingMarks;
    }

    /**
     * When the portal signed the callback URL (normally at {@code create}).
     *
     * @return the signing time, to the second
     */
    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * When the signed URL stops being accepted.
     *
     * @return the expiry, or empty if the signer set none
     */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeetingEnded)) {
            return false;
        }
        MeetingEnded other = (MeetingEnded) o;
        return meetingId.equals(other.meetingId) && recordingMarks == other.recordingMarks
                && issuedAt.equals(other.issuedAt) && Objects.equals(expiresAt, other.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, recordingMarks, issuedAt, expiresAt);
    }

    @Override
    public String toString() {
        return "MeetingEnded[meetingId=" + meetingId + ", recordingMarks=" + recordingMarks + ", issuedAt=" + issuedAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
