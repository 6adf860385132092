// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The recording attributes of a {@code rap-*} webhook event (bbb-webhooks {@code src/process/event.js},
 * {@code WebhooksEvent.compRapTemplate}): {@code record-id}, {@code success}, {@code step-time},
 * {@code workflow} or {@code format}; {@code recorded} and {@code duration} of
 * {@code rap-archive-ended}; the {@code recording} object of {@code rap-publish-ended}. Every field
 * is empty if the event did not send it (or sent a value of an unexpected type). Immutable; read
 * from {@link WebhookEvent#recording()}, or built by {@link WebhookRecording#builder()} in tests.
 * {@code toString()} leaves out the metadata and the playback.
 */
@Value.Immutable
@ValueType
abstract class AbstractWebhookRecording {
    /** {@return the record ID ({@code record-id}); empty if not sent} */
    public abstract Optional<String> recordId();

    /** {@return whether the processing step succeeded ({@code success}); empty if not sent} */
    public abstract Optional<Boolean> isSuccess();

    /** {@return how long the step took, in milliseconds ({@code step-time}); empty if not sent} */
    public abstract OptionalLong stepTimeMillis();

    /**
     * {@return the recording workflow or format, e.g. {@code presentation} ({@code workflow}, or
     * {@code format} for {@code rap-published}/{@code -unpublished}/{@code -deleted}); empty if not sent}
     */
    public abstract Optional<String> workflow();

    /** {@return whether anything was recorded ({@code recorded}, {@code rap-archive-ended}); empty if not sent} */
    public abstract Optional<Boolean> isRecorded();

    /**
     * {@return the recorded duration ({@code duration}, {@code rap-archive-ended}) in the unit the
     * server sends (milliseconds in current versions); empty if not sent}
     */
    public abstract OptionalLong duration();

    /** {@return the recording name ({@code recording.name}, {@code rap-publish-ended}); empty if not sent} */
    public abstract Optional<String> name();

    /** {@return the start of the recording in milliseconds since the epoch ({@code recording.start-time}); empty if not sent} */
    public abstract OptionalLong startTime();

    /** {@return the end of the recording in milliseconds since the epoch ({@code recording.end-time}); empty if not sent} */
    public abstract OptionalLong endTime();

    /** {@return the size of the published playback in bytes ({@code recording.size}); empty if not sent} */
    public abstract OptionalLong size();

    /** {@return the size of the raw recording in bytes ({@code recording.raw-size}); empty if not sent} */
    public abstract OptionalLong rawSize();

    /** {@return the recording metadata ({@code recording.metadata}); never in {@code toString()}; empty if not sent} */
    @Value.Redacted
    public abstract Map<String, String> metadata();

    /**
     * {@return the playback description ({@code recording.playback}) as JSON; its links open the
     * recording, so never in {@code toString()}; empty if not sent}
     */
    @Value.Redacted
    public abstract Optional<String> playbackJson();
}
