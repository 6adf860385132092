// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.FuzzAccess;

/**
 * Fuzzes the JSON response reader (text-track calls) with arbitrary bodies. Invariant: read, or
 * refused with a {@link BbbException}; nothing else escapes. Corpus:
 * {@code JsonResponseFuzzTestInputs/jsonResponse/}.
 */
class JsonResponseFuzzTest {
    /** The one call into the reader; re-point it when the response layer changes. */
    static void read(byte[] body) {
        FuzzAccess.readJson(body);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void jsonResponse(byte[] body) {
        try {
            read(body);
        } catch (BbbException documented) {
            Fuzzing.checkSafeMessage(documented);
        }
    }
}
