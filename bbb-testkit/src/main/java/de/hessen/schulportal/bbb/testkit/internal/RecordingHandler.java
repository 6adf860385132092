// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** getRecordings, publishRecordings, deleteRecordings, updateRecordings and the text-track calls. */
final class RecordingHandler {
    private static final Set<String> ANY = Set.of("processing", "processed", "published", "unpublished");
    private final SimState state;

    RecordingHandler(SimState state) {
        this.state = state;
    }

    ApiResponse getRecordings(ApiRequest req) {
        Params p = req.params();
        List<String> recordIds = csv(p.get("recordID"));
        List<String> meetingIds = csv(p.get("meetingID"));
        List<String> states = csv(p.get("state")).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Set<String> wanted = states.isEmpty() ? Set.of("published", "unpublished")
                : states.contains("any") ? ANY : Set.copyOf(states);
        Map<String, String> metaFilters = new LinkedHashMap<>();
        for (String name : p.names()) {
            if (name.startsWith("meta_") && name.length() > 5) {
                metaFilters.put(name.substring(5).toLowerCase(Locale.ROOT), p.get(name));
            }
        }
        List<Recording> matches = new ArrayList<>();
        for (Recording r : state.recordings.all()) {
            synchronized (r) {
                if (!wanted.contains(r.state)) {
                    continue;
                }
                if (!recordIds.isEmpty()) {
                    if (recordIds.stream().noneMatch(r.recordId::startsWith)) {
                        continue;
                    }
                } else if (!meetingIds.isEmpty() && !meetingIds.contains(r.meetingId)) {
                    continue;
                }
                if (!metaMatches(r.metadata, metaFilters)) {
                    continue;
                }
                matches.add(r);
            }
        }
        Integer limit = null;
        String rawLimit = p.get("limit");
        if (rawLimit != null) {
            try {
                limit = Math.max(1, Math.min(100, Integer.parseInt(rawLimit.trim())));
            } catch (NumberFormatException e) {
                limit = null;
            }
        }
        int offset = Math.max(0, p.integer("offset", 0));
        int total = matches.size();
        List<Recording> page = matches;
        if (limit != null || offset > 0) {
            int from = Math.min(offset, total);
            int to = limit == null ? total : Math.min(total, from + limit);
            page = matches.subList(from, to);
        }
        Xml x = Xml.response("SUCCESS");
        if (page.isEmpty()) {
            x.element("messageKey", "noRecordings").element("message", "There are no recordings for the meeting(s).");
        }
        x.start("recordings");
        for (Recording r : page) {
            synchronized (r) {
                recording(x, r);
            }
        }
        x.end();
        if (limit != null) {
            x.start("pagination").start("pageable")
                    .element("offset", offset).element("limit", limit).element("paged", true).element("unpaged", false)
                    .end()
                    .element("totalElements", total)
                    .element("empty", page.isEmpty())
                    .end();
        }
        return ApiResponse.xml(x.finish());
    }

    private void recording(Xml x, Recording r) {
        x.start("recording")
                .element("recordID", r.recordId)
                .element("meetingID", r.meetingId)
                .element("internalMeetingID", r.internalMeetingId)
                .element("name", r.name)
                .element("isBreakout", r.isBreakout)
                .element("published", r.published)
                .element("state", r.state)
                .element("startTime", r.startTime)
                .element("endTime", r.endTime)
                .element("participants", r.participants)
                .map("metadata", r.metadata);
        // bbb-web's getRecordings template: a breakout names its parent, a parent lists its breakout rooms.
        if (r.parentMeetingId != null) {
            x.start("breakout").element("parentId", r.parentMeetingId).element("sequence", r.sequence)
                    .element("freeJoin", r.freeJoin).end();
        }
        if (!r.breakoutRooms.isEmpty()) {
            x.start("breakoutRooms");
            for (String id : r.breakoutRooms) {
                x.element("breakoutRoom", id);
            }
            x.end();
        }
        x.start("playback");
        if (!"processing".equals(r.state)) {
            x.start("format")
                    .element("type", "presentation")
                    .element("url", state.recordings.playbackUrl(r))
                    .element("processingTime", state.config.recordingProcessingMs())
                    .element("length", (r.endTime - r.startTime) / 60_000)
                    .end();
        }
        x.end();
        x.end();
    }

