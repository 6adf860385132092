// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.portal.MeetingDefaults;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter's meeting defaults as the gateway's create policy: they tighten what Moodle asked for, never loosen it. */
class CreateSettingsTest {
    static final String SECRET = Secrets.forbid("create-settings-secret-0123456789abcdef");

    @Test
    void lessonDefaults_areEnforcedOnCreate_overWhatMoodleSent() {
        try (BbbSimulator sim = BbbSimulator.start();
                Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                        .createSettings(MeetingDefaults.defaults().settings(RoomKind.LESSON))
                        .tenant(Tenant.builder("moodle", SECRET, sim.baseUrl(), Secrets.forbid(sim.secret())).build()).build());
                FakeMoodle moodle = new FakeMoodle(gateway.url().toString(), SECRET)) {
            assertThat(el(moodle.call("create", Map.of("meetingID", "room-1", "name", "Raum", "muteOnStart", "false")).body(),
                    "returncode")).isEqualTo("SUCCESS");
            Map<String, String> sent = sim.meeting("moodle-room-1").orElseThrow().createParameters();
            assertThat(sent).containsEntry("muteOnStart", "true").containsEntry("endWhenNoModerator", "true")
                    .containsEntry("webcamsOnlyForModerator", "true");
            assertThat(sent.get("disabledFeatures")).contains("learningDashboard", "privateChat");
        }
    }
}
