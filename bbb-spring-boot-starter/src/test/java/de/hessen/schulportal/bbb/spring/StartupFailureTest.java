// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/** A missing or wrong value stops the start with a report naming the property, never its value. */
class StartupFailureTest {
    private static final String URL = "http://127.0.0.1:9/bigbluebutton/";
    private static final String SPACED_SECRET = Secrets.forbid("d41d8cd98f00b204e9800998ecf8427e") + "\n";
    private static final String SHORT_KEY = Secrets.forbid("c2hvcnQta2V5LW9ubHk=");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BbbAutoConfiguration.class));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "secret missing             | bbb.secret                | url",
        "url missing                | bbb.url                   | secret",
        "url not http               | bbb.url                   | url=ftp://bbb.example.org/bigbluebutton/,secret",
        "secret with a line break   | bbb.secret                | url,spacedSecret",
        "retries out of range       | bbb.max-retries           | url,secret,bbb.max-retries=11",
        "negative timeout           | bbb.request-timeout       | url,secret,bbb.request-timeout=-1s",
        "tenant secret missing      | bbb.tenants.6021.secret   | bbb.tenants.6021.url=" + URL,
        "pseudonym key too short    | bbb.portal.pseudonym-key  | url,secret,shortKey",
        "pseudonym key, no server   | bbb.portal.pseudonym-key  | pseudonymKey",
    })
    void failure_namesTheProperty_neverTheValue(String what, String property, String settings) {
        ApplicationContextRunner configured = runner.withPropertyValues(properties(settings));
        if (settings.contains("spacedSecret")) {
            // Property files and withPropertyValues trim values; an environment variable or a secret store does not.
            configured = configured.withInitializer(c -> c.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("vault", Map.of("bbb.secret", SPACED_SECRET))));
        }
        configured.run(ctx -> {
            Throwable failure = ctx.getStartupFailure();
            assertThat(failure).as(what).isNotNull();
            FailureAnalysis analysis = new BbbConfigurationFailureAnalyzer().analyze(failure);
            assertThat(analysis).as(what + ": analysed by the starter").isNotNull();
            assertThat(analysis.getDescription()).contains(property);
            assertThat(analysis.getAction()).isNotBlank();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertNoSecret(what, t.getMessage());
                assertNoSecret(what, t.toString());
            }
            assertNoSecret(what, analysis.getDescription());
            assertNoSecret(what, analysis.getAction());
        });
    }

    /** Also proves the analyzer is registered: only it writes this description. */
    @Test
    void springApplication_logsTheReport_withThePropertyAndWithoutTheSecret() {
        SpringApplication app = new SpringApplication(FailingApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("bbb.url", URL, "bbb.secret", SPACED_SECRET));
        assertThatThrownBy(app::run).isNotNull();
        List<String> lines = CapturingLoggerProvider.lines();
        assertThat(String.join("\n", lines)).contains("APPLICATION FAILED TO START")
                .contains("The BigBlueButton configuration is incomplete or wrong: bbb.secret");
        lines.forEach(line -> assertNoSecret("log line", line));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(BbbAutoConfiguration.class)
    static class FailingApp {
    }

    private static String[] properties(String settings) {
        List<String> out = new ArrayList<>();
        for (String s : settings.split(",")) {
            switch (s.strip()) {
                case "url":
                    out.add("bbb.url=" + URL);
                    break;
                case "secret":
                    out.add("bbb.secret=" + Secrets.SECRET);
                    break;
                case "spacedSecret":
                    break;
                case "shortKey":
                    out.add("bbb.portal.pseudonym-key=" + SHORT_KEY);
                    break;
                case "pseudonymKey":
                    out.add("bbb.portal.pseudonym-key=" + TestServers.PSEUDONYM_KEY);
                    break;
                default:
                    out.add(s.strip().startsWith("url=") ? "bbb." + s.strip() : s.strip());
            }
        }
        return out.toArray(new String[0]);
    }

    private static void assertNoSecret(String what, String text) {
        if (text == null) {
            return;
        }
        Secrets.assertNoLeak(what, text);
        assertThat(text).as(what).doesNotContain(SPACED_SECRET.strip()).doesNotContain(SHORT_KEY)
                .doesNotContain(TestServers.PSEUDONYM_KEY);
    }
}
