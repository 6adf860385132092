// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query encoder writes what {@link URLEncoder} would, byte for byte: the signature depends on
 * it. Checked on chosen edge cases and on seeded random strings over all of UTF-16, including
 * unpaired surrogates (seed printed in the test name; {@code -Dbbb.seed=N} repeats a run).
 */
class QueryStringTest {
    private static String jdk(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String ours(String s) {
        StringBuilder sb = new StringBuilder();
        QueryString.append(sb, s);
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Jörg Müller-Größlein", "a b+c&d=e%f", "~!'()*-._", "€ ✓ 日本",
        "\uD83D\uDE00 emoji", "\uD83D lone high", "lone low \uDE00", "\uDE00\uD83D reversed", "end high \uD83D",
        "\u007F\u0080\u07FF\u0800\uFFFF", "/?#[]@:;,$"})
    void append_edgeCases_equalsUrlEncoder(String s) {
        assertThat(ours(s)).isEqualTo(jdk(s));
    }

    static Stream<Long> seeds() {
        long base = Long.getLong("bbb.seed", 20261127L);
        return Stream.of(base, base + 1, base + 2, base + 3, base + 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void append_randomUtf16_equalsUrlEncoder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < 2_000; n++) {
            char[] chars = new char[random.nextInt(0, 24)];
            for (int i = 0; i < chars.length; i++) {
                int kind = random.nextInt(4);
                chars[i] = (char) (kind == 0 ? random.nextInt(0, 0x80)
                        : kind == 1 ? random.nextInt(0xD800, 0xE000)
                        : random.nextInt(0, 0x10000));
            }
            String s = new String(chars);
            assertThat(ours(s)).as("seed %d, string %d", seed, n).isEqualTo(jdk(s));
        }
    }
}
