// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The logout cookie: attributes, keyed value from the tenant's ring, scoped to one link, across a rotation. */
class LogoutBindingTest {
    static final KeyRing RING = KeyRing.single(SealerTest.KEY);
    static final KeyRing OTHER_RING = KeyRing.single(SealerTest.NEW_KEY);

    static String value(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static LogoutBinding binding(KeyRing ring, String publicBase) {
        return new LogoutBinding(t -> t.equals("moodle") ? ring : null, publicBase);
    }

    @Test
    void setCookie_isScopedToTheLink_httpOnlyLax_andSecureOnlyOnHttps() {
        String link = "https://gw.example.org/prefix/gateway/logout/moodle.AbC-123_x";
        String https = binding(RING, "https://gw.example.org/prefix/").setCookie(link);
        assertThat(https).startsWith("bbb_gw_logout=").contains("; Path=/prefix/gateway/logout/moodle.AbC-123_x", "; HttpOnly",
                "; SameSite=Lax", "; Secure", "; Max-Age=21600");
        assertThat(binding(RING, "http://127.0.0.1:8090/").setCookie(link)).doesNotContain("Secure");
        assertThatThrownBy(() -> binding(RING, "http://gw/").setCookie("http://gw/gateway/logout/nobody.AbC"))
                .hasMessageContaining("names no tenant");
    }

    @Test
    void isBound_onlyWithTheKeyedValueOfThatToken() {
        LogoutBinding binding = binding(RING, "http://gw/");
        String cookie = value(binding.setCookie("http://gw/gateway/logout/moodle.token-1"));
        assertThat(binding.isBound("moodle.token-1", List.of("a=b; " + cookie + "; c=d"))).isTrue();
        assertThat(binding.isBound("moodle.token-1", List.of("a=b", cookie))).as("split over two Cookie headers").isTrue();
        assertThat(binding.isBound("moodle.token-2", List.of(cookie))).as("another meeting's link").isFalse();
        assertThat(binding.isBound("moodle.token-1", List.of())).isFalse();
        assertThat(binding.isBound("moodle.token-1", List.of("bbb_gw_logout=moodle.token-1"))).as("the token itself").isFalse();
        assertThat(binding.isBound("other.token-1", List.of(cookie))).as("a tenant without keys").isFalse();
        assertThat(binding(OTHER_RING, "http://gw/").isBound("moodle.token-1", List.of(cookie))).as("another key").isFalse();
    }

    @Test
    void aCookieMadeBeforeARotation_isBoundUntilItsKeyIsRetired() {
        KeyRing before = KeyRing.of("a", Map.of("a", SealerTest.KEY));
        String cookie = value(binding(before, "http://gw/").setCookie("http://gw/gateway/logout/moodle.token-1"));
        KeyRing rotated = KeyRing.of("b", Map.of("a", SealerTest.KEY, "b", SealerTest.NEW_KEY));
        assertThat(binding(rotated, "http://gw/").isBound("moodle.token-1", List.of(cookie))).isTrue();
        assertThat(value(binding(rotated, "http://gw/").setCookie("http://gw/gateway/logout/moodle.token-1")))
                .as("new cookies under the new current key").isNotEqualTo(cookie);
        assertThat(binding(KeyRing.of("b", Map.of("b", SealerTest.NEW_KEY)), "http://gw/").isBound("moodle.token-1", List.of(cookie))).isFalse();
    }
}
