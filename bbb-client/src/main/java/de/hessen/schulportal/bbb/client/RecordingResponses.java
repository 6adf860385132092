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
import tools.jackson.databind.JsonNode;

/** Maps the answers of the recording calls to their value types. */
final class RecordingResponses {
    private RecordingResponses() {
    }

    static RecordingsPage page(JsonNode root) {
        List<Recording> list = new ArrayList<>();
        for (JsonNode r : Nodes.children(Nodes.child(root, "recordings"), "recording")) {
            list.add(recording(r));
        }
        RecordingsPage.Builder page = RecordingsPage.builder().recordings(list);
        if (!Nodes.exists(root, "pagination")) {
            return page.offset(0).limit(0).totalElements(-1).build();
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
                .participants(Nodes.intValue(n, "participants", 0))
                .rawSize(Nodes.longValue(n, "rawSize", -1))
                .size(Nodes.longValue(n, "size", -1))
                .metadata(Nodes.map(n, "metadata"));
        Nodes.instant(n, "startTime").ifPresent(b::startTime);
        Nodes.instant(n, "endTime").ifPresent(b::endTime);
        if (Nodes.exists(n, "protected")) {
            b.protectedFlag(Nodes.bool(n, "protected"));
        }
        List<PlaybackFormat> formats = new ArrayList<>();
        for (JsonNode f : Nodes.children(Nodes.child(n, "playback"), "format")) {
            formats.add(playbackFormat(f));
        }
        b.playbackFormats(formats);
        JsonNode breakout = Nodes.child(n, "breakout");
        b.breakoutParentId(Nodes.text(breakout, "parentId"));
        b.breakoutSequence(Nodes.intValue(breakout, "sequence", 0));
        return b.breakoutRooms(Nodes.texts(Nodes.child(n, "breakoutRooms"), "breakoutRoom")).build();
    }

    static PlaybackFormat playbackFormat(JsonNode n) {
        List<PreviewImage> images = new ArrayList<>();
        for (JsonNode i : Nodes.children(Nodes.child(Nodes.child(n, "preview"), "images"), "image")) {
            images.add(previewImage(i));
        }
        return PlaybackFormat.builder()
                .type(Nodes.text(n, "type"))
                .url(Nodes.text(n, "url"))
                .processingTime(Duration.ofMillis(Math.max(0, Nodes.longValue(n, "processingTime", 0))))
                .length(Nodes.minutes(n, "length"))
                .size(Nodes.longValue(n, "size", -1))
                .previewImages(images)
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

    private static int dimension(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
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
