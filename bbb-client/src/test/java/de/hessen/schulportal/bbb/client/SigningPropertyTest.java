// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: for arbitrary Unicode values, the signed URL is accepted by a server-faithful
 * verifier and decodes to exactly the values given; or the builder refuses the value with a
 * message naming the parameter. Seeds are printed on failure so a case can be replayed.
 */
class SigningPropertyTest {
    private static final String TRICKY = "äöüßÄÖÜ–—&+%*~/=?#,;: \"'<>[]{}|\\^`@!$()éè\u0301ñ😀👩‍🏫\u00a0\u2028漢字";
    private static BbbClient[] clients;

    @BeforeAll
    static void clients() {
        ChecksumAlgorithm[] algs = ChecksumAlgorithm.values();
        clients = new BbbClient[algs.length];
        for (int i = 0; i < algs.length; i++) {
            clients[i] = BbbClient.builder().baseUrl("https://bbb.example.org/bigbluebutton/").secret(Secrets.SECRET)
                    .checksumAlgorithm(algs[i]).build();
        }
    }

    @AfterAll
    static void close() {
        for (BbbClient c : clients) {
            c.close();
        }
    }

    static Stream<Long> seeds() {
        long base = Long.getLong("bbb.seed", 20261126L);
        return LongStream.range(0, 300).mapToObj(i -> base + i);
    }

    static String randomText(Random r, int min, int max) {
        int len = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < len) {
            switch (r.nextInt(4)) {
                case 0:
                    sb.append(TRICKY.charAt(r.nextInt(TRICKY.length())));
                    break;
                case 1:
                    sb.append((char) ('a' + r.nextInt(26)));
                    break;
                case 2:
                    sb.appendCodePoint(0x20 + r.nextInt(0x2FFF));
                    break;
                default:
                    sb.appendCodePoint(0x1F300 + r.nextInt(0x300));
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void joinUrl_roundTripsArbitraryUnicode(long seed) {
        Random r = new Random(seed);
        String meetingId = randomText(r, 2, 40).replace(",", "").strip();
        String name = randomText(r, 1, 60);
        String userId = "u-" + randomText(r, 1, 20);
        String dataValue = randomText(r, 0, 30);
        BbbClient client = clients[r.nextInt(clients.length)];
        JoinMeetingRequest request;
        try {
            request = JoinMeetingRequest.builder(meetingId, name, Role.VIEWER).userId(userId)
                    .userdata("bbb_custom", dataValue).build();
        } catch (IllegalArgumentException e) {
            // Only values BigBlueButton would reject or alter may be refused, and the message says which.
            assertThat(e.getMessage()).as("seed %d", seed).containsAnyOf("meetingID", "fullName", "userID",
                    "userdata-bbb_custom");
            return;
        }
        String url = client.joinUrl(request).rawUrl();
        ServerChecksumVerifier.Verified v = ServerChecksumVerifier.verify(url, Secrets.SECRET);
        assertThat(v.call).as("seed %d", seed).isEqualTo("join");
        assertThat(v.parameters).as("seed %d", seed)
                .containsEntry("meetingID", meetingId)
                .containsEntry("fullName", name)
                .containsEntry("userID", userId)
                .containsEntry("role", "VIEWER")
                .containsEntry("userdata-bbb_custom", dataValue);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void createParameters_roundTripArbitraryUnicode(long seed) {
        Random r = new Random(seed * 31 + 7);
        String meetingId = randomText(r, 2, 60).replace(",", ";").strip();
        String name = randomText(r, 2, 80);
        String meta = randomText(r, 0, 50);
        CreateMeetingRequest request;
        try {
            request = CreateMeetingRequest.builder(meetingId, name).meta("bbb-origin", meta).welcome(name).build();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("seed %d", seed).containsAnyOf("meetingID", "name", "meta_bbb-origin", "welcome");
            return;
        }
        String url = ReliabilityAccess.urls(clients[0].apiBaseUrl(), Secrets.SECRET, ChecksumAlgorithm.SHA256).create(request);
        ServerChecksumVerifier.Verified v = ServerChecksumVerifier.verify(url, Secrets.SECRET);
        assertThat(v.parameters).as("seed %d", seed).isEqualTo(request.parameters())
                .containsEntry("meetingID", meetingId).containsEntry("name", name).containsEntry("meta_bbb-origin", meta);
    }

    @Test
    void joinUrl_literalCharactersArriveUnaltered() {
        JoinMeetingRequest request = JoinMeetingRequest.builder("raum+1 [a]", "Jürgen + Ünal [3/4] 100% *~", Role.MODERATOR)
                .build();
        String url = clients[1].joinUrl(request).rawUrl();
        assertThat(url).contains("fullName=J%C3%BCrgen+%2B+%C3%9Cnal+%5B3%2F4%5D+100%25+*%7E");
        ServerChecksumVerifier.Verified v = ServerChecksumVerifier.verify(url, Secrets.SECRET);
        assertThat(v.parameters.get("fullName")).isEqualTo("Jürgen + Ünal [3/4] 100% *~");
        assertThat(v.parameters.get("meetingID")).isEqualTo("raum+1 [a]");
        assertThat(clients[1].joinUrl(request).toUri().getRawQuery()).isEqualTo(url.substring(url.indexOf('?') + 1));
    }

    @Test
    void joinUrl_loneSurrogateIsRefusedNotReplaced() {
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room-1", "bad\uD800name", Role.VIEWER).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fullName").hasMessageContaining("surrogate");
    }
}
