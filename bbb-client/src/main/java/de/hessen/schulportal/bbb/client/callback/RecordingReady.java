// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Objects;

/**
 * A verified recording-ready callback: BigBlueButton (or Scalelite) has published a recording.
 *
 * <p>Immutable. Obtained from {@link RecordingReadyVerifier}; the values come from signed claims.
 * Your endpoint may be called more than once for the same recording (once per playback format, or
 * again after a retry), so handle it idempotently.
 */
public final class RecordingReady {
    private final String meetingId;
    private final String recordId;
    private final JwtAlgorithm algorithm;
    private final String claimsJson;

    RecordingReady(String meetingId, String recordId, JwtAlgorithm algorithm, String claimsJson) {
        this.meetingId = meetingId;
        this.recordId = recordId;
        this.algorithm = algorithm;
        this.claimsJson = claimsJson;
    }

    /**
     * The external meeting ID, as given to {@code create} (claim {@code meeting_id}).
     *
     * @return the meeting ID, never empty
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * The record ID (the internal meeting ID, claim {@code record_id}); use it with
     * {@code getRecordings}.
     *
     * @return the record ID, never empty
     */
    public String recordId() {
        return recordId;
    }

    /**
     * The algorithm the token was signed with.
     *
     * @return {@link JwtAlgorithm#HS256} from BigBlueButton; HS256 or HS512 from Scalelite
     */
    public JwtAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * All verified claims as the JSON text that was signed, for claims this class does not model.
     *
     * @return the claims JSON object
     */
    public String claimsJson() {
        return claimsJson;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RecordingReady)) {
            return false;
        }
        RecordingReady other = (RecordingReady) o;
        return meetingId.equals(other.meetingId) && recordId.equals(other.recordId)
                && algorithm == other.algorithm && claimsJson.equals(other.claimsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, recordId, algorithm, claimsJson);
    }

    @Override
    public String toString() {
        return "RecordingReady[meetingId=" + meetingId + ", recordId=" + recordId + ", algorithm=" + algorithm + "]";
    }
}
