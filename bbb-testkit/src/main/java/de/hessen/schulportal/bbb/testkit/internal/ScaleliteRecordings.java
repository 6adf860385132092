// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scalelite's recording database: recordings imported from the servers once published, served by
 * Scalelite itself. Follows {@code bigbluebutton_api_controller.rb} ({@code get_recordings},
 * {@code publish_recordings}, {@code update_recordings}, {@code delete_recordings}) and
 * {@code app/views/bigbluebutton_api/get_recordings.xml.builder}: no paging elements, newest first,
 * {@code internalMeetingID} = record ID, a {@code protected} element, no {@code isBreakout}.
 * Scoped by tenant when multitenancy is on.
 */
public final class ScaleliteRecordings {
    /** One imported recording; guarded by this store's monitor. */
    private static final class Row {
        final Recording source;
        final ScaleliteApi.Tenant tenant;
        final Map<String, String> metadata;
        boolean published = true;
        String state = "published";
        boolean isProtected;

        Row(Recording source, ScaleliteApi.Tenant tenant) {
            this.source = source;
            this.tenant = tenant;
            this.metadata = new LinkedHashMap<>(source.metadata);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Recording r, ScaleliteApi.Tenant tenant) {
        rows.add(new Row(r, tenant));
    }

    /** The record IDs Scalelite serves, oldest import first (for inspection). */
    public synchronized List<String> recordIds() {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.source.recordId));
        return out;
    }

    private List<Row> visible(ScaleliteApi.Tenant tenant) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (tenant == null || r.tenant == tenant) {
                out.add(r);
            }
        }
        return out;
    }

    synchronized ApiResponse getRecordings(Params p, ScaleliteApi.Tenant tenant, String urlPrefix) {
        List<Row> found = new ArrayList<>();
        List<String> states = p.isBlank("state") ? List.of("published", "unpublished") : csv(p.get("state"));
        List<Map.Entry<String, List<String>>> metaFilters = new ArrayList<>();
        for (String name : p.names()) {
            if (name.startsWith("meta_")) {
                metaFilters.add(Map.entry(name.substring(5), csv(p.get(name))));
            }
        }
        List<String> recordIdPrefixes = p.isBlank("recordID") ? null : csv(p.get("recordID"));
        List<String> meetingIds = p.isBlank("meetingID") ? null : csv(p.get("meetingID"));
        for (Row r : visible(tenant)) {
            if (!states.contains("any") && !states.contains(r.state)) {
                continue;
            }
            if (!metaFilters.isEmpty() && metaFilters.stream().noneMatch(
                    f -> f.getValue().contains(r.metadata.get(f.getKey())))) {
                continue; // meta filters are OR-ed, each value a CSV list
            }
            if (recordIdPrefixes != null && recordIdPrefixes.stream().noneMatch(r.source.recordId::startsWith)) {
                continue;
            }
            if (meetingIds != null && !meetingIds.contains(r.source.meetingId)) {
                continue;
            }
            found.add(r);
        }
        found.sort(Comparator.comparingLong((Row r) -> r.source.startTime).reversed());
        // bigbluebutton_api_controller.rb#get_recordings (HEAD 7498a81) reads neither offset nor limit.
        Xml x = Xml.response("SUCCESS").start("recordings");
        for (Row r : found) {
            Recording s = r.source;
            x.start("recording").element("recordID", s.recordId).element("meetingID", s.meetingId)
                    .element("internalMeetingID", s.recordId).element("name", s.name)
                    .element("published", r.published).element("protected", r.isProtected).element("state", r.state)
                    .element("startTime", s.startTime).element("endTime", s.endTime)
                    .element("participants", s.participants);
            x.map("metadata", r.metadata);
            x.start("playback").start("format").element("type", "presentation")
                    .element("url", urlPrefix + "/playback/presentation/2.3/" + s.recordId)
                    .element("length", Math.max(0, (s.endTime - s.startTime) / 60_000)).end().end();
            x.end();
        }
        x.end();
        if (found.isEmpty()) {
            x.element("messageKey", "noRecordings").element("message", "There are not recordings for the meetings");
        }
        return ApiResponse.xml(x.finish());
    }

    synchronized ApiResponse publish(Params p, ScaleliteApi.Tenant tenant) {
        if (p.isBlank("recordID")) {
            return ApiResponse.error("missingParamRecordID", "You must specify a recordID.");
        }
        if (p.isBlank("publish")) {
            return ApiResponse.error("missingParamPublish", "You must specify a publish value true or false.");
        }
        boolean publish = p.get("publish").equalsIgnoreCase("true");
        List<Row> matched = byIds(p.get("recordID"), tenant);
        if (matched.isEmpty()) {
            return ApiResponse.error("notFound", "We could not find recordings");
        }
        for (Row r : matched) {
            r.published = publish;
            r.state = publish ? "published" : "unpublished";
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("published", publish).finish());
    }

    synchronized ApiResponse update(Params p, ScaleliteApi.Tenant tenant) {
        if (p.isBlank("recordID")) {
            return ApiResponse.error("missingParamRecordID", "You must specify a recordID.");
        }
        List<Row> matched = byIds(p.get("recordID"), tenant);
        boolean changed = false;
        for (String name : p.names()) {
            if (!name.startsWith("meta_")) {
                continue;
            }
            String key = name.substring(5).toLowerCase(java.util.Locale.ROOT);
            for (Row r : matched) {
                if (p.isBlank(name)) {
                    r.metadata.remove(key);
                } else {
                    r.metadata.put(key, p.get(name));
                }
            }
            changed = true;
        }
        if (!p.isBlank("protect") && !matched.isEmpty()) {
            matched.get(0).isProtected = p.get("protect").equalsIgnoreCase("true");
            changed = true;
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("updated", changed).finish());
    }

    synchronized ApiResponse delete(Params p, ScaleliteApi.Tenant tenant) {
        if (p.isBlank("recordID")) {
            return ApiResponse.error("missingParamRecordID", "You must specify a recordID.");
        }
        List<Row> matched = byIds(p.get("recordID"), tenant);
        if (matched.isEmpty()) {
            return ApiResponse.error("notFound", "We could not find recordings");
        }
        rows.removeAll(matched);
        return ApiResponse.xml(Xml.response("SUCCESS").element("deleted", true).finish());
    }

    /** Published or unpublished recordings with exactly these IDs, within the tenant. */
    private List<Row> byIds(String csvIds, ScaleliteApi.Tenant tenant) {
        List<String> ids = csv(csvIds);
        List<Row> out = new ArrayList<>();
        for (Row r : visible(tenant)) {
            if (ids.contains(r.source.recordId)) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<String> csv(String s) {
        return Arrays.asList(s.split(","));
    }
}
