// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.ReliabilityAccess;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.BreakoutRoomSettings;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.MediaBridges;
import de.hessen.schulportal.bbb.client.meeting.PluginSetting;
import de.hessen.schulportal.bbb.client.meeting.Plugins;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzed request builders: arbitrary Unicode including control characters, lone surrogates,
 * reserved URL characters and very long values. Each attempt ends in exactly one of two ways: an
 * {@link IllegalArgumentException} at {@code build()} whose message names a parameter, or a URL
 * that the independent, server-faithful {@link ServerChecksumVerifier} accepts and decodes to
 * exactly the values given. Seeds come from {@code -Dbbb.fuzz.seed} (default fixed) and are in every
 * failure message; replay one with {@code -Dbbb.fuzz.seed=<seed> -Dbbb.fuzz.count=1}.
 */
class RequestFuzzTest {
    private static final String TRICKY = "&=+%#?/\\;,:@!$'()*~[]{}|^`<>\" \t\r\n\u0000\u0007\u001f\u007f\u0085\u00a0"
            + "\u2028\u2029\u200b\u200d\ufeff\ufffd\uffffäöüß–😀👩‍🏫漢字\u0301";
    private static final ChecksumAlgorithm[] ALGS = ChecksumAlgorithm.values();
    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    @AfterAll
    static void bothOutcomesWereExercised() {
        int total = ACCEPTED.get() + REFUSED.get();
        assertThat(ACCEPTED.get()).as("accepted of %d", total).isGreaterThan(total / 5);
        assertThat(REFUSED.get()).as("refused of %d", total).isGreaterThan(total / 10);
    }

    static Stream<Long> seeds() {
        long base = Long.getLong("bbb.fuzz.seed", 0x5EED_2026L);
        int count = Integer.getInteger("bbb.fuzz.count", 150);
        return LongStream.range(0, count).mapToObj(i -> base + i);
    }

    /** A random string: mostly text, with control characters, lone surrogates and now and then a very long run. */
    static String text(Random r) {
        int len = r.nextInt(10) == 0 ? 500 + r.nextInt(4000) : 1 + r.nextInt(40);
        // Half of the values are hostile; the other half avoid what BigBlueButton refuses, so both outcomes are exercised.
        boolean hostile = r.nextInt(4) == 0;
        StringBuilder sb = new StringBuilder(len);
        while (sb.length() < len) {
            int kind = r.nextInt(10);
            if (!hostile && (kind == 5 || kind == 6)) {
                kind = 0;
            }
            if (kind < 3) {
                sb.append((char) ('a' + r.nextInt(26)));
            } else if (kind < 5) {
                char c = TRICKY.charAt(r.nextInt(TRICKY.length()));
                if (hostile || !(Character.isISOControl(c) || Character.isSurrogate(c) || c == 0xFFFF)) {
                    sb.append(c);
                }
            } else if (kind < 6) {
                sb.append((char) r.nextInt(0x20));
            } else if (kind < 7) {
                sb.append((char) (0xD800 + r.nextInt(0x800)));
            } else if (kind < 9) {
                int cp = 0xA0 + r.nextInt(0xD000);
                sb.appendCodePoint(hostile || !Character.isISOControl(cp) ? cp : 'x');
            } else {
                sb.appendCodePoint(0x10000 + r.nextInt(0x10000));
            }
        }
        return sb.toString();
    }

    private static ReliabilityAccess urls(Random r) {
        return ReliabilityAccess.urls("https://bbb.example.org/bigbluebutton/", Secrets.SECRET, ALGS[r.nextInt(ALGS.length)]);
    }

