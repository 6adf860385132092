// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {
    /** Starts from the arguments with standard output captured in {@code out}. */
    private static BbbSimulator startPrinting(ByteArrayOutputStream out, String... args) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return BbbSimulatorMain.startFrom(args);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void startFrom_arguments_printsUrlAndSecretAndServes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BbbSimulator sim = startPrinting(out, "--port", "0", "--secret", "cli-secret", "--checksum-algorithms", "sha256,sha512");
        try {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("URL:    " + sim.baseUrl()).contains("Secret: cli-secret");
            assertThat(sim.clock().isManual()).isFalse();
            assertThat(Api.text(new Api(sim).algorithm("SHA-512").get("getMeetings"), "returncode")).isEqualTo("SUCCESS");
            assertThat(Api.text(new Api(sim).algorithm("SHA-1").get("getMeetings"), "messageKey")).isEqualTo("checksumError");
        } finally {
            sim.close();
        }
    }

    @Test
    void startFrom_badArguments_rejected() {
        assertThatThrownBy(() -> BbbSimulatorMain.startFrom(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> BbbSimulatorMain.startFrom(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BbbSimulatorMain.startFrom(new String[] {"--checksum-algorithms", "md5"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BbbSimulatorMain.startFrom(new String[] {"--help"})).isNull();
    }

    @Test
    void main_portTaken_oneClearLineAndExitStatus1_noStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    BbbSimulatorMain.class.getName(), "--port", String.valueOf(taken.getLocalPort())).start();
            p.getOutputStream().close();
            // A generous bound only against a hung child; the assertion is on what it printed.
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(err.lines().toList()).singleElement().asString()
                    .isEqualTo("bbb-testkit: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"
                            + " (choose another with --port, or --port 0 for any free port)");
        }
    }

    @Test
    void startFrom_scaleliteWithTenants_printsTenantUrls() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BbbSimulator sim = startPrinting(out, "--port", "0", "--mode", "scalelite", "--servers", "3",
                "--tenant", "schule-a:sa1:sa2", "--tenant", "schule-b:sb");
        try {
            assertThat(sim.mode()).isEqualTo(SimulatorMode.SCALELITE);
            assertThat(sim.servers()).hasSize(3);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Tenant: schule-a " + sim.baseUrl("schule-a"))
                    .contains("Tenant: schule-b " + sim.baseUrl("schule-b"));
            for (String secret : List.of("sa1", "sa2")) {
                assertThat(Api.text(new Api(sim.baseUrl("schule-a") + "api/", secret).get("getMeetings"), "messageKey"))
                        .isEqualTo("noMeetings");
            }
        } finally {
            sim.close();
        }
        assertThatThrownBy(() -> BbbSimulatorMain.startFrom(new String[] {"--mode", "b3lb"}))
                .hasMessageContaining("--mode must be bbb-web or scalelite");
        assertThatThrownBy(() -> BbbSimulatorMain.startFrom(new String[] {"--tenant", "nosecret"}))
                .hasMessageContaining("name:secret");
    }
}
