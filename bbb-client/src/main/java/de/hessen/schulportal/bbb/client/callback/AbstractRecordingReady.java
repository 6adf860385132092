// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import org.immutables.value.Value;

/**
 * A verified recording-ready callback: BigBlueButton (or Scalelite) has published a recording. The
 * values come from the signed claims of the {@code signed_parameters} token, which BigBlueButton
 * always fills (REFERENCE.md §7.2), so every field is set.
 *
 * <p>Immutable. Obtained from {@link RecordingReadyVerifier}, or built by
 * {@link RecordingReady#builder()} in tests (fields not set are {@code ""}, the algorithm
 * {@link JwtAlgorithm#HS256}). Your endpoint may be called more than once for the same recording
 * (once per playback format, or again after a retry), so handle it idempotently.
 * {@code toString()} leaves out the claims JSON.
 */
@Value.Immutable
@ValueType
abstract class AbstractRecordingReady {
    /** {@return the external meeting ID, as given to {@code create} (claim {@code meeting_id}); never empty from the verifier} */
    @Value.Default
    public String meetingId() {
        return "";
    }

    /**
     * {@return the record ID (the internal meeting ID, claim {@code record_id}); use it with
     * {@code getRecordings}; never empty from the verifier}
     */
    @Value.Default
    public String recordId() {
        return "";
    }

    /** {@return the algorithm the token was signed with: {@link JwtAlgorithm#HS256} from BigBlueButton, HS256 or HS512 from Scalelite} */
    @Value.Default
    public JwtAlgorithm algorithm() {
        return JwtAlgorithm.HS256;
    }

    /** {@return all verified claims as the JSON text that was signed, for claims this class does not model; never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String claimsJson() {
        return "{}";
    }
}
