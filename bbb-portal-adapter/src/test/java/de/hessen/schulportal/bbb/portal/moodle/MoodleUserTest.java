// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** MoodleUser's public surface is {@code of(...)} and its accessors, as before it was generated. */
class MoodleUserTest {

    @Test
    void noCopyMethods_noBuilder() {
        // @Value.Immutable on the declaration replaces the style's defaults, so it must repeat copy = false.
        assertThat(Arrays.stream(MoodleUser.class.getMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)).noneMatch(n -> n.startsWith("with")).doesNotContain("builder", "copyOf")
                .contains("of", "siteId", "userId", "username", "firstName", "lastName");
    }

    @Test
    void of_refusesNullsFirst_thenTheRules_eachNamed() {
        assertThatThrownBy(() -> MoodleUser.of(null, 1, "u", "A", "B")).isInstanceOf(NullPointerException.class)
                .hasMessage("siteId");
        assertThatThrownBy(() -> MoodleUser.of("bad site", 0, null, "A", "B")).as("nulls before the rules")
                .isInstanceOf(NullPointerException.class).hasMessage("username");
        assertThatThrownBy(() -> MoodleUser.of("s", 1, "u", null, "B")).isInstanceOf(NullPointerException.class)
                .hasMessage("firstName");
        assertThatThrownBy(() -> MoodleUser.of("s", 1, "u", "A", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("lastName");
        assertThatThrownBy(() -> MoodleUser.of("bad site", 0, "u", "A", "B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("siteId must match [A-Za-z0-9._-]{1,64}");
        assertThatThrownBy(() -> MoodleUser.of("x".repeat(65), 1, "u", "A", "B"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("siteId must match");
        assertThatThrownBy(() -> MoodleUser.of("s", 0, "u", "A", "B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userId must be positive, was 0");
        MoodleUser ok = MoodleUser.of("schulmoodle-6021", 4711, "kyilmaz", "Kim", "Yilmaz");
        assertThat(ok.toString()).contains("schulmoodle-6021").doesNotContain("4711").doesNotContain("kyilmaz")
                .doesNotContain("Kim").doesNotContain("Yilmaz");
    }
}
