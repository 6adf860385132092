// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.NodePackages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An independent client against the standalone simulator: bigbluebutton-js 0.2.0 from npm, run by
 * node, against {@code BbbSimulatorMain} in its own JVM, in both modes and with all four checksum
 * algorithms (Scalelite must refuse SHA-384). The package is installed into {@code target/} on first
 * use. Without node (or when npm cannot install the package) the test fails if the environment
 * variable {@code CI} is {@code true}, and is skipped with the reason otherwise.
 */
class BigBlueButtonJsTest {
    private static final Path MODULES = Path.of("target", "bigbluebutton-js", "node_modules");
    private static final Path DRIVER = Path.of("src", "test", "node", "drive-bigbluebutton-js.js");

    /** One standalone simulator per mode, shared by the four algorithms: each JVM start costs seconds. */
    private static final Map<String, Process> SIMULATORS = new LinkedHashMap<>();
    private static final Map<String, String[]> ENDPOINTS = new LinkedHashMap<>();

    @AfterAll
    static void stopSimulators() throws InterruptedException {
        for (Process p : SIMULATORS.values()) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The URL and secret of the standalone simulator of this mode, started on first use. */
    private static String[] endpoint(String mode) throws IOException {
        if (!ENDPOINTS.containsKey(mode)) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), BbbSimulatorMain.class.getName(),
                    "--port", "0", "--mode", mode));
            command.addAll(mode.equals("scalelite") ? List.of("--tenant", "schule-a:tenant-secret-a")
                    : List.of("--secret", "web-secret"));
            Process sim = new ProcessBuilder(command).redirectErrorStream(true).start();
            SIMULATORS.put(mode, sim);
            Map<String, String> printed = readBanner(sim, mode.equals("scalelite") ? "Tenant" : "Secret");
            ENDPOINTS.put(mode, mode.equals("scalelite")
                    ? new String[] {printed.get("Tenant").split(" ")[1], "tenant-secret-a"}
                    : new String[] {printed.get("URL"), printed.get("Secret")});
        }
        return ENDPOINTS.get(mode);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"bbb-web,sha1", "bbb-web,sha256", "bbb-web,sha384", "bbb-web,sha512",
        "scalelite,sha1", "scalelite,sha256", "scalelite,sha384", "scalelite,sha512"})
    void bigbluebuttonJs_passesAgainstTheStandaloneSimulator(String mode, String algorithm) throws Exception {
        // In each case, not once before all: a missing node then shows as a skipped case with its reason.
        NodePackages.install(MODULES.getParent(), "bigbluebutton-js", "0.2.0");
        String[] endpoint = endpoint(mode);
        Process driver = new ProcessBuilder("node", DRIVER.toString(), MODULES.toAbsolutePath().toString(), endpoint[0],
                endpoint[1], algorithm, mode).redirectErrorStream(true).start();
        driver.getOutputStream().close();
        String out = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(driver.waitFor(120, TimeUnit.SECONDS)).as("driver finished").isTrue();
        assertThat(driver.exitValue()).as(out).isZero();
        assertThat(out).as(out).endsWith("all steps passed\n").doesNotContain("FAIL");
    }

    /** The lines the standalone simulator prints at start, by their label, up to the line labelled {@code last}. */
    private static Map<String, String> readBanner(Process sim, String last) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.contains("listening")) {
                printed.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
            if (line.startsWith(last + ":")) {
                return printed;
            }
        }
        throw new AssertionError("the simulator ended before printing its URL: " + printed);
    }
}
