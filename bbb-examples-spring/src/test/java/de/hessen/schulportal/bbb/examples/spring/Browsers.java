// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver}; no
 * download of drivers or browsers. Without them the browser test fails on CI ({@code CI=true})
 * and is skipped elsewhere, each with a message saying how to install them.
 */
final class Browsers {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    static final String MISSING = "No headless Chromium found (looked for " + BROWSERS + " and " + DRIVERS
            + "). Install it with: apt-get update && apt-get install -y chromium chromium-driver";

    private Browsers() {
    }

    private static Optional<Path> first(List<String> candidates) {
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** What to do about a missing browser. */
    enum Verdict {
        RUN, SKIP, FAIL
    }

    /**
     * Whether the browser test runs, is skipped (no browser, not CI) or fails (no browser on CI).
     *
     * @param installed whether Chromium and its driver are installed
     * @param ciVariable the value of the environment variable {@code CI}, or {@code null}
     * @return the verdict
     */
    static Verdict verdict(boolean installed, String ciVariable) {
        if (installed) {
            return Verdict.RUN;
        }
        return "true".equalsIgnoreCase(ciVariable) ? Verdict.FAIL : Verdict.SKIP;
    }

    /** Fails on CI, skips elsewhere, when no browser is installed. */
    static void requireChromium() {
        Verdict verdict = verdict(first(BROWSERS).isPresent() && first(DRIVERS).isPresent(), System.getenv("CI"));
        if (verdict == Verdict.FAIL) {
            fail(MISSING);
        }
        assumeTrue(verdict == Verdict.RUN, MISSING + " - skipping the browser test (it fails on CI instead).");
    }

    /**
     * Starts a headless Chromium that asks for pages in a language.
     *
     * @param acceptLanguage the Accept-Language list, e.g. {@code de-DE,de}
     * @return the driver; quit it
     */
    static WebDriver chromium(String acceptLanguage) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(first(BROWSERS).orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1100,720", "--lang=" + acceptLanguage.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(first(DRIVERS).orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
