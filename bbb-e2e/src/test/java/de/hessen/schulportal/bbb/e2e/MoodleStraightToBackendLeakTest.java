// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.e2e.moodle.MoodleBrowser;
import de.hessen.schulportal.bbb.e2e.servers.MoodleSite;
import de.hessen.schulportal.bbb.e2e.servers.RealMoodle;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.EndToEnd;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control for the privacy search: the same Moodle pointed straight at the simulator, no gateway
 * between. Every check of {@link BackendLog#leaks} must now find what Moodle sends, or it would
 * not prove anything when it finds nothing behind the gateway.
 */
@EndToEnd
@ExtendWith(RealMoodle.class)
class MoodleStraightToBackendLeakTest {
    @Test
    void privacyChecks_withoutTheGateway_findEveryLeak(MoodleSite site) {
        try (BbbSimulator sim = BbbSimulator.builder().start()) {
            Secrets.forbid(sim.secret());
            RealMoodleRun run = RealMoodleRun.start(site, sim.baseUrl(), sim.secret(), RealMoodleRun.Algorithm.SHA256);
            for (MoodleBrowser person : List.of(run.teacher, run.pupil)) {
                URI join = run.joinAtMoodle(person);
                assertThat(join.getAuthority()).isEqualTo("127.0.0.1:" + sim.port());
                assertThat(run.browse(join).statusCode()).isEqualTo(302);
            }
            run.teacher.ajax("mod_bigbluebuttonbn_end_meeting", Map.of("bigbluebuttonbnid", run.activity.instanceId(), "groupid", 0));

            Map<String, List<BackendLog.Field>> leaks = BackendLog.of(sim).leaks(run.facts());

            assertThat(leaks).as("checks that found nothing").allSatisfy((check, found) -> assertThat(found).as(check).isNotEmpty());
            assertThat(leaks).hasSize(10);
        }
    }
}
