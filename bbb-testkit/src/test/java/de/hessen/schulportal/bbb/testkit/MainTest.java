package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void startFrom_arguments_printsUrlAndSecretAndServes() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        BbbSimulator sim;
        try {
            sim = BbbSimulatorMain.startFrom(new String[] {"--port", "0", "--secret", "cli-secret",
                "--checksum-algorithms", "sha256,sha512"});
        } finally {
            System.setOut(original);
        }
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
}
