// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The recording attributes of a {@code rap-*} webhook event: {@code record-id}, {@code success},
 * {@code step-time}, {@code workflow}, {@code format}; {@code recorded} and {@code duration} of
 * {@code rap-archive-ended}; and the {@code recording} details of {@code rap-publish-ended}.
 * Values of unexpected types read as absent. Immutable.
 */
public final class WebhookRecording {
    private final JsonNode attributes;

    WebhookRecording(JsonNode attributes) {
        this.attributes = attributes;
    }

    private JsonNode details() {
        return Nodes.obj(attributes, "recording");
    }

    /**
     * The record ID ({@code record-id}).
     *
     * @return the ID, if present
     */
    public Optional<String> recordId() {
        return Optional.ofNullable(Nodes.str(attributes, "record-id"));
    }

    /**
     * Whether the processing step succeeded ({@code success}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isSuccess() {
        return Optional.ofNullable(Nodes.bool(attributes, "success"));
    }

    /**
     * How long the step took, in milliseconds ({@code step-time}).
     *
     * @return the time, if present
     */
    public OptionalLong stepTimeMillis() {
        return optionalLong(Nodes.lng(attributes, "step-time"));
    }

    /**
     * The recording workflow / format, e.g. {@code presentation} ({@code workflow}, or
     * {@code format} for {@code rap-published}/{@code -unpublished}/{@code -deleted}).
     *
     * @return the workflow, if present
     */
    public Optional<String> workflow() {
        String w = Nodes.str(attributes, "workflow");
        return Optional.ofNullable(w != null ? w : Nodes.str(attributes, "format"));
    }

    /**
     * Whether anything was recorded ({@code recorded}, {@code rap-archive-ended}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isRecorded() {
        return Optional.ofNullable(Nodes.bool(attributes, "recorded"));
    }

    /**
     * The recorded duration ({@code duration}, {@code rap-archive-ended}), in the unit the server
     * sends (milliseconds in current versions).
     *
     * @return the duration, if present
     */
    public OptionalLong duration() {
        return optionalLong(Nodes.lng(attributes, "duration"));
    }

    /**
     * The recording name ({@code recording.name}, {@code rap-publish-ended}).
     *
     * @return the name, if present
     */
    public Optional<String> name() {
        return Optional.ofNullable(Nodes.str(details(), "name"));
    }

    /**
     * Start of the recording in milliseconds since the epoch ({@code recording.start-time}).
     *
     * @return the time, if present
     */
    public OptionalLong startTime() {
        return optionalLong(Nodes.lng(details(), "start-time"));
    }

    /**
     * End of the recording in milliseconds since the epoch ({@code recording.end-time}).
     *
     * @return the time, if present
     */
    public OptionalLong endTime() {
        return optionalLong(Nodes.lng(details(), "end-time"));
    }

    /**
     * Size of the published playback in bytes ({@code recording.size}).
     *
     * @return the size, if present
     */
    public OptionalLong size() {
        return optionalLong(Nodes.lng(details(), "size"));
    }

    /**
     * Size of the raw recording in bytes ({@code recording.raw-size}).
     *
     * @return the size, if present
     */
    public OptionalLong rawSize() {
        return optionalLong(Nodes.lng(details(), "raw-size"));
    }

    /**
     * The recording metadata ({@code recording.metadata}).
     *
     * @return an unmodifiable map, empty if absent
     */
    public Map<String, String> metadata() {
        return Nodes.stringMap(details(), "metadata");
    }

    /**
     * The playback description ({@code recording.playback}) as JSON.
     *
     * @return the JSON text, if present
     */
    public Optional<String> playbackJson() {
        JsonNode d = details();
        JsonNode p = d == null ? null : d.get("playback");
        return p == null || p.isNull() ? Optional.empty() : Optional.of(p.toString());
    }

    private static OptionalLong optionalLong(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRecording && attributes.equals(((WebhookRecording) o).attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookRecording[recordId=" + recordId().orElse(null) + ", success=" + isSuccess().orElse(null)
                + ", workflow=" + workflow().orElse(null) + "]";
    }
}
