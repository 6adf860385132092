// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one set of node readers (docs/values.md, "When the server leaves a field out"): the same
 * reader gives the same answer for an XML answer and a JSON callback; absent is
 * {@code Optional.empty()} for callbacks and the empty value for answers; never {@code null}.
 */
class NodesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode xml(String s) {
        return AnswerParser.xml(s.getBytes(StandardCharsets.UTF_8), System.nanoTime() + 60_000_000_000L);
    }

    @Test
    void absentField_isEmptyOptionalForCallbacks_andEmptyValueForAnswers() {
        JsonNode answer = xml("<attendee><userID>u-42</userID></attendee>");
        JsonNode event = JSON.readTree("{\"internal-user-id\":\"w_1\"}");
        for (JsonNode n : new JsonNode[] {answer, event}) {
            assertThat(Nodes.string(n, "name")).isEmpty();
            assertThat(Nodes.flag(n, "presenter")).isEmpty();
            assertThat(Nodes.number(n, "time")).isEmpty();
            assertThat(Nodes.object(n, "userdata")).isEmpty();
            assertThat(Nodes.stringMap(n, "userdata")).isEmpty();
            assertThat(Nodes.text(n, "name")).isEqualTo("");
            assertThat(Nodes.bool(n, "presenter")).isFalse();
            assertThat(Nodes.longValue(n, "time", 0)).isZero();
            assertThat(Nodes.map(n, "userdata")).isEmpty();
            assertThat(Nodes.child(n, "userdata").isMissingNode()).isTrue();
        }
        assertThat(Nodes.string(answer, "userID")).contains("u-42");
        assertThat(Nodes.string(event, "internal-user-id")).contains("w_1");
    }

    @Test
    void nullAndWrongTypes_readAsAbsent_neverNull() {
        JsonNode n = JSON.readTree("{\"s\":null,\"o\":{},\"a\":[],\"b\":\"yes\",\"f\":2.5,\"huge\":1e20,\"t\":\" x \"}");
        assertThat(Nodes.string(n, "s")).isEmpty();
        assertThat(Nodes.string(n, "o")).isEmpty();
        assertThat(Nodes.string(n, "a")).isEmpty();
        assertThat(Nodes.flag(n, "b")).isEmpty();
        assertThat(Nodes.number(n, "f")).isEmpty();
        assertThat(Nodes.number(n, "huge")).isEmpty();
        assertThat(Nodes.string(n, "t")).as("callbacks keep text as sent").contains(" x ");
        assertThat(Nodes.text(n, "t")).as("answers trim XML indentation").isEqualTo("x");
        assertThat(Nodes.text(n, "s")).isEqualTo("");
    }

    @Test
    void integer_isTheWholeNumberThatFitsAnInt_theSameForCallbacksAndAnswers() {
        JsonNode n = JSON.readTree("{\"i\":42,\"t\":\" 7 \",\"whole\":3.0,\"max\":2147483647,\"over\":2147483648,"
                + "\"under\":-2147483649,\"f\":2.5}");
        assertThat(Nodes.integer(n, "i")).hasValue(42);
        assertThat(Nodes.integer(n, "t")).hasValue(7);
        assertThat(Nodes.integer(n, "whole")).hasValue(3);
        assertThat(Nodes.integer(n, "max")).hasValue(Integer.MAX_VALUE);
        for (String absent : new String[] {"over", "under", "f", "missing"}) {
            assertThat(Nodes.integer(n, absent)).as(absent).isEmpty();
            assertThat(Nodes.intValue(n, absent, -1)).as(absent).isEqualTo(-1);
        }
        assertThat(Nodes.intValue(n, "max", -1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void xmlAndJson_readTheSameValues() {
        JsonNode answer = xml("<r><running> TRUE </running><n>42</n><m><a>1</a></m><e k='v'>t</e><e>u</e></r>");
        JsonNode event = JSON.readTree("{\"running\":true,\"n\":42,\"m\":{\"a\":\"1\"},\"e\":[\"t\",\"u\"]}");
        for (JsonNode n : new JsonNode[] {answer, event}) {
            assertThat(Nodes.flag(n, "running")).contains(true);
            assertThat(Nodes.number(n, "n")).hasValue(42);
            assertThat(Nodes.stringMap(n, "m")).isEqualTo(Map.of("a", "1"));
            assertThat(Nodes.string(n, "e")).as("a repeated element reads as its first").contains("t");
            assertThat(Nodes.texts(n, "e")).containsExactly("t", "u");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L})
    void randomScalars_readTheSameFromXmlAndJson(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String value = randomText(random);
            String escaped = value.replace("&", "&amp;").replace("<", "&lt;");
            JsonNode answer = xml("<r><v>" + escaped + "</v></r>");
            JsonNode event = JSON.readTree("{\"v\":" + JSON.writeValueAsString(value) + "}");
            String why = "seed " + seed + ", value '" + value + "'";
            // Jackson's XML reader gives an empty element as "": the same absent rule follows from both.
            assertThat(Nodes.text(answer, "v")).as(why).isEqualTo(Nodes.text(event, "v"));
            assertThat(Nodes.flag(answer, "v")).as(why).isEqualTo(Nodes.flag(event, "v"));
            assertThat(Nodes.number(answer, "v")).as(why).isEqualTo(Nodes.number(event, "v"));
            assertThat(Nodes.bool(answer, "v")).as(why).isEqualTo(Nodes.flag(event, "v").orElse(false));
            OptionalLong parsed = parse(value.trim());
            assertThat(Nodes.number(event, "v")).as(why).isEqualTo(parsed);
            assertThat(Nodes.longValue(answer, "v", -7)).as(why).isEqualTo(parsed.orElse(-7));
            Optional<String> s = Nodes.string(event, "v");
            assertThat(s).as(why).contains(value);
        }
    }

    private static OptionalLong parse(String s) {
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String randomText(Random random) {
        String[] pool = {"true", "FALSE", " True ", "0", "-12", "+3", "9223372036854775808", "42x", "", " ", "ä", "Ǆ", "1.5"};
        if (random.nextBoolean()) {
            return pool[random.nextInt(pool.length)];
        }
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            b.append("tRuEfals0123456789 -+xİı".charAt(random.nextInt(24)));
        }
        return b.toString();
    }
}
