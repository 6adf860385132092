// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.fuzz;

/** Settings and checks shared by the fuzz targets of this module. */
final class Fuzzing {
    /**
     * How long {@code fuzz.sh} (JAZZER_FUZZ=1) fuzzes one target. Without JAZZER_FUZZ the build
     * only replays the committed corpus, which takes well under a second per target.
     */
    static final String MAX_DURATION = "90s";

    private Fuzzing() {
    }

    /** A documented exception must still carry a message, and never a raw stack of input. */
    static void checkSafeMessage(Exception e) {
        if (e.getMessage() == null || e.getMessage().isEmpty()) {
            throw new AssertionError("exception without message: " + e.getClass().getName(), e);
        }
    }
}
