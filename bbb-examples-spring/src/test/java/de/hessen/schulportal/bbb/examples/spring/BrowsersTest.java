// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The browser test never passes silently: without Chromium it fails on CI and says so elsewhere. */
class BrowsersTest {
    @Test
    void verdict_runsWhenInstalled_failsOnCi_skipsElsewhere() {
        assertThat(Browsers.verdict(true, "true")).isEqualTo(Browsers.Verdict.RUN);
        assertThat(Browsers.verdict(true, null)).isEqualTo(Browsers.Verdict.RUN);
        assertThat(Browsers.verdict(false, "true")).isEqualTo(Browsers.Verdict.FAIL);
        assertThat(Browsers.verdict(false, "TRUE")).isEqualTo(Browsers.Verdict.FAIL);
        assertThat(Browsers.verdict(false, null)).isEqualTo(Browsers.Verdict.SKIP);
        assertThat(Browsers.verdict(false, "false")).isEqualTo(Browsers.Verdict.SKIP);
        assertThat(Browsers.MISSING).contains("apt-get install -y chromium chromium-driver");
    }
}
