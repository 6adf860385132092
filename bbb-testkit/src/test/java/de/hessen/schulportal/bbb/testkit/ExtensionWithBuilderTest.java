// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionWithBuilderTest {
    @RegisterExtension
    static final BbbSimulatorExtension SCALELITE = BbbSimulatorExtension.with(BbbSimulator.builder()
            .mode(SimulatorMode.SCALELITE).servers(3).tenant("schule-a", "secret-a"));

    static BbbSimulator sim;

    @Test
    void simulatorStartedFromTheBuilder_injected(BbbSimulator parameter) {
        assertThat(parameter).isSameAs(sim);
        assertThat(sim.mode()).isEqualTo(SimulatorMode.SCALELITE);
        assertThat(sim.servers()).extracting(SimulatedServer::id).containsExactly("bbb1", "bbb2", "bbb3");
        assertThat(Api.text(new Api(sim.baseUrl("schule-a") + "api/", "secret-a").get("getMeetings"), "messageKey"))
                .isEqualTo("noMeetings");
    }
}
