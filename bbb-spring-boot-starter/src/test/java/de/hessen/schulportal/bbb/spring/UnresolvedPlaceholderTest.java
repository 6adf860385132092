// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * {@code bbb.secret=${BBB_SECRET}} with no BBB_SECRET in the environment (the README's own
 * properties, started without the variable) ends in Spring Boot's start-up report naming the
 * property and the placeholder, not in a stack trace. (Without the starter's analyzer Spring Boot
 * logs "Application run failed" with the exception chain from the auto-configuration's condition.)
 */
class UnresolvedPlaceholderTest {
    @Test
    void unresolvedPlaceholder_endsInTheStartupReport() {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("bbb.url", "http://127.0.0.1:9/bigbluebutton/",
                "bbb.secret", "${BBB_SECRET_NOT_SET_IN_THIS_TEST}"));
        assertThatThrownBy(app::run).isNotNull();
        List<String> lines = CapturingLoggerProvider.lines();
        String log = String.join("\n", lines);
        assertThat(log).contains("APPLICATION FAILED TO START")
                .contains("The BigBlueButton configuration refers to ${BBB_SECRET_NOT_SET_IN_THIS_TEST}, which is not set: bbb.secret.")
                .contains("Set BBB_SECRET_NOT_SET_IN_THIS_TEST");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(BbbAutoConfiguration.class)
    static class App {
    }
}
