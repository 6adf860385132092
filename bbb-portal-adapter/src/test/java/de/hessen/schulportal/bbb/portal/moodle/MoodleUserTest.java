// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import static org.assertj.core.api.Assertions.assertThat;

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
}