    /**
     * Builds, and either checks the refusal or verifies the URL like the server.
     *
     * @param seed for the message
     * @param parameterNames the parameter names a refusal may name
     * @param build builds the request and renders its URL
     * @param expected the decoded values the server must see
     */
    private static void check(long seed, List<String> parameterNames, Supplier<String> build, Map<String, String> expected) {
        String url;
        try {
            url = build.get();
            ACCEPTED.incrementAndGet();
        } catch (IllegalArgumentException e) {
            REFUSED.incrementAndGet();
            assertThat(e.getMessage()).as("seed %d: refusal names a parameter", seed).containsAnyOf(parameterNames.toArray(new String[0]));
            Secrets.assertNoLeak("seed " + seed + " message", e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": neither IllegalArgumentException nor a URL but " + e, e);
        }
        ServerChecksumVerifier.Verified v;
        try {
            v = ServerChecksumVerifier.verify(url, Secrets.SECRET);
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": the server would reject the URL: " + e.getMessage(), e);
        }
        expected.forEach((k, value) -> assertThat(v.parameters.get(k)).as("seed %d: %s decoded by the server", seed, k)
                .isEqualTo(value));
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void createMeetingRequest(long seed) {
        Random r = new Random(seed);
        String id = text(r);
        String name = text(r);
        String welcome = text(r);
        String meta = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("meetingID", "name", "welcome", "meta_bbb-origin"),
                () -> u.create(CreateMeetingRequest.builder(id, name).welcome(welcome).meta("bbb-origin", meta).build()),
                map("meetingID", id, "name", name, "welcome", welcome, "meta_bbb-origin", meta));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void joinMeetingRequest(long seed) {
        Random r = new Random(seed ^ 0x10);
        String id = text(r);
        String fullName = text(r);
        String userId = text(r);
        String data = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("meetingID", "fullName", "userID", "userdata-bbb_custom"),
                () -> u.join(JoinMeetingRequest.builder(id, fullName, Role.MODERATOR).userId(userId)
                        .userdata("bbb_custom", data).build()),
                map("meetingID", id, "fullName", fullName, "userID", userId, "userdata-bbb_custom", data, "role", "MODERATOR"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void getRecordingsRequest(long seed) {
        Random r = new Random(seed ^ 0x20);
        String a = text(r);
        String b = text(r);
        String meta = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("meetingID", "meta_bbb-origin"),
                () -> u.getRecordings(GetRecordingsRequest.builder().meetingIds(a, b).meta("bbb-origin", meta).build()),
                map("meetingID", a + "," + b, "meta_bbb-origin", meta));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void createMeetingRequest30Setters(long seed) {
        Random r = new Random(seed ^ 0x50);
        String bridge = text(r);
        String fileName = text(r);
        String setting = text(r);
        String webVoice = text(r);
        String additional = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("cameraBridge", "breakoutRoomsCaptureSlidesFilename", "plugin_Pick_mode", "webVoice",
                "additionalParam sharedNotesEditor"),
                () -> u.create(CreateMeetingRequest.builder("room-30", "Raum")
                        .mediaBridges(MediaBridges.builder().camera(bridge).build()).webVoice(webVoice)
                        .breakoutRoomSettings(BreakoutRoomSettings.builder().captureSlidesFilename(fileName).build())
                        .plugins(Plugins.builder().addSettings(PluginSetting.of("Pick", "mode", setting)).build())
                        .additionalParam("sharedNotesEditor", additional).build()),
                map("cameraBridge", bridge, "webVoice", webVoice, "breakoutRoomsCaptureSlidesFilename", fileName,
                        "plugin_Pick_mode", setting, "sharedNotesEditor", additional));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void joinMeetingRequest30Setters(long seed) {
        Random r = new Random(seed ^ 0x60);
        String first = text(r);
        String last = text(r);
        String session = text(r);
        String token = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("firstName", "lastName", "sessionName", "replaceSessionToken"),
                () -> u.join(JoinMeetingRequest.builder("room-30", "Name", Role.VIEWER).firstName(first).lastName(last)
                        .sessionName(session).replaceSessionToken(token).build()),
                map("firstName", first, "lastName", last, "sessionName", session, "replaceSessionToken", token));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void getRecordingsMeetingIdMeansTheSameOnBbbWebAndScalelite(long seed) {
        Random r = new Random(seed ^ 0x70);
        String id = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("meetingID"), () -> {
            String url = u.getRecordings(GetRecordingsRequest.builder().meetingIds(id).build());
            String once = ServerChecksumVerifier.verify(url, Secrets.SECRET).parameters.get("meetingID");
            // bbb-web decodes this parameter once more than the servlet container does.
            assertThat(URLDecoder.decode(once, StandardCharsets.UTF_8)).as("seed %d: bbb-web's second decoding", seed)
                    .isEqualTo(id);
            return url;
        }, map("meetingID", id));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sendChatMessageRequest(long seed) {
        Random r = new Random(seed ^ 0x30);
        String id = text(r);
        String message = text(r);
        String userName = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("meetingID", "message", "userName"),
                () -> u.sendChatMessage(SendChatMessageRequest.builder(id, message).userName(userName).build()),
                map("meetingID", id, "message", message, "userName", userName));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void createHookRequest(long seed) {
        Random r = new Random(seed ^ 0x40);
        String callback = "https://portal.example.org/hooks/" + URLEncoder.encode(text(r), StandardCharsets.UTF_8)
                .replace("+", "%20") + "?tenant=" + URLEncoder.encode(text(r), StandardCharsets.UTF_8);
        String id = text(r);
        ReliabilityAccess u = urls(r);
        check(seed, List.of("callbackURL", "meetingID"),
                () -> u.createHook(CreateHookRequest.builder(URI.create(callback)).meetingId(id).build()),
                map("callbackURL", callback, "meetingID", id));
    }
}
