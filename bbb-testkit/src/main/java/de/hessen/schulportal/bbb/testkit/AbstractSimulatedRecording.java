// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Recording;
import de.hessen.schulportal.bbb.testkit.internal.TextTrack;
import de.hessen.schulportal.bbb.testkit.internal.ValueType;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A snapshot of one simulated recording, taken when it was requested. Immutable; {@code toString()}
 * masks the name and the metadata.
 */
@Value.Immutable
@ValueType
abstract class AbstractSimulatedRecording {
    static SimulatedRecording of(Recording r) {
        synchronized (r) {
            SimulatedRecording.Builder s = SimulatedRecording.builder().recordId(r.recordId).meetingId(r.meetingId)
                    .name(r.name).state(r.state).published(r.published).startTime(r.startTime).endTime(r.endTime)
                    .participants(r.participants).metadata(r.metadata);
            for (TextTrack t : r.textTracks) {
                s.addTextTrackLanguages(t.lang());
            }
            return s.build();
        }
    }

    /** {@return the record ID (= the internal meeting ID)} */
    public abstract String recordId();

    /** {@return the external meeting ID} */
    public abstract String meetingId();

    /** {@return the meeting name; masked in {@code toString()} (course and person names)} */
    @Value.Redacted
    public abstract String name();

    /** {@return the state: {@code processing}, {@code published}, {@code unpublished} or {@code deleted}} */
    public abstract String state();

    /** {@return whether the recording is published} */
    public abstract boolean isPublished();

    /** {@return the start (= meeting create time) in milliseconds since the epoch} */
    public abstract long startTime();

    /** {@return when the meeting ended, in milliseconds since the epoch} */
    public abstract long endTime();

    /** {@return the number of distinct users who joined the meeting} */
    public abstract int participants();

    /**
     * {@return the recording metadata (meeting metadata plus meetingId, meetingName, isBreakout;
     * updated by updateRecordings); masked in {@code toString()}}
     */
    @Value.Redacted
    public abstract Map<String, String> metadata();

    /** {@return the languages of the text tracks uploaded with putRecordingTextTrack; empty if none was uploaded} */
    public abstract List<String> textTrackLanguages();
}
