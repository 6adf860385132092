// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.FuzzAccess;

/**
 * Fuzzes the XML response reader with arbitrary answer bodies. Invariant: an answer is either
 * read or refused with a {@link BbbException} (the documented {@code BbbApiException} for FAILED,
 * {@code BbbResponseException} for anything that is not a BigBlueButton envelope); nothing else
 * escapes. Corpus: {@code XmlResponseFuzzTestInputs/xmlResponse/}, seeded with real answers.
 */
class XmlResponseFuzzTest {
    /** The one call into the reader; re-point it when the XML layer changes. */
    static void read(byte[] body) {
        FuzzAccess.readXml(body);
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
