// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * The client's envelope check and mapping on bytes, for ParseBenchmark: the public API parses only
 * what arrives over HTTP, so this class sits in the client's package (on the class path only).
 */
public final class BenchmarkMapping {
    private static final HttpHeaders XML = HttpHeaders.of(Map.of("Content-Type", List.of("text/xml;charset=utf-8")),
            (a, b) -> true);

    private BenchmarkMapping() {
    }

    private static RawResponse raw(byte[] body) {
        return new RawResponse(200, XML, body, 0, System.nanoTime() + 60_000_000_000L);
    }

    /**
     * Envelope check, parse and mapping of a getMeetings answer.
     *
     * @param body the answer
     * @return the meetings
     */
    public static List<MeetingInfo> meetings(byte[] body) {
        return MeetingResponses.meetings(Envelope.xml(ApiErrors.Family.MEETING, "getMeetings", null, raw(body)));
    }

    /**
     * Envelope check, parse and mapping of a getRecordings answer.
     *
     * @param body the answer
     * @return the page
     */
    public static RecordingsPage recordings(byte[] body) {
        return RecordingResponses.page(Envelope.xml(ApiErrors.Family.RECORDING, "getRecordings", null, raw(body)));
    }
}
