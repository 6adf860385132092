// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Callbacks are partial by design (docs/values.md): a field an event leaves out reads as an empty
 * {@code Optional}, never {@code null} and never a made-up {@code ""} or {@code false}; values of
 * unexpected types read the same.
 */
class CallbackAbsentFieldsTest {
    private static final String IDS_ONLY = "{\"meeting\":{\"internal-meeting-id\":\"183f-1\",\"external-meeting-id\":\"klasse-7b\"},"
            + "\"user\":{\"internal-user-id\":\"w_1\"},\"poll\":{},\"chat-message\":{}}";

    /** Every public accessor of the value, called; each answer must be non-null. */
    static List<Object> accessorsOf(Object value) {
        List<Object> results = new ArrayList<>();
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object result;
            try {
                result = m.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(value.getClass().getSimpleName() + "." + m.getName(), e);
            }
            assertThat(result).as(value.getClass().getSimpleName() + "." + m.getName() + "()").isNotNull();
            results.add(result);
        }
        assertThat(results).isNotEmpty();
        return results;
    }

    private static boolean isEmptyOptional(Object o) {
        return o.equals(Optional.empty()) || o.equals(OptionalLong.empty()) || o.equals(OptionalInt.empty());
    }

    @Test
    void fieldsAnEventLeavesOut_readAsEmptyOptionals() {
        WebhookEvent e = WebhookEventParsingTest.deliver(WebhookEventParsingTest.mapped("rap-archive-started", IDS_ONLY, 1L)).events().get(0);
        WebhookUser u = e.user().orElseThrow();
        assertThat(u.internalUserId()).contains("w_1");
        // The same wire fields an answer reads as "" and false (Attendee.fullName(), isPresenter()):
        assertThat(u.name()).isEqualTo(Optional.empty());
        assertThat(u.isPresenter()).isEqualTo(Optional.empty());
        assertThat(u.rawRole()).isEqualTo(Optional.empty());
        assertThat(u.externalUserId()).isEqualTo(Optional.empty());

        List<Object> all = new ArrayList<>();
        all.addAll(accessorsOf(e));
        all.addAll(accessorsOf(u));
        all.addAll(accessorsOf(e.meeting().orElseThrow()));
        all.addAll(accessorsOf(e.recording().orElseThrow()));
        all.addAll(accessorsOf(e.poll().orElseThrow()));
        all.addAll(accessorsOf(e.chatMessage().orElseThrow()));
        long empties = all.stream().filter(CallbackAbsentFieldsTest::isEmptyOptional).count();
        assertThat(empties).as("the fields this event does not send").isGreaterThan(40);
        assertThat(e.meeting().orElseThrow().name()).isEmpty();
        assertThat(e.recording().orElseThrow().recordId()).isEmpty();
        assertThat(e.chatMessage().orElseThrow().text()).isEmpty();
    }

    @Test
    void builtWithNothingSet_everyAccessorAnswers_andOptionalsAreEmpty() {
        List<Object> values = List.of(WebhookEvent.builder().build(), WebhookUser.builder().build(), WebhookMeeting.builder().build(),
                WebhookRecording.builder().build(), WebhookChatMessage.builder().build(), WebhookPoll.builder().build(),
                WebhookDelivery.builder().build(), RecordingReady.builder().build(), AnalyticsCallback.builder().build(),
                MeetingEnded.builder().issuedAt(Instant.EPOCH).build());
        for (Object v : values) {
            for (Object result : accessorsOf(v)) {
                if (result instanceof Optional || result instanceof OptionalLong || result instanceof OptionalInt) {
                    assertThat(isEmptyOptional(result)).as(v.getClass().getSimpleName() + ": " + result).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L})
    void randomlyTypedUserFields_neverNull_andEqualWhenReadTwice(long seed) {
        Random random = new Random(seed);
        String[] fields = {"internal-user-id", "external-user-id", "name", "role", "presenter", "guest", "muted", "listening-only",
            "sharing-mic", "raise-hand", "emoji", "stream", "userdata"};
        String[] values = {"null", "true", "false", "\"true\"", "\"\"", "\"w_x\"", "0", "-1", "1.5", "1e30", "[]", "[true]",
            "{}", "{\"a\":\"b\",\"n\":null,\"o\":{\"x\":1}}", "\"ä ✓ \\u0000\""};
        for (int i = 0; i < 50; i++) {
            StringBuilder user = new StringBuilder("{");
            for (String f : fields) {
                if (random.nextBoolean()) {
                    // Only the name carries the personal marker, so toString() must not show it.
                    String v = f.equals("name") && random.nextBoolean() ? "\"Frau Schmidt\"" : values[random.nextInt(values.length)];
                    user.append(user.length() > 1 ? "," : "").append('"').append(f).append("\":").append(v);
                }
            }
            String event = WebhookEventParsingTest.mapped("user-joined", "{\"user\":" + user + "}}", 1L);
            WebhookEvent a = WebhookEventParsingTest.deliver(event).events().get(0);
            WebhookEvent b = WebhookEventParsingTest.deliver(event).events().get(0);
            String why = "seed " + seed + ", user " + user;
            assertThat(a).as(why).isEqualTo(b).hasSameHashCodeAs(b);
            WebhookUser u = a.user().orElseThrow();
            accessorsOf(u);
            assertThat(u.toString()).as(why).doesNotContain("Frau Schmidt");
            assertThat(a.toString()).as(why).doesNotContain("Frau Schmidt");
            if (user.toString().contains("\"name\":\"Frau Schmidt\"")) {
                assertThat(u.name()).as(why).contains("Frau Schmidt");
            } else if (!user.toString().contains("\"name\":")) {
                assertThat(u.name()).as(why + ": no name sent").isEmpty();
            }
        }
    }
}
