// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The logout cookie: attributes, keyed value, scoped to one link. */
class LogoutBindingTest {
    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];

    static {
        OTHER_KEY[0] = 1;
    }

    static String value(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void setCookie_isScopedToTheLink_httpOnlyLax_andSecureOnlyOnHttps() {
        String link = "https://gw.example.org/prefix/gateway/logout/AbC-123_x";
        String https = new LogoutBinding(KEY, "https://gw.example.org/prefix/").setCookie(link);
        assertThat(https).startsWith("bbb_gw_logout=").contains("; Path=/prefix/gateway/logout/AbC-123_x", "; HttpOnly",
                "; SameSite=Lax", "; Secure", "; Max-Age=21600");
        assertThat(new LogoutBinding(KEY, "http://127.0.0.1:8090/").setCookie(link)).doesNotContain("Secure");
    }

    @Test
    void isBound_onlyWithTheKeyedValueOfThatToken() {
        LogoutBinding binding = new LogoutBinding(KEY, "http://gw/");
        String cookie = value(binding.setCookie("http://gw/gateway/logout/token-1"));
        assertThat(binding.isBound("token-1", List.of("a=b; " + cookie + "; c=d"))).isTrue();
        assertThat(binding.isBound("token-1", List.of("a=b", cookie))).as("split over two Cookie headers").isTrue();
        assertThat(binding.isBound("token-2", List.of(cookie))).as("another meeting's link").isFalse();
        assertThat(binding.isBound("token-1", List.of())).isFalse();
        assertThat(binding.isBound("token-1", List.of("bbb_gw_logout=token-1"))).as("the token itself").isFalse();
        assertThat(new LogoutBinding(OTHER_KEY, "http://gw/").isBound("token-1", List.of(cookie)))
                .as("another gateway key").isFalse();
    }
}
