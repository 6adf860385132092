// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PseudonymsTest {
    static final byte[] KEY = "0123456789abcdef0123456789ABCDEF-test-key".getBytes(StandardCharsets.US_ASCII);

    static LongStream seeds() {
        return LongStream.range(0, 25).map(i -> 0xC0FFEE00L + i);
    }

    /** Arbitrary Unicode identifiers, including separators that might confuse a naive concatenation. */
    static String randomId(Random rnd) {
        int len = 6 + rnd.nextInt(20);
        StringBuilder sb = new StringBuilder();
        String pool = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789äöüßéçğış:|/-_.@ ";
        while (sb.length() < len) {
            sb.append(pool.charAt(rnd.nextInt(pool.length())));
        }
        return sb.toString().strip().isEmpty() ? "x" + sb.toString().strip() + "y" : "p" + sb.toString().strip() + "q";
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void property_stableValidAndRevealNothing(long seed) {
        Random rnd = new Random(seed);
        Pseudonyms p = Pseudonyms.of(KEY);
        for (int i = 0; i < 50; i++) {
            School school = School.of(randomId(rnd));
            Room room = Room.builder(school, randomId(rnd), RoomKind.values()[rnd.nextInt(5)]).build();
            Person person = Person.builder(randomId(rnd), SchoolRole.values()[rnd.nextInt(6)], Relation.MEMBER)
                    .firstName(randomId(rnd)).lastName(randomId(rnd)).build();
            String meetingId = p.meetingId(room);
            String userId = p.userId(room, person);
            String at = "seed=" + seed + " i=" + i;
            assertThat(meetingId).as(at).matches("sp-[a-z2-7]{26}").isEqualTo(Pseudonyms.of(KEY.clone()).meetingId(room));
            assertThat(userId).as(at).matches("(pr|te|st|pa|sf|gu)-[a-z2-7]{26}")
                    .isEqualTo(Pseudonyms.of(KEY.clone()).userId(room, person))
                    .startsWith(Pseudonyms.roleTag(person.role()));
            for (String secret : new String[] {school.id(), room.id(), person.id(), person.firstName(), person.lastName()}) {
                String lower = secret.toLowerCase(Locale.ROOT);
                assertThat(meetingId).as(at).doesNotContain(lower);
                assertThat(userId).as(at).doesNotContain(lower);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void property_unlinkableAcrossSchoolsAndRooms(long seed) {
        Random rnd = new Random(seed);
        Pseudonyms roomScope = Pseudonyms.of(KEY);
        Pseudonyms schoolScope = Pseudonyms.of(KEY, "sp-", Pseudonyms.Scope.SCHOOL);
        String personId = randomId(rnd);
        String roomId = randomId(rnd);
        School a = School.of(randomId(rnd));
        School b = School.of(a.id() + "x");
        Person person = Person.builder(personId, SchoolRole.STUDENT, Relation.MEMBER).firstName("Kim").build();
        Room roomA = Room.builder(a, roomId, RoomKind.LESSON).build();
        Room roomA2 = Room.builder(a, roomId + "2", RoomKind.LESSON).build();
        Room roomB = Room.builder(b, roomId, RoomKind.LESSON).build();
        String at = "seed=" + seed;
        assertThat(roomScope.meetingId(roomA)).as(at).isNotEqualTo(roomScope.meetingId(roomB))
                .isNotEqualTo(roomScope.meetingId(roomA2));
        assertThat(roomScope.userId(roomA, person)).as(at).isNotEqualTo(roomScope.userId(roomA2, person))
                .isNotEqualTo(roomScope.userId(roomB, person));
        assertThat(schoolScope.userId(roomA, person)).as(at).isEqualTo(schoolScope.userId(roomA2, person))
                .isNotEqualTo(schoolScope.userId(roomB, person));
        assertThat(Pseudonyms.of(otherKey(rnd)).meetingId(roomA)).as(at).isNotEqualTo(roomScope.meetingId(roomA));
    }

    static byte[] otherKey(Random rnd) {
        byte[] k = new byte[32];
        rnd.nextBytes(k);
        return k;
    }

    @Test
    void fields_areLengthPrefixed_noConcatenationCollision() {
        Pseudonyms p = Pseudonyms.of(KEY);
        Room r1 = Room.builder(School.of("ab"), "c", RoomKind.LESSON).build();
        Room r2 = Room.builder(School.of("a"), "bc", RoomKind.LESSON).build();
        assertThat(p.meetingId(r1)).isNotEqualTo(p.meetingId(r2));
    }

    @Test
    void key_rules() {
        assertThatThrownBy(() -> Pseudonyms.of(new byte[31])).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> Pseudonyms.of(new byte[32])).hasMessageContaining("random");
        assertThatThrownBy(() -> Pseudonyms.fromBase64("not base64!")).hasMessageContaining("Base64");
        assertThatThrownBy(() -> Pseudonyms.of(KEY, "Sp_", Pseudonyms.Scope.ROOM)).hasMessageContaining("meetingPrefix");
        Pseudonyms fromText = Pseudonyms.fromBase64(Base64.getEncoder().encodeToString(KEY));
        Room r = Room.builder(School.of("6021"), "7b", RoomKind.LESSON).build();
        assertThat(fromText.meetingId(r)).isEqualTo(Pseudonyms.of(KEY).meetingId(r));
        assertThat(fromText.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEY)).contains("key=***");
    }

    @Test
    void oneInstance_manyThreadsAtOnce_giveEachTheSingleThreadedAnswer() throws Exception {
        // One Pseudonyms serves every request thread of the gateway: no hash may see another's state.
        Pseudonyms shared = Pseudonyms.of(KEY);
        long seed = 0xC0FFEE99L;
        Random rnd = new Random(seed);
        List<Room> rooms = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Room r = Room.builder(School.of("s" + rnd.nextInt(50)), randomId(rnd), RoomKind.LESSON).build();
            rooms.add(r);
            expected.add(Pseudonyms.of(KEY).meetingId(r));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < rooms.size(); i++) {
                            wrong += shared.meetingId(rooms.get(i)).equals(expected.get(i)) ? 0 : 1;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).as("wrong pseudonyms (seed %d)", seed).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void knownAnswer_guardsAgainstAccidentalChange() {
        Room r = Room.builder(School.of("6021"), "kurs-7b-mathe", RoomKind.LESSON).build();
        Person p = Person.builder("u-4711", SchoolRole.STUDENT, Relation.MEMBER).firstName("Kim").build();
        String meetingId = Pseudonyms.of(KEY).meetingId(r);
        String userId = Pseudonyms.of(KEY).userId(r, p);
        // A change here moves every room of every school to a new meeting ID: only with a migration plan.
        assertThat(meetingId).isEqualTo("sp-5j7vl4qgorpcoze4n5piiciwyq");
        assertThat(meetingId).isEqualTo(Pseudonyms.of(KEY).meetingId(Room.of(School.of("6021"), "kurs-7b-mathe",
                RoomKind.LESSON, "anderer Titel")));
        // The kind is part of the room's identity: the same room ID as another kind is another meeting.
        assertThat(meetingId).isNotEqualTo(Pseudonyms.of(KEY).meetingId(Room.of(School.of("6021"), "kurs-7b-mathe",
                RoomKind.STAFF_MEETING, "anderer Titel")));
        assertThat(meetingId).hasSize(29);
        assertThat(userId).hasSize(29);
        assertThat(Pseudonyms.roleOfUserId(userId)).isEqualTo(SchoolRole.STUDENT);
        assertThat(Pseudonyms.roleOfUserId("w_abcdefghijkl")).isNull();
    }
}
