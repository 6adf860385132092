// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The recordings of one simulated server: processing until due, then published with the
 * {@code rap-publish-ended} event and the recording-ready callback. Each recording is guarded by its
 * own monitor; the map by its own.
 */
public final class RecordingStore {
    private final Map<String, Recording> recordings = new LinkedHashMap<>();
    private final SimState state;
    private volatile Consumer<Recording> onPublished = r -> { };

    RecordingStore(SimState state) {
        this.state = state;
    }

    void add(Recording r) {
        synchronized (recordings) {
            recordings.put(r.recordId, r);
        }
    }

    /** All recordings, in order of creation. */
    public List<Recording> all() {
        state.maybeTick();
        synchronized (recordings) {
            return List.copyOf(recordings.values());
        }
    }

    /** A recording by exact ID, or null. */
    public Recording byId(String recordId) {
        state.maybeTick();
        synchronized (recordings) {
            return recordings.get(recordId);
        }
    }

    /**
     * Called, with the recording's lock held, when processing finishes; a Scalelite front imports the
     * recording here, as Scalelite's importer does from the server's published files.
     */
    public void onPublished(Consumer<Recording> listener) {
        this.onPublished = listener;
    }

    /** Emits a recording event to the hooks of the recording's meeting. */
    void emit(Recording r, String eventId, String json) {
        state.hooks.emit(r.meetingId, eventId, json, state.now());
    }

    /** Publishes every recording whose processing is done; registers the next deadline for the others. */
    void announceDue(long now) {
        for (Recording r : all()) {
            synchronized (r) {
                if ("processing".equals(r.state) && !r.announced) {
                    if (now >= r.readyAt) {
                        announce(r);
                    } else {
                        state.deadline(r.readyAt);
                    }
                }
            }
        }
    }

    private void announce(Recording r) {
        r.state = "published";
        r.published = true;
        r.announced = true;
        emit(r, "rap-publish-ended", Events.publishEnded(r, playbackUrl(r), r.metadata, state.now()));
        String url = firstNonBlank(r.metadata.get("bbb-recording-ready-url"), r.metadata.get("bn-recording-ready-url"),
                r.metadata.get("canvas-recording-ready-url"));
        if (url != null) {
            state.callbacks.recordingReady(url, r.meetingId, r.recordId, state.config.primarySecret(), "HS256");
        }
        onPublished.accept(r);
    }

    /** Where the simulator says the presentation playback is. */
    public String playbackUrl(Recording r) {
        return state.serverUrl + "playback/presentation/2.3/" + r.recordId;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
