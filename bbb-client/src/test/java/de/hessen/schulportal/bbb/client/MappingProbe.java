// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.JsonResponses;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.internal.ResponseAccess;
import de.hessen.schulportal.bbb.client.internal.XmlNode;
import de.hessen.schulportal.bbb.client.internal.XmlResponses;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Runs the client's response mapping on bytes, without HTTP, for {@link ResponseMappingTest}. */
final class MappingProbe {
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    private MappingProbe() {
    }

    private static XmlNode root(byte[] body) {
        return XmlResponses.read("call", null, new RawResponse(200, NO_HEADERS, body, 0));
    }

    static Map<String, Function<byte[], Object>> mappers() {
        Map<String, Function<byte[], Object>> m = new LinkedHashMap<>();
        m.put("create", b -> ResponseAccess.meeting().create(root(b)));
        m.put("join", b -> ResponseAccess.meeting().join(root(b)));
        m.put("getMeetingInfo", b -> ResponseAccess.meeting().meetingInfo(root(b)));
        m.put("getMeetings", b -> ResponseAccess.meeting().meetings(root(b)));
        m.put("getRecordings", b -> ResponseAccess.recording().page(root(b)));
        m.put("hooks/create", b -> ResponseAccess.hooks().registration(root(b)));
        m.put("hooks/list", b -> ResponseAccess.hooks().hooks(root(b)));
        m.put("version", b -> new ApiVersion(root(b)));
        return m;
    }

    static Object textTracks(byte[] body) {
        return ResponseAccess.recording().textTracks(JsonResponses.read("getRecordingTextTracks",
                new RawResponse(200, NO_HEADERS, body, 0)));
    }
}
