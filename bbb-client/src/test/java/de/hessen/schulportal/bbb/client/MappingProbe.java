// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.RawResponse;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Runs the client's response mapping on bytes, without HTTP, for {@link ResponseMappingTest}. */
final class MappingProbe {
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    private MappingProbe() {
    }

    static RawResponse raw(byte[] body) {
        return new RawResponse(200, NO_HEADERS, body, 0, System.nanoTime() + 60_000_000_000L);
    }

    private static JsonNode root(byte[] body) {
        return Envelope.xml(ApiErrors.Family.MEETING, "call", null, raw(body));
    }

    static Map<String, Function<byte[], Object>> mappers() {
        Map<String, Function<byte[], Object>> m = new LinkedHashMap<>();
        m.put("create", b -> MeetingResponses.create(root(b)));
        m.put("join", b -> MeetingResponses.join(root(b)));
        m.put("getMeetingInfo", b -> MeetingResponses.meetingInfo(root(b)));
        m.put("getMeetings", b -> MeetingResponses.meetings(root(b)));
        m.put("getRecordings", b -> RecordingResponses.page(root(b)));
        m.put("hooks/create", b -> HookResponses.registration(root(b)));
        m.put("hooks/list", b -> HookResponses.hooks(root(b)));
        m.put("version", b -> MeetingResponses.version(root(b)));
        return m;
    }

    static Object textTracks(byte[] body) {
        return RecordingResponses.textTracks(Envelope.json(ApiErrors.Family.RECORDING, "getRecordingTextTracks", raw(body)));
    }
}
