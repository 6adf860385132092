// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting a group of create settings declares reaches the wire: built with every setting
 * set, a group has one create parameter per setting; built with none, it has none. So an accessor
 * added to a declaration without its line in {@code parameters()} fails here instead of being
 * silently left out of the request. (Plugins, whose settings are lists, is covered by
 * Parameters30Test's exact query.)
 */
class CreateSettingGroupsTest {
    static Stream<Class<?>> groups() {
        return Stream.of(LockSettings.class, Branding.class, MeetingTimers.class, PresentationSettings.class,
                BreakoutRoomSettings.class, CameraSettings.class, MediaBridges.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void group_withEverySettingSet_sendsOneParameterPerSetting(Class<?> group) throws Exception {
        Object builder = group.getMethod("builder").invoke(null);
        int settings = 0;
        for (Method accessor : group.getMethods()) {
            if (Modifier.isStatic(accessor.getModifiers()) || accessor.getParameterCount() != 0
                    || accessor.getName().equals("parameters")) {
                continue;
            }
            if (accessor.getReturnType() == OptionalInt.class) {
                builder.getClass().getMethod(accessor.getName(), int.class).invoke(builder, 1);
            } else if (accessor.getReturnType() == Optional.class) {
                Type element = ((ParameterizedType) accessor.getGenericReturnType()).getActualTypeArguments()[0];
                if (element == Boolean.class) {
                    builder.getClass().getMethod(accessor.getName(), boolean.class).invoke(builder, true);
                } else {
                    builder.getClass().getMethod(accessor.getName(), (Class<?>) element).invoke(builder, sample(element));
                }
            } else {
                continue;
            }
            settings++;
        }
        Object all = builder.getClass().getMethod("build").invoke(builder);
        Map<String, String> parameters = ((ParameterGroup) all).parameters();
        assertThat(settings).as("settings of %s", group.getSimpleName()).isPositive();
        assertThat(parameters).as("parameters of %s", all).hasSize(settings).doesNotContainValue("");
        Object none = group.getMethod("builder").invoke(null);
        assertThat(((ParameterGroup) none.getClass().getMethod("build").invoke(none)).parameters()).isEmpty();
    }

    /** A value every setting of its type accepts (the colour is also plain text and a name). */
    private static Object sample(Type type) {
        if (type == String.class) {
            return "#0A5C9E";
        }
        if (type == URI.class) {
            return URI.create("https://schule.example/a.pdf");
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(3);
        }
        throw new AssertionError("a create setting of a type this test does not know: " + type);
    }
}
