// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5 and issue 19, exhaustively: every code point of Unicode between two letters is
 * accepted only if the name stays visible and nothing in it reads as a bracket by its UTS #39
 * confusable skeleton (so no accepted name can imitate a marker). Not locale-sensitive, so not in
 * the Turkish run.
 */
class DisplayNameSweepTest {
    /** Every code point of Unicode, alone between two letters: accepted only if it is visible and allowed. */
    @Test
    void everyCodePoint_acceptedOnlyIfVisible() {
        int accepted = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                // Refused by category alone (most of planes 3 to 16): no need to build a name.
                assertThat(TextRules.invisible(cp)).as("U+%04X", cp).isTrue();
                continue;
            }
            String c = new String(Character.toChars(cp));
            if (type == Character.OTHER_LETTER && cp % 64 != 0 && !DisplayNameRuleTest.REFUSED_CATEGORY.matcher(c).find()) {
                // About 130,000 ideographs and syllables: every 64th stands for the others.
                continue;
            }
            String name = "Ja" + c + "na";
            String n;
            try {
                n = TextRules.name("firstName", name, 64, false);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("U+%04X", cp).startsWith("firstName must not");
                continue;
            }
            accepted++;
            DisplayNameRuleTest.assertAcceptable(n, "U+" + Integer.toHexString(cp));
        }
        assertThat(accepted).as("most of Unicode is letters and symbols").isGreaterThan(10_000);
    }
}
