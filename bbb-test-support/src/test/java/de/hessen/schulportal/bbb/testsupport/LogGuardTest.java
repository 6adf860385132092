// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The guard itself: what it catches, what it lets through, and that it is the only binding. */
class LogGuardTest {
    private static final String HEX64 = "ab".repeat(32);

    @Test
    void leakIn_detectsEveryKindOfSecret() {
        assertThat(Secrets.leakIn("x " + Secrets.SECRET)).isEqualTo("a registered secret");
        assertThat(Secrets.leakIn("GET /api/getMeetings?checksum=" + HEX64)).isEqualTo("an unmasked checksum");
        assertThat(Secrets.leakIn("https://h/bigbluebutton/api/join?fullName=A&meetingID=m&checksum=abc"))
                .isEqualTo("a complete join URL");
        assertThat(Secrets.leakIn("/api/create?name=x&moderatorPW=mp-1&checksum=***")).isEqualTo("an unmasked password");
        assertThat(Secrets.leakIn("attendeePW=ap")).isEqualTo("an unmasked password");
        assertThat(Secrets.leakIn("join?password=pw&x=1")).isEqualTo("an unmasked password");
    }

    @Test
    void leakIn_acceptsRedactedText() {
        assertThat(Secrets.leakIn("/api/join?fullName=A&password=***&checksum=***")).isNull();
        assertThat(Secrets.leakIn("[call=join status=200 returncode=SUCCESS tookMs=3 retries=0]")).isNull();
        assertThat(Secrets.leakIn("the password must be 2..64 characters")).isNull();
        assertThat(Secrets.leakIn(null)).isNull();
    }

    @Test
    void assertNoLeak_failsWithoutRepeatingTheSecret() {
        String forbidden = Secrets.forbid("s3cr3t-" + System.nanoTime());
        assertThatThrownBy(() -> Secrets.assertNoLeak("toString()", "x=" + forbidden + " moderatorPW=mp9"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("toString() contains")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(forbidden).doesNotContain("mp9"));
    }

    @Test
    void capturingProvider_isTheOnlyBindingAndCapturesTrace() {
        assertThat(LogGuardExtension.bindingProblem()).isNull();
        CapturingLoggerProvider.clear();
        LoggerFactory.getLogger("guard-test").trace("hello {}", "trace");
        assertThat(CapturingLoggerProvider.lines()).containsExactly("TRACE guard-test - hello trace");
        CapturingLoggerProvider.clear();
    }
}
