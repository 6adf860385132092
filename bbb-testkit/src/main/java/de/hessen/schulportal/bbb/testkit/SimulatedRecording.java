// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Recording;
import de.hessen.schulportal.bbb.testkit.internal.TextTrack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A snapshot of one simulated recording. Immutable. */
public final class SimulatedRecording {
    private final String recordId;
    private final String meetingId;
    private final String name;
    private final String state;
    private final boolean published;
    private final long startTime;
    private final long endTime;
    private final int participants;
    private final Map<String, String> metadata;
    private final List<String> textTrackLanguages;

    private SimulatedRecording(Recording r) {
        recordId = r.recordId;
        meetingId = r.meetingId;
        name = r.name;
        state = r.state;
        published = r.published;
        startTime = r.startTime;
        endTime = r.endTime;
        participants = r.participants;
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.metadata));
        List<String> langs = new ArrayList<>();
        for (TextTrack t : r.textTracks) {
            langs.add(t.lang());
        }
        textTrackLanguages = List.copyOf(langs);
    }

    static SimulatedRecording of(Recording r) {
        synchronized (r) {
            return new SimulatedRecording(r);
        }
    }

    /**
     * The record ID (= the internal meeting ID).
     *
     * @return the record ID
     */
    public String recordId() {
        return recordId;
    }

    /**
     * The external meeting ID.
     *
     * @return the external meeting ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * The meeting name.
     *
     * @return the meeting name
     */
    public String name() {
        return name;
    }

    /**
     * {@code processing}, {@code published}, {@code unpublished} or {@code deleted}.
     *
     * @return the state
     */
    public String state() {
        return state;
    }

    /**
     * Whether it is published.
     *
     * @return whether the recording is published
     */
    public boolean isPublished() {
        return published;
    }

    /**
     * Start (= meeting create time), epoch ms.
     *
     * @return the start time in milliseconds since the epoch
     */
    public long startTime() {
        return startTime;
    }

    /**
     * When the meeting ended, epoch ms.
     *
     * @return the end time in milliseconds since the epoch
     */
    public long endTime() {
        return endTime;
    }

    /**
     * Number of distinct users who joined the meeting.
     *
     * @return the number of distinct users who joined
     */
    public int participants() {
        return participants;
    }

    /**
     * Recording metadata (meeting metadata plus meetingId, meetingName, isBreakout; updated by updateRecordings).
     *
     * @return an unmodifiable map from metadata name to value
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Languages of the text tracks uploaded with putRecordingTextTrack.
     *
     * @return an unmodifiable list of the languages; empty if no text track was uploaded
     */
    public List<String> textTrackLanguages() {
        return textTrackLanguages;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SimulatedRecording)) {
            return false;
        }
        SimulatedRecording r = (SimulatedRecording) o;
        return recordId.equals(r.recordId) && state.equals(r.state) && published == r.published
                && metadata.equals(r.metadata) && textTrackLanguages.equals(r.textTrackLanguages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, state, published, metadata, textTrackLanguages);
    }

    @Override
    public String toString() {
        return "SimulatedRecording[recordId=" + recordId + ", meetingId=" + meetingId + ", state=" + state + "]";
    }
}