    /** AND across keys; {@code %} at the start and/or end of the value means ends-with/starts-with/contains. */
    static boolean metaMatches(Map<String, String> metadata, Map<String, String> filters) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            String actual = metadata.get(f.getKey());
            if (actual == null) {
                return false;
            }
            String want = f.getValue();
            boolean lead = want.startsWith("%");
            boolean trail = want.endsWith("%") && want.length() > 1;
            String core = want.substring(lead ? 1 : 0, want.length() - (trail ? 1 : 0));
            boolean ok = lead && trail ? actual.contains(core)
                    : lead ? actual.endsWith(core)
                    : trail ? actual.startsWith(core)
                    : actual.equals(core);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Recordings named by the recordID CSV (exact IDs); empty if none exists. */
    private List<Recording> named(Params p) {
        List<Recording> out = new ArrayList<>();
        for (String id : csv(p.get("recordID"))) {
            Recording r = state.recordings.byId(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    ApiResponse publishRecordings(ApiRequest req) {
        Params p = req.params();
        // recordID is checked first (in changeNamed): a request missing both hears about recordID.
        if (!p.isBlank("recordID") && p.isBlank("publish")) {
            return ApiResponse.error("missingParamPublish", "You must specify a publish value true or false.");
        }
        boolean publish = Boolean.parseBoolean(p.get("publish"));
        return changeNamed(p, "published", p.get("publish"), r -> {
            if ("published".equals(r.state) || "unpublished".equals(r.state)) {
                r.state = publish ? "published" : "unpublished";
                r.published = publish;
                state.recordings.emit(r, publish ? "rap-published" : "rap-unpublished",
                        Events.rap(publish ? "rap-published" : "rap-unpublished", r,
                                Map.of("format", "presentation"), state.now()));
            }
        });
    }

    ApiResponse deleteRecordings(ApiRequest req) {
        return changeNamed(req.params(), "deleted", true, r -> {
            r.state = "deleted";
            r.published = false;
            state.recordings.emit(r, "rap-deleted",
                    Events.rap("rap-deleted", r, Map.of("format", "presentation"), state.now()));
        });
    }

    ApiResponse updateRecordings(ApiRequest req) {
        Params p = req.params();
        return changeNamed(p, "updated", true, r -> {
            for (String name : p.names()) {
                if (name.startsWith("meta_") && name.length() > 5) {
                    String key = name.substring(5).toLowerCase(Locale.ROOT);
                    String value = p.get(name);
                    if (value.isEmpty()) {
                        r.metadata.remove(key);
                    } else {
                        r.metadata.put(key, value);
                    }
                }
            }
        });
    }

    /**
     * Applies {@code change} to every recording the recordID CSV names, each under its lock, and answers
     * SUCCESS with {@code <element>value</element>}; bbb-web's errors when recordID is missing or names none.
     */
    private ApiResponse changeNamed(Params p, String element, Object value, Consumer<Recording> change) {
        if (p.isBlank("recordID")) {
            return ApiResponse.error("missingParamRecordID", "You must specify one or more a recordIDs");
        }
        List<Recording> found = named(p);
        if (found.isEmpty()) {
            return ApiResponse.error("notFound", "We could not find recordings");
        }
        for (Recording r : found) {
            synchronized (r) {
                change.accept(r);
            }
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element(element, value).finish());
    }

    ApiResponse getRecordingTextTracks(ApiRequest req) {
        String id = req.params().get("recordID");
        if (id == null || id.isEmpty()) {
            return jsonError("missingParameter", "param recordID is missing");
        }
        Recording r = state.recordings.byId(id);
        if (r == null) {
            return jsonError("noRecordings", "No recording found for " + id);
        }
        List<Object> tracks = new ArrayList<>();
        synchronized (r) {
            for (TextTrack t : r.textTracks) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("href", t.href());
                m.put("kind", t.kind());
                m.put("label", t.label());
                m.put("lang", t.lang());
                m.put("source", t.source());
                tracks.add(m);
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("returncode", "SUCCESS");
        response.put("tracks", tracks);
        return ApiResponse.json(Json.write(Map.of("response", response)));
    }

    ApiResponse putRecordingTextTrack(ApiRequest req) {
        Params p = req.params();
        String id = p.get("recordID");
        if (id == null || id.isEmpty()) {
            return jsonError("paramError", "Missing param recordID.");
        }
        String kind = p.get("kind");
        if (!"subtitles".equals(kind) && !"captions".equals(kind)) {
            return jsonError("invalidKind", "Invalid kind parameter, expected='subtitles|captions' actual=" + kind);
        }
        String lang = p.get("lang");
        Locale locale = lang == null ? null : Locale.forLanguageTag(lang.replace('_', '-'));
        if (locale == null || locale.getLanguage().isEmpty()) {
            return jsonError("invalidLang", "Malformed lang param, received=" + lang);
        }
        Recording r = state.recordings.byId(id);
        if (r == null) {
            return jsonError("noRecordings", "No recording was found for " + id);
        }
        byte[] file = Multipart.part(req.contentType(), req.body(), "file");
        if (file == null || file.length == 0) {
            return jsonError("empty_uploaded_text_track", "Empty uploaded text track.");
        }
        String label = p.getOr("label", locale.getDisplayLanguage(Locale.ENGLISH));
        String href = state.serverUrl + "presentation/" + r.recordId + "/caption_" + lang + ".vtt";
        synchronized (r) {
            r.textTracks.removeIf(t -> t.lang().equals(lang) && t.kind().equals(kind));
            r.textTracks.add(new TextTrack(kind, lang, label, "upload", href, Arrays.copyOf(file, file.length)));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("messageKey", "upload_text_track_success");
        response.put("message", "Text track uploaded successfully");
        response.put("recordId", r.recordId);
        response.put("returncode", "SUCCESS");
        return ApiResponse.json(Json.write(Map.of("response", response)));
    }

    static ApiResponse jsonError(String key, String message) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("returncode", "FAILED");
        response.put("messageKey", key);
        response.put("message", message);
        return ApiResponse.json(Json.write(Map.of("response", response)));
    }

    static List<String> csv(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
