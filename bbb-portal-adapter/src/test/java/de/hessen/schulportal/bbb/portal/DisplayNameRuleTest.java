// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 item 5 and issue 19 item 3: the markers cannot be hidden, pushed out of sight or
 * imitated, and roles are marked positively, so people whose names are role words can join. The
 * properties are checked with the JDK's regular-expression categories, independently of the rule's
 * own code.
 */
class DisplayNameRuleTest {
    /** What no accepted display name may contain, by category (join controls are checked apart). */
    static final Pattern REFUSED_CATEGORY = Pattern.compile("[\\p{Cc}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}"
            + "\\p{Ps}\\p{Pe}\\x{3164}\\x{115F}\\x{1160}\\x{FFA0}\\x{2800}\\x{17B4}\\x{17B5}\\x{FE00}-\\x{FE0F}"
            + "\\x{E0100}-\\x{E01EF}]");
    private static final Pattern BAD_SPACE = Pattern.compile("[\\p{Z}\\s&&[^ ]]|  |^ | $");

    private static Person guest(String first, String last) {
        return Person.builder("g", SchoolRole.GUEST, Relation.INVITED_GUEST).firstName(first).lastName(last).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jana\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164",   // Hangul filler (Lo): looks blank
        "Jana\u115F", "Jana\uFFA0", "Jana\u1160",                    // the other Hangul fillers
        "Jana\u2800\u2800\u2800\u2800",                              // Braille blank (So)
        "Jana\u202E", "Jana\u2066", "Jana\u200F", "Jana\u061C",      // direction changes
        "Jana\u200B", "Jana\u2060", "Jana\uFEFF", "Jana\u00AD",      // zero width, soft hyphen
        "Jana\u17B5", "Jana\u180E", "Jana\uFE0F\uFE0F\uFE0F\uFE0F",  // Khmer, Mongolian, variation selectors
        "Jana\uDB40\uDC20", "Jana\uE000", "Jana\u0378",              // tag space, private use, unassigned
        "Jana\u2028", "Jana\u2029", "Jana\u0085", "Jana\t", "Jana\nRoth",
        "Jana\u200D", "\u200CJana",                                  // join controls not between letters
        "Jana\u0301\u0301\u0301\u0301\u0301", "\u0301Jana",               // stacked or leading marks
        "Jana (Gast)", "Jana [Lehrkraft]", "Jana \uFF08Gast\uFF09", "Jana\u2768Gast\u2769", "Jana \u2474",
        "\uD83C\uDD16\uD83C\uDD10",                              // parenthesized letters: NFKC gives brackets
        "L\u0435hrkraft",                                            // Cyrillic e
        "\uA4E1ehrer",                                               // Lisu LA in a Latin word (issue 19)
        "\u13DEehrerin",                                             // Cherokee TLE in a Latin word (issue 19)
        "\u03BFtto",                                                 // Greek omicron
    })
    void hidingOrImitatingNames_areRefusedByRule(String name) {
        assertThatThrownBy(() -> guest(name, "Roth")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("firstName must not")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(name).doesNotContain("Jana"));
        assertThatThrownBy(() -> guest("Jana", name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lastName must not");
    }

    /** Issue 19: real teachers called "Anna Lehrer" or "Thomas Gast" join; roles show by the marker only. */
    @ParameterizedTest
    @ValueSource(strings = {"Lehrer", "Gast", "Lehrerin", "Eltern", "Parent", "Moderator", "Schulleitung", "Lehrkraft"})
    void roleWordsInNames_areAccepted_theRoleIsShownByTheMarkerOnly(String word) {
        DisplayNamePolicy policy = DisplayNamePolicy.defaults();
        Person teacher = Person.builder("t", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Anna").lastName(word).build();
        assertThat(policy.displayName(teacher)).isEqualTo("Anna " + word + " (Lehrkraft)");
        assertThat(policy.displayName(guest("Thomas", word))).isEqualTo("Thomas " + word + " (Gast)");
        Person pupil = Person.builder("p", SchoolRole.STUDENT, Relation.MEMBER).firstName(word).lastName("Kaya").build();
        assertThat(policy.displayName(pupil)).isEqualTo(word + " K.").doesNotContain("(");
    }

    /** Issue 19: the look-alikes of "Lehrer K." either fail (mixed scripts) or show without the teachers' marker. */
    @Test
    void teacherLookAlikes_neverCarryTheTeachersMarker() {
        DisplayNamePolicy policy = DisplayNamePolicy.defaults();
        for (String first : new String[] {"\uA4E1ehrer", "\u13DEehrerin"}) {
            assertThatThrownBy(() -> Person.builder("p", SchoolRole.STUDENT, Relation.MEMBER).firstName(first).build())
                    .hasMessageStartingWith("firstName must not mix scripts");
        }
        Person smallCapital = Person.builder("p", SchoolRole.STUDENT, Relation.MEMBER).firstName("\u029Fehrer").lastName("K").build();
        assertThat(policy.displayName(smallCapital)).isEqualTo("\u029Fehrer K.");
        Person teacher = Person.builder("t", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Kai").lastName("Lehrer").build();
        assertThat(policy.displayName(teacher)).endsWith(" (Lehrkraft)");
    }

    @Test
    void markers_mustBeBracketed_soThatNoNameCanContainOne() {
        assertThatThrownBy(() -> DisplayNamePolicy.builder().suffix(SchoolRole.TEACHER, "Lehrkraft"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("suffix must begin with an opening bracket");
        assertThatThrownBy(() -> DisplayNamePolicy.builder().suffix(SchoolRole.TEACHER, "(Lehrkraft"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DisplayNamePolicy.builder().suffix(SchoolRole.TEACHER, "[LK]").build()
                .displayName(Person.builder("t", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Kai").build()))
                .isEqualTo("Kai [LK]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë", "José María", "Nguyễn Thị Minh", "Zade\u200Ch", "محمد", "Łukasz", "Ærø",
        "O'Brien", "Anne-Marie", "李小龍", "Ἀλέξανδρος", "Дмитрий", "दीपिका", "Şükrü", "İlkay", "Gastón", "Lehrerzimmer"})
    void realNames_areAccepted_unchanged(String name) {
        Person p = guest(name, "Roth");
        assertThat(p.firstName()).isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
        assertThat(DisplayNamePolicy.defaults().displayName(p)).isEqualTo(p.firstName() + " Roth (Gast)");
    }

    @Test
    void normalForm_nfkcAndOneSpace() {
        Person p = guest("\uFF2B\uFF49\uFF4D  Lee", "Ro\u0074h\u00A0 Jones");
        assertThat(p.firstName()).isEqualTo("Kim Lee");
        assertThat(p.lastName()).isEqualTo("Roth Jones");
        assertThat(DisplayNamePolicy.defaults().displayName(p)).isEqualTo("Kim Lee Roth Jones (Gast)");
    }

    @Test
    void theWordsOfAPolicysMarkers_areNames_theMarkerItselfIsNot() {
        DisplayNamePolicy custom = DisplayNamePolicy.builder().suffix(SchoolRole.STAFF, "(Sekretariat)").build();
        Person staff = Person.builder("s", SchoolRole.STAFF, Relation.MEMBER).firstName("Sekretariat").build();
        assertThat(custom.displayName(staff)).isEqualTo("Sekretariat (Sekretariat)");
        assertThatThrownBy(() -> Person.builder("s", SchoolRole.STAFF, Relation.MEMBER).firstName("x(Sekretariat)").build())
                .hasMessageStartingWith("firstName must not contain brackets");
    }

    static LongStream seeds() {
        long base = Long.getLong("bbb.seed", 20261201L);
        return LongStream.range(0, 20).map(i -> base + i);
    }

    /** Random names over all of Unicode, weighted towards the characters that hide or pose. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void property_acceptedNames_keepTheMarkerVisibleAndLast(long seed) {
        Random random = new Random(seed);
        String[] tricky = {" ", "  ", "\u3164", "\u2800", "\u200B", "\u200C", "\u200D", "\u202E", "\u0301", "\uFE0F",
            "(", ")", "\uFF08", "Gast", "Lehrkraft", "gast", "\uA4E1", "\u13DE", "\u029F", "\u2474", "\u00A0", "\u3000", "\u2028", "\uDB40\uDC20", "-", "'"};
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int j = 0; j < len; j++) {
                int pick = random.nextInt(10);
                if (pick < 3) {
                    b.append(tricky[random.nextInt(tricky.length)]);
                } else if (pick < 6) {
                    b.append((char) ('a' + random.nextInt(26)));
                } else {
                    b.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                }
            }
            String raw = b.toString();
            Person p;
            try {
                p = guest(raw, "Roth");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("seed %d", seed).startsWith("firstName must");
                continue;
            }
            String shown = DisplayNamePolicy.defaults().displayName(p);
            assertThat(shown).as("seed %d", seed).endsWith(" Roth (Gast)");
            String namePart = shown.substring(0, shown.length() - " Roth (Gast)".length());
            assertAcceptable(namePart, "seed " + seed);
        }
    }

    static void assertAcceptable(String n, String where) {
        String problem = problem(n);
        if (problem != null) {
            fail(where + ": accepted " + codePoints(n) + ": " + problem);
        }
    }

    /** Why an accepted name breaks the promise, or {@code null}; plain code, as it runs for all of Unicode. */
    private static String problem(String n) {
        if (REFUSED_CATEGORY.matcher(n).find()) {
            return "a refused character";
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                boolean joinControl = c == '\u200C' || c == '\u200D';
                boolean between = i > 0 && i + 1 < n.length()
                        && (Character.isLetter(n.codePointBefore(i)) || TextRules.isMark(n.codePointBefore(i)))
                        && Character.isLetter(n.codePointAt(i + 1));
                if (!joinControl || !between) {
                    return "a format character other than a join control between letters";
                }
            }
        }
        if (BAD_SPACE.matcher(n).find()) {
            return "white space other than single spaces";
        }
        if (!Normalizer.isNormalized(n, Normalizer.Form.NFKC)) {
            return "not in NFKC";
        }
        String skeleton = TextRules.skeleton(n);
        if (skeleton.contains("(") || skeleton.contains(")") || skeleton.contains("[") || skeleton.contains("]")) {
            return "something that reads as a bracket, so as part of a marker";
        }
        return null;
    }

    private static String codePoints(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(String.format(Locale.ROOT, "U+%04X ", cp)));
        return b.toString();
    }
}
