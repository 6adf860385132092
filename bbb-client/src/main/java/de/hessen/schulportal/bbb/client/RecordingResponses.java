// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.Nodes;
import de.hessen.schulportal.bbb.client.recording.PlaybackFormat;
import de.hessen.schulportal.bbb.client.recording.PreviewImage;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.client.recording.TextTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Maps the answers of the recording calls to their value types through the values' builders. A
 * field the server leaves out reads as empty, zero or {@code false}; sizes, dimensions, breakout
 * details and Scalelite's {@code protected} flag, which servers send only where they apply, read as
 * absent.
 */
final class RecordingResponses {
    private RecordingResponses() {
    }

    static RecordingsPage page(JsonNode root) {
        List<Recording> list = Nodes.children(Nodes.child(root, "recordings"), "recording").stream()
                .map(RecordingResponses::recording).toList();
        RecordingsPage.Builder page = RecordingsPage.builder().recordings(list);
        if (!Nodes.exists(root, "pagination")) {
            return page.build();
        }
        JsonNode pagination = Nodes.child(root, "pagination");
        JsonNode pageable = Nodes.child(pagination, "pageable");
        return page.offset(Nodes.longValue(pageable, "offset", 0))
                .limit(Nodes.longValue(pageable, "limit", list.size()))
                .totalElements(Nodes.longValue(pagination, "totalElements", list.size()))
                .build();
    }

    static Recording recording(JsonNode n) {
        Recording.Builder b = Recording.builder()
                .recordId(Nodes.text(n, "recordID"))
                .meetingId(Nodes.text(n, "meetingID"))
                .internalMeetingId(Nodes.text(n, "internalMeetingID"))
                .name(Nodes.text(n, "name"))
                .breakout(Nodes.bool(n, "isBreakout"))
                .published(Nodes.bool(n, "published"))
                .rawState(Nodes.text(n, "state"))
                .startTime(Nodes.instant(n, "startTime"))
                .endTime(Nodes.instant(n, "endTime"))
                .participants(Nodes.intValue(n, "participants", 0))
                .rawSize(size(n, "rawSize"))
                .size(size(n, "size"))
                .metadata(Nodes.map(n, "metadata"));
        if (Nodes.exists(n, "protected")) {
            b.isProtected(Nodes.bool(n, "protected"));
        }
        JsonNode breakout = Nodes.child(n, "breakout");
        int sequence = Nodes.intValue(breakout, "sequence", 0);
        return b.playbackFormats(Nodes.children(Nodes.child(n, "playback"), "format").stream()
                        .map(RecordingResponses::playbackFormat).toList())
                .breakoutParentId(Nodes.optionalText(breakout, "parentId"))
                .breakoutSequence(sequence > 0 ? OptionalInt.of(sequence) : OptionalInt.empty())
                .breakoutRooms(Nodes.texts(Nodes.child(n, "breakoutRooms"), "breakoutRoom"))
                .build();
    }

    static PlaybackFormat playbackFormat(JsonNode n) {
        return PlaybackFormat.builder()
                .type(Nodes.text(n, "type"))
                .url(Nodes.text(n, "url"))
                .processingTime(Duration.ofMillis(Math.max(0, Nodes.longValue(n, "processingTime", 0))))
                .length(Nodes.minutes(n, "length"))
                .size(size(n, "size"))
                .previewImages(Nodes.children(Nodes.child(Nodes.child(n, "preview"), "images"), "image").stream()
                        .map(RecordingResponses::previewImage).toList())
                .build();
    }

    static PreviewImage previewImage(JsonNode n) {
        return PreviewImage.builder()
                .url(Nodes.text(n))
                .width(dimension(Nodes.attribute(n, "width").orElse("")))
                .height(dimension(Nodes.attribute(n, "height").orElse("")))
                .alt(Nodes.attribute(n, "alt").orElse(""))
                .build();
    }

    /** A size in bytes; absent if not sent, not a number or negative. */
    private static OptionalLong size(JsonNode n, String name) {
        long v = Nodes.longValue(n, name, -1);
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** A pixel dimension of an attribute; absent if not a number or negative. */
    private static OptionalInt dimension(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static List<TextTrack> textTracks(JsonNode response) {
        List<TextTrack> list = new ArrayList<>();
        JsonNode tracks = response.path("tracks");
        if (tracks.isArray()) {
            for (JsonNode t : tracks.values()) {
                list.add(TextTrack.builder().href(t.path("href").asString("")).kind(t.path("kind").asString(""))
                        .label(t.path("label").asString("")).lang(t.path("lang").asString(""))
                        .source(t.path("source").asString("")).build());
            }
        }
        return Collections.unmodifiableList(list);
    }
}
