// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BbbSimulatorAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BbbSimulatorAutoConfiguration.class, BbbAutoConfiguration.class));

    @Test
    void oneProperty_startsTheSimulator_andPointsTheClientAtIt() {
        AtomicReference<BbbSimulator> started = new AtomicReference<>();
        runner.withPropertyValues("bbb.testkit.enabled=true", "bbb.url=https://bbb.example.org/bigbluebutton/").run(ctx -> {
            BbbSimulator sim = ctx.getBean(BbbSimulator.class);
            started.set(sim);
            Secrets.forbid(sim.secret());
            BbbClient bbb = ctx.getBean(BbbClient.class);
            assertThat(bbb.apiBaseUrl()).isEqualTo(sim.apiUrl());
            bbb.create(CreateMeetingRequest.builder("testkit-room", "Testkit room").build());
            assertThat(sim.meeting("testkit-room")).isPresent();
        });
        // Stopped with the context: no more answers.
        assertThat(started.get().toString()).isNotNull();
        BbbClient probe = BbbClient.builder().baseUrl(started.get().baseUrl()).secret("x-probe-secret").maxRetries(0).build();
        try {
            assertThat(probe.checkConnection().status().name()).isEqualTo("UNREACHABLE");
        } finally {
            probe.close();
        }
    }

    @Test
    void withoutTheProperty_noSimulator() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(BbbSimulator.class).doesNotHaveBean(BbbClient.class));
    }
}
