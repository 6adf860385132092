package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.ResponseAccess;
import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Gives the client access to this package's non-public constructors without making them API. */
final class RecordingParsers implements ResponseAccess.Recording {
    static {
        ResponseAccess.register(new RecordingParsers());
    }

    private RecordingParsers() {
    }

    @Override
    public RecordingsPage page(XmlNode root) {
        List<Recording> list = new ArrayList<>();
        for (XmlNode r : root.child("recordings").children("recording")) {
            list.add(new Recording(r));
        }
        XmlNode pagination = root.child("pagination");
        if (!pagination.exists()) {
            return new RecordingsPage(list, 0, 0, -1);
        }
        XmlNode pageable = pagination.child("pageable");
        return new RecordingsPage(list, pageable.longValue("offset", 0), pageable.longValue("limit", list.size()),
                pagination.longValue("totalElements", list.size()));
    }

    @Override
    public List<TextTrack> textTracks(JsonNode response) {
        List<TextTrack> list = new ArrayList<>();
        JsonNode tracks = response.path("tracks");
        if (tracks.isArray()) {
            for (JsonNode t : tracks.values()) {
                list.add(new TextTrack(t.path("href").asString(""), t.path("kind").asString(""), t.path("label").asString(""),
                        t.path("lang").asString(""), t.path("source").asString("")));
            }
        }
        return Collections.unmodifiableList(list);
    }
}
