// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PlaybackFormat;
import de.hessen.schulportal.bbb.client.recording.PreviewImage;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.client.recording.RecordingState;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The recording calls. {@code recordID}s pass unchanged both ways (Moodle stores them). A tenant
 * sees and changes only recordings of its own meetings: publish, update and delete first ask the
 * backend which of the given IDs are the tenant's and act on those only.
 *
 * <p>Breakout rooms' recordings carry BigBlueButton's own breakout meeting IDs (a hash, not the
 * tenant's prefix); they belong to the tenant that owns their parent's recording
 * ({@code <breakout><parentId>} is the parent's internal meeting ID, which is its record ID), so
 * Moodle's second getRecordings for a parent's {@code breakoutRooms} finds them
 * ({@code recording_proxy::fetch_recordings_page}).
 *
 * <p>The recording's name and description travel sealed in the backend's metadata
 * ({@code bbb-recording-name}, {@code bbb-recording-description}) and are opened in the answers;
 * a change the gateway cannot pass answers FAILED, never a false SUCCESS.
 */
final class RecordingCalls {
    private static final int MAX_IDS = 100;

    private final ApiCalls calls;

    RecordingCalls(ApiCalls calls) {
        this.calls = calls;
    }

    Answer answer(Tenant tenant, String call, Map<String, String> params) {
        switch (call) {
            case "getRecordings":
                return getRecordings(tenant, params);
            case "publishRecordings":
                return publish(tenant, params);
            case "deleteRecordings":
                return delete(tenant, params);
            case "updateRecordings":
                return update(tenant, params);
            default:
                throw new ApiError("unsupportedRequest", "This request is not supported by the gateway.");
        }
    }

    private static List<String> csv(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        if (out.size() > MAX_IDS) {
            throw new ApiError("validationError", "At most " + MAX_IDS + " IDs may be given at once.");
        }
        return out;
    }

    private static List<String> recordIds(Map<String, String> params) {
        List<String> ids = csv(params.get("recordID"));
        if (ids.isEmpty()) {
            throw new ApiError("missingParamRecordID", "You must specify one or more a recording IDs.");
        }
        return ids;
    }

    private Answer getRecordings(Tenant tenant, Map<String, String> params) {
        GetRecordingsRequest.Builder b = GetRecordingsRequest.builder();
        List<String> recordIds = csv(params.get("recordID"));
        if (!recordIds.isEmpty()) {
            b.recordIds(recordIds.toArray(new String[0]));
        }
        List<String> meetingIds = new ArrayList<>();
        for (String id : csv(params.get("meetingID"))) {
            meetingIds.add(Privacy.backendMeetingId(tenant, id));
        }
        if (!meetingIds.isEmpty()) {
            b.meetingIds(meetingIds.toArray(new String[0]));
        }
        states(b, params.get("state"));
        number(params.get("offset")).ifPresent(b::offset);
        number(params.get("limit")).ifPresent(b::limit);
        GetRecordingsRequest request = b.build();
        RecordingsPage page = calls.timed("getRecordings", () -> calls.client(tenant).getRecordings(request));
        Xml x = Xml.response("SUCCESS").open("recordings");
        int count = 0;
        for (Recording r : visible(tenant, page.recordings())) {
            recording(x, r, Privacy.clientMeetingId(tenant, r.meetingId()).orElse(r.meetingId()), clientMetadata(tenant, r));
            count++;
        }
        x.close("recordings");
        if (count == 0) {
            x.el("messageKey", "noRecordings").el("message", "There are no recordings for the meeting(s).");
        }
        return Answer.success(x.finish());
    }

    private static void states(GetRecordingsRequest.Builder b, String value) {
        List<RecordingState> states = new ArrayList<>();
        for (String s : csv(value)) {
            if (s.equalsIgnoreCase("any")) {
                b.anyState();
                return;
            }
            for (RecordingState st : RecordingState.values()) {
                if (st != RecordingState.UNKNOWN && st.name().equalsIgnoreCase(s)) {
                    states.add(st);
                }
            }
        }
        if (!states.isEmpty()) {
            b.states(states.toArray(new RecordingState[0]));
        }
    }

    private static java.util.OptionalInt number(String value) {
        try {
            return value == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The recordings of the tenant's meetings and of their breakout rooms, in the backend's order. */
    private List<Recording> visible(Tenant tenant, List<Recording> all) {
        Set<String> parents = new HashSet<>();
        for (Recording r : all) {
            if (Privacy.clientMeetingId(tenant, r.meetingId()).isEmpty() && r.breakoutParentId().isPresent()) {
                parents.add(r.breakoutParentId().get());
            }
        }
        Set<String> ownedParents = new HashSet<>();
        if (!parents.isEmpty()) {
            GetRecordingsRequest request = GetRecordingsRequest.builder().recordIds(parents.toArray(new String[0])).anyState().build();
            RecordingsPage page = calls.timed("getRecordings", () -> calls.client(tenant).getRecordings(request));
            for (Recording p : page.recordings()) {
                if (Privacy.clientMeetingId(tenant, p.meetingId()).isPresent()) {
                    ownedParents.add(p.internalMeetingId());
                    ownedParents.add(p.recordId());
                }
            }
        }
        List<Recording> out = new ArrayList<>();
        for (Recording r : all) {
            if (Privacy.clientMeetingId(tenant, r.meetingId()).isPresent()
                    || r.breakoutParentId().filter(ownedParents::contains).isPresent()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The purpose a metadata key is sealed under, or {@code null} if it is not sealed.
     *
     * @param key the lower-case key without {@code meta_}
     * @return the purpose or {@code null}
     */
    static Sealer.Purpose sealedText(String key) {
        switch (key) {
            case "bbb-recording-name":
                return Sealer.Purpose.RECORDING_NAME;
            case "bbb-recording-description":
                return Sealer.Purpose.RECORDING_DESCRIPTION;
            default:
                return null;
        }
    }

    /** The metadata as the client sees it: sealed name and description opened, ones that do not open left out. */
    private Map<String, String> clientMetadata(Tenant tenant, Recording r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : r.metadata().entrySet()) {
            Sealer.Purpose purpose = sealedText(e.getKey().toLowerCase(Locale.ROOT));
            if (purpose == null) {
                out.put(e.getKey(), e.getValue());
            } else {
                calls.privacy().openText(purpose, tenant, e.getValue()).ifPresent(v -> out.put(e.getKey(), v));
            }
        }
        return out;
    }

    private static void recording(Xml x, Recording r, String clientMeetingId, Map<String, String> metadata) {
        x.open("recording")
                .el("recordID", r.recordId())
                .el("meetingID", clientMeetingId)
                .el("internalMeetingID", r.internalMeetingId())
                .el("name", r.name())
                .el("isBreakout", r.isBreakout())
                .el("published", r.isPublished())
                .el("state", r.rawState())
                .el("startTime", r.startTime().map(Instant::toEpochMilli).orElse(0L))
                .el("endTime", r.endTime().map(Instant::toEpochMilli).orElse(0L))
                .el("participants", r.participants());
        r.isProtected().ifPresent(p -> x.el("protected", p));
        x.open("metadata");
        MeetingXml.entries(x, metadata);
        x.close("metadata");
        r.breakoutParentId().ifPresent(parent -> {
            x.open("breakout").el("parentId", parent);
            r.breakoutSequence().ifPresent(s -> x.el("sequence", s));
            x.close("breakout");
        });
        if (!r.breakoutRooms().isEmpty()) {
            x.open("breakoutRooms");
            for (String b : r.breakoutRooms()) {
                x.el("breakoutRoom", b);
            }
            x.close("breakoutRooms");
        }
        x.open("playback");
        for (PlaybackFormat f : r.playbackFormats()) {
            x.open("format").el("type", f.type()).el("url", f.url())
                    .el("processingTime", f.processingTime().toMillis()).el("length", f.length().toMinutes());
            if (!f.previewImages().isEmpty()) {
                x.open("preview").open("images");
                for (PreviewImage i : f.previewImages()) {
                    x.elWithAttributes("image", new String[] {
                        "width", i.width().isPresent() ? Integer.toString(i.width().getAsInt()) : null,
                        "height", i.height().isPresent() ? Integer.toString(i.height().getAsInt()) : null,
                        "alt", i.alt()}, i.url());
                }
                x.close("images").close("preview");
            }
            x.close("format");
        }
        x.close("playback").close("recording");
    }

    /** The given IDs that name recordings of the tenant's meetings (or their breakout rooms), as the backend reports them. */
    private List<String> owned(Tenant tenant, List<String> ids) {
        List<String> owned = new ArrayList<>();
        for (Recording r : ownedRecordings(tenant, ids)) {
            owned.add(r.recordId());
        }
        return owned;
    }

    private List<Recording> ownedRecordings(Tenant tenant, List<String> ids) {
        GetRecordingsRequest request = GetRecordingsRequest.builder().recordIds(ids.toArray(new String[0])).anyState().build();
        RecordingsPage page = calls.timed("getRecordings", () -> calls.client(tenant).getRecordings(request));
        List<Recording> owned = visible(tenant, page.recordings());
        if (owned.isEmpty()) {
            throw new ApiError("notFound", "We could not find recordings");
        }
        return owned;
    }

    private Answer publish(Tenant tenant, Map<String, String> params) {
        List<String> ids = recordIds(params);
        String publish = params.get("publish");
        if (publish == null || publish.isBlank()) {
            throw new ApiError("missingParamPublish", "You must specify a publish value true or false.");
        }
        List<String> owned = owned(tenant, ids);
        boolean value = ParameterTable.bool(publish);
        calls.timed("publishRecordings", () -> calls.client(tenant).publishRecordings(owned, value));
        return Answer.success(Xml.response("SUCCESS").el("published", publish.strip().toLowerCase(Locale.ROOT)).finish());
    }

    private Answer delete(Tenant tenant, Map<String, String> params) {
        List<String> owned = owned(tenant, recordIds(params));
        calls.timed("deleteRecordings", () -> calls.client(tenant).deleteRecordings(owned));
        return Answer.success(Xml.response("SUCCESS").el("deleted", true).finish());
    }

    /**
     * updateRecordings. Moodle sends back the whole metadata set it read (recording.php
     * {@code before_update}: every {@code meta_*} of getRecordings plus the recording's own fields),
     * so an entry equal to what the client sees is no change and is skipped; other fields than
     * {@code meta_*} and {@code protect} are ignored, as bbb-web ignores them. Name and description
     * are sealed; any other metadata change the policy does not pass answers FAILED
     * ({@code metadataRefused}) and nothing is changed.
     */
    private Answer update(Tenant tenant, Map<String, String> params) {
        List<Recording> owned = ownedRecordings(tenant, recordIds(params));
        List<String> ids = new ArrayList<>();
        List<Map<String, String>> seen = new ArrayList<>();
        for (Recording r : owned) {
            ids.add(r.recordId());
            seen.add(lowerCaseKeys(clientMetadata(tenant, r)));
        }
        UpdateRecordingsRequest.Builder b = UpdateRecordingsRequest.builder(ids.toArray(new String[0]));
        int ignored = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (name.startsWith("meta_")) {
                String key = name.substring(5).toLowerCase(Locale.ROOT);
                Sealer.Purpose sealed = sealedText(key);
                if (sealed != null) {
                    if (value.isBlank()) {
                        b.removeMeta(key);
                    } else {
                        b.meta(key, calls.privacy().sealText(sealed, tenant, value));
                    }
                } else if (unchanged(seen, key, value)) {
                    continue;
                } else if (value.isEmpty() && calls.privacy().config().metadataKeys().contains(key)) {
                    b.removeMeta(key);
                } else if (calls.privacy().metadataPasses(key, value)) {
                    b.meta(key, value);
                } else {
                    throw new ApiError("metadataRefused", "The gateway does not pass the metadata " + key
                            + " to BigBlueButton (privacy policy); nothing was changed.");
                }
            } else if (name.equals("protect")) {
                b.protect(ParameterTable.bool(value));
            } else if (!name.equals("recordID") && !name.equals("checksum")) {
                ignored++;
            }
        }
        calls.dropped("updateRecordings", ignored);
        UpdateRecordingsRequest request = b.build();
        boolean updated = calls.timed("updateRecordings", () -> calls.client(tenant).updateRecordings(request));
        return Answer.success(Xml.response("SUCCESS").el("updated", updated).finish());
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** Whether every recording already shows the client this value (absent counts as empty). */
    private static boolean unchanged(List<Map<String, String>> seen, String key, String value) {
        for (Map<String, String> m : seen) {
            if (!value.equals(m.getOrDefault(key, ""))) {
                return false;
            }
        }
        return true;
    }
}
