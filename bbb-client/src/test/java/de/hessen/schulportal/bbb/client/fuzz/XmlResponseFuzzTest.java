// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.internal.XmlResponses;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the XML response reader with arbitrary answer bodies. Invariant: an answer is either
 * read or refused with a {@link BbbException} (the documented {@code BbbApiException} for FAILED,
 * {@code BbbResponseException} for anything that is not a BigBlueButton envelope); nothing else
 * escapes. Corpus: {@code XmlResponseFuzzTestInputs/xmlResponse/}, seeded with real answers.
 */
class XmlResponseFuzzTest {
    private static final HttpHeaders XML = HttpHeaders.of(Map.of("Content-Type", List.of("text/xml;charset=UTF-8")), (a, b) -> true);

    /** The one call into the reader; re-point it when the XML layer changes. */
    static void read(byte[] body) {
        XmlResponses.read("getMeetingInfo", "m-1", new RawResponse(200, XML, body, 0));
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void xmlResponse(byte[] body) {
        try {
            read(body);
        } catch (BbbException documented) {
            Fuzzing.checkSafeMessage(documented);
        }
    }
}
