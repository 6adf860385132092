// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.NodePackages;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real client that nobody here wrote, bigbluebutton-js 0.2.0 from npm, drives the gateway
 * (src/test/js/drive-gateway.js). Needs node and npm: without them the test is skipped with a
 * message, unless {@code CI=true}, where it fails. The package is installed into
 * {@code target/js-client} (what {@code bbb-benchmarks/run.sh} does for the peer benchmark).
 */
class BigBlueButtonJsTest {
    static final String SECRET = Secrets.forbid("js-client-secret-0123456789abcdef");
    static final long PROCESS_BOUND_SECONDS = 300;

    @Test
    void bigbluebuttonJs_drivesTheGateway() throws Exception {
        Path dir = Path.of("target", "js-client").toAbsolutePath();
        Path modules = NodePackages.install(dir, "bigbluebutton-js", "0.2.0");
        Path script = Path.of("src", "test", "js", "drive-gateway.js").toAbsolutePath();
        try (BbbSimulator sim = BbbSimulator.start();
                Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                        .tenant(Tenant.builder("js", SECRET, sim.baseUrl(), Secrets.forbid(sim.secret())).build()).build())) {
            ProcessBuilder pb = new ProcessBuilder("node", script.toString(), gateway.url() + "bigbluebutton/", SECRET, "js-room-1")
                    .directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("NODE_PATH", modules.toString());
            Process p = pb.start();
            assertThat(p.waitFor(PROCESS_BOUND_SECONDS, TimeUnit.SECONDS)).as("node finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("create ok", "getMeetingInfo ok", "join ok", "getMeetings ok", "end ok", "wrongSecret ok", "all ok");
            String join = sim.requests().stream().filter(r -> r.callName().orElse("").equals("join"))
                    .map(r -> r.rawQuery().orElse("")).findFirst().orElseThrow();
            assertThat(join).contains("fullName=Jonas+W.").doesNotContain("Weber").doesNotContain("userID=99");
            assertThat(sim.meeting("js-js-room-1").orElseThrow().name()).isEqualTo("Unterricht");
        }
    }
}
