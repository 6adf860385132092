// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.gateway.config.TenantsFile;
import de.hessen.schulportal.bbb.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's files (src/main/dist) are what an operator can use as they are: the systemd
 * unit passes {@code systemd-analyze verify} and keeps its sandboxing, the example tenants file
 * is valid, the example environment names only variables the gateway reads, the start script is
 * valid shell. The archive itself is built by {@code -Pdist} (README "Installing the distribution").
 */
class DistributionTest {
    private static final Path DIST = Path.of("src", "main", "dist").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void systemdUnit_passesSystemdAnalyzeVerify_withItsSandboxing() throws Exception {
        String unit = Files.readString(DIST.resolve("systemd/bbb-gateway.service"), StandardCharsets.UTF_8);
        for (String line : List.of("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "CapabilityBoundingSet=\n",
                "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service", "ProtectHome=yes",
                "EnvironmentFile=/etc/bbb-gateway/bbb-gateway.env")) {
            assertThat(unit).as("unit has %s", line.strip()).contains(line);
        }
        assertThat(unit).as("the JVM's JIT needs writable+executable memory").doesNotContain("\nMemoryDenyWriteExecute=");
        boolean present = new ProcessBuilder("sh", "-c", "command -v systemd-analyze").start().waitFor() == 0;
        if (!present) {
            Prerequisites.unavailable("systemd-analyze is not installed (.ci/run installs it: apt-get install -y systemd)");
        }
        // verify checks that ExecStart= exists: point it at the script in this checkout.
        Path copy = dir.resolve("bbb-gateway.service");
        Files.writeString(copy, unit.replace("ExecStart=/opt/bbb-gateway/bin/bbb-gateway",
                "ExecStart=" + DIST.resolve("bin/bbb-gateway")), StandardCharsets.UTF_8);
        Process verify = new ProcessBuilder("systemd-analyze", "verify", copy.toString()).redirectErrorStream(true).start();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as("systemd-analyze verify: %s", out).isZero();
        assertThat(out).as("systemd-analyze verify warns about nothing").isBlank();

        // The check can fail: an unknown key is reported.
        Files.writeString(copy, Files.readString(copy).replace("[Service]", "[Service]\nProtectSystm=strict"));
        Process broken = new ProcessBuilder("systemd-analyze", "verify", copy.toString()).redirectErrorStream(true).start();
        String complaint = new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(broken.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(complaint).contains("ProtectSystm");
    }

    @Test
    void exampleTenantsFile_isValid() {
        List<Tenant> tenants = TenantsFile.read(DIST.resolve("conf/tenants.example.json"));
        assertThat(tenants).extracting(Tenant::id).containsExactly("schule1", "schule2");
        assertThat(tenants.get(1).previousClientSecret()).isPresent();
    }

    @Test
    void exampleEnvironment_namesOnlyVariablesTheGatewayReads() throws IOException {
        String env = Files.readString(DIST.resolve("conf/bbb-gateway.env.example"), StandardCharsets.UTF_8);
        String documented = Files.readString(Path.of("src/main/java/de/hessen/schulportal/bbb/gateway/GatewayEnvironment.java"),
                StandardCharsets.UTF_8) + Files.readString(DIST.resolve("bin/bbb-gateway"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]+)=").matcher(env);
        List<String> names = m.results().map(r -> r.group(1)).collect(Collectors.toList());
        assertThat(names).contains("GATEWAY_PUBLIC_URL", "GATEWAY_PSEUDONYM_KEY", "GATEWAY_TENANTS_FILE", "GATEWAY_LOG_FORMAT");
        for (String name : names) {
            assertThat(documented).as("%s is read by GatewayEnvironment or bin/bbb-gateway", name).contains(name);
        }
    }

    @Test
    void startScript_isValidShell_andRefusesAnUnknownLogFormat() throws Exception {
        Path script = DIST.resolve("bin/bbb-gateway");
        assertThat(Files.isExecutable(script)).isTrue();
        Process syntax = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(syntax.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(syntax.exitValue()).isZero();
        ProcessBuilder pb = new ProcessBuilder(script.toString()).redirectErrorStream(true);
        pb.environment().put("GATEWAY_LOG_FORMAT", "xml");
        Process wrong = pb.start();
        String out = new String(wrong.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isEqualTo(2);
        assertThat(out).contains("GATEWAY_LOG_FORMAT must be plain or json");
    }
}
