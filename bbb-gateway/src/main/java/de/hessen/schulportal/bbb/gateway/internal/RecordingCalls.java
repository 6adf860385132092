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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recording calls. {@code recordID}s pass unchanged both ways (Moodle stores them). A tenant
 * sees and changes only recordings of its own meetings: publish, update and delete first ask the
 * backend which of the given IDs are the tenant's and act on those only.
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
        for (Recording r : page.recordings()) {
            String clientId = Privacy.clientMeetingId(tenant, r.meetingId()).orElse(null);
            if (clientId != null) {
                recording(x, r, clientId);
                count++;
            }
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

    private static void recording(Xml x, Recording r, String clientMeetingId) {
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
        MeetingXml.entries(x, r.metadata());
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

    /** The given IDs that name recordings of the tenant's meetings, as the backend reports them. */
    private List<String> owned(Tenant tenant, List<String> ids) {
        GetRecordingsRequest request = GetRecordingsRequest.builder().recordIds(ids.toArray(new String[0])).anyState().build();
        RecordingsPage page = calls.timed("getRecordings", () -> calls.client(tenant).getRecordings(request));
        List<String> owned = new ArrayList<>();
        for (Recording r : page.recordings()) {
            if (Privacy.clientMeetingId(tenant, r.meetingId()).isPresent()) {
                owned.add(r.recordId());
            }
        }
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

    private Answer update(Tenant tenant, Map<String, String> params) {
        List<String> owned = owned(tenant, recordIds(params));
        UpdateRecordingsRequest.Builder b = UpdateRecordingsRequest.builder(owned.toArray(new String[0]));
        int dropped = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("meta_")) {
                String key = name.substring(5).toLowerCase(Locale.ROOT);
                if (e.getValue().isEmpty() && calls.privacy().config().metadataKeys().contains(key)) {
                    b.removeMeta(key);
                } else if (calls.privacy().metadataPasses(key, e.getValue())) {
                    b.meta(key, e.getValue());
                } else {
                    dropped++;
                }
            } else if (name.equals("protect")) {
                b.protect(ParameterTable.bool(e.getValue()));
            } else if (!name.equals("recordID") && !name.equals("checksum")) {
                dropped++;
            }
        }
        calls.dropped("updateRecordings", dropped);
        UpdateRecordingsRequest request = b.build();
        boolean updated = calls.timed("updateRecordings", () -> calls.client(tenant).updateRecordings(request));
        return Answer.success(Xml.response("SUCCESS").el("updated", updated).finish());
    }
}
