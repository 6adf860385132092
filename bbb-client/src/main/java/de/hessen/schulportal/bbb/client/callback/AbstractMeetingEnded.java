// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A verified meeting-ended callback: the GET BigBlueButton sends to the {@code meta_endcallbackurl}
 * that {@link MeetingEndedCallbackSigner} signed, with BigBlueButton's {@code meetingID} and
 * {@code recordingmarks} added. Immutable. Obtained from {@link MeetingEndedCallbackVerifier}, or
 * built by {@link MeetingEnded#builder()} in tests, where {@link #issuedAt()} must be set
 * ({@code build()} names it otherwise).
 */
@Value.Immutable
@ValueType
abstract class AbstractMeetingEnded {
    /** {@return the external meeting ID that ended ({@code meetingID}); the token proves the portal signed a URL for it} */
    @Value.Default
    public String meetingId() {
        return "";
    }

    /**
     * {@return whether BigBlueButton reports recording marks ({@code recordingmarks=true}): the
     * meeting was recorded and a recording will be processed; {@code false} when not sent (the
     * {@code meetingEndedURL} callback does not send it); not covered by the token}
     */
    @Value.Default
    public boolean hasRecordingMarks() {
        return false;
    }

    /** {@return when the portal signed the callback URL (normally at {@code create}), to the second} */
    public abstract Instant issuedAt();

    /** {@return when the signed URL stops being accepted; empty if the signer set no expiry} */
    public abstract Optional<Instant> expiresAt();
}
