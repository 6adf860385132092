// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.ReliabilityAccess;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * getRecordings' {@code meetingID} filter: bbb-web decodes it twice ({@code ParamsProcessorUtil.decodeIds}
 * after the servlet's own decoding), Scalelite once. Every filter the builder accepts must mean the
 * same ID after one decoding and after two; anything else is refused with the reason.
 */
class GetRecordingsMeetingIdTest {
    private static final ReliabilityAccess URLS = ReliabilityAccess.urls("https://bbb.example.org/bigbluebutton/",
            Secrets.SECRET, ChecksumAlgorithm.SHA256);
    private static final String ALPHABET = "abcXYZ019-_.~ äöüß€😀&=#?/;:@,!*'()[]+%";

    static Stream<Long> seeds() {
        long base = Long.getLong("bbb.fuzz.seed", 0x9E7_2026L);
        return LongStream.range(0, 200).mapToObj(i -> base + i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7b+mathe", "50%rabatt", "a%41b", "%", "kurs %2B", "x+"})
    void meetingIds_withPlusOrPercent_refusedWithTheReason(String id) {
        assertThatThrownBy(() -> GetRecordingsRequest.builder().meetingIds("ok-id", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meetingID filter must not contain '+' or '%'")
                .hasMessageContaining("decodes getRecordings' meetingID twice");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void meetingIds_accepted_meanTheSameAfterOneAndTwoDecodings(long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int len = 1 + r.nextInt(20);
        while (sb.length() < len) {
            sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, r.nextInt(ALPHABET.codePointCount(0,
                    ALPHABET.length())))));
        }
        String id = sb.toString();
        String url;
        try {
            url = URLS.getRecordings(GetRecordingsRequest.builder().meetingIds(id).build());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("seed %d", seed).startsWith("meetingID");
            assertThat(id.contains("+") || id.contains("%") || id.contains(",") || id.isBlank())
                    .as("seed %d: refused only for +, %%, comma or blank: %s", seed, e.getMessage()).isTrue();
            return;
        }
        String once = ServerChecksumVerifier.verify(url, Secrets.SECRET).parameters.get("meetingID");
        assertThat(once).as("seed %d: Scalelite (one decoding)", seed).isEqualTo(id);
        assertThat(URLDecoder.decode(once, StandardCharsets.UTF_8)).as("seed %d: bbb-web (two decodings)", seed)
                .isEqualTo(id);
    }
}
