// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.release;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.ChildProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The root pom's API compatibility check (japicmp against the previous release) does what
 * RELEASING.md promises, shown on a fixture because no release of the SDK exists yet to compare with.
 *
 * <p>{@code src/test/resources/api-compat} is a library released as 1.0.0 and three successors: 1.1.0
 * adds a method, 1.2.0 and 2.0.0 remove one. The test copies the root pom's japicmp {@code <plugin>}
 * block and plugin versions into the fixture unchanged and builds it with a child Maven ({@code verify}:
 * japicmp finds 1.0.0 in the reactor; a private local repository under {@code target/}, everything
 * else read from the outer build's local repository, so nothing is downloaded and only plugins the
 * outer build itself runs are needed): 1.1.0 passes, 1.2.0 fails the build (a binary-incompatible change in a minor
 * release), 2.0.0 passes (a new major version may break).
 */
class ApiCompatibilityTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Path FIXTURE = ROOT.resolve("bbb-release-check/src/test/resources/api-compat");

    @Test
    void minorReleaseThatBreaksTheApi_failsTheBuild_whileAdditionsAndMajorReleasesPass() throws Exception {
        Path work = Path.of("target", "api-compat").toAbsolutePath();
        ReleaseStagingTest.deleteRecursively(work);
        Path project = work.resolve("project");
        ReleaseStagingTest.copyRecursively(FIXTURE, project);
        String root = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8).replace("@JAPICMP_PLUGIN@", japicmpPlugin(root));
        for (String plugin : List.of("maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin", "maven-jar-plugin",
                "japicmp-maven-plugin")) {
            pom = pom.replace("@" + plugin + "@", version(root, plugin));
        }
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>outer-local-repository</id><mirrorOf>*</mirrorOf>"
                + "<url>" + Path.of(System.getProperty("outer.repo")).toUri() + "</url></mirror></mirrors></settings>",
                StandardCharsets.UTF_8);

        // One thread (-T 1, over the checkout's .mvn/maven.config, which Maven finds above target/): the versions
        // are one artifact, and 1.1.0 compares itself with the 1.0.0 that the reactor built before it.
        ChildProcess.Result build = ChildProcess.run(project, List.of(ChildProcess.mvn(), "-B", "-ntp", "-T", "1", "-fae", "-s",
                settings.toString(), "-Dmaven.repo.local=" + work.resolve("m2"), "-Dmaven.test.skip=true", "verify"),
                work.resolve("build.log"), Map.of(), "child Maven");
        String log = build.output();
        assertThat(build.exitValue()).as("the breaking minor release fails the build; log:%n%s", log).isNotZero();
        assertThat(log).as("reactor summary; log:%n%s", log)
                .containsPattern("api 1\\.0\\.0 \\.+ SUCCESS")
                .containsPattern("api 1\\.1\\.0 \\.+ SUCCESS")
                .containsPattern("api 1\\.2\\.0 \\.+ FAILURE")
                .containsPattern("api 2\\.0\\.0 \\.+ SUCCESS");
        assertThat(log).as("the failure is japicmp's, naming the change").contains("japicmp").contains("farewell");
    }

    /** The japicmp plugin as the root pom's build runs it (not its pluginManagement entry). */
    private static String japicmpPlugin(String rootPom) {
        Matcher m = Pattern.compile("<plugin>\\s*(?:<!--(?:(?!-->).)*-->\\s*)?<groupId>com\\.github\\.siom79\\.japicmp</groupId>\\s*"
                + "<artifactId>japicmp-maven-plugin</artifactId>\\s*<configuration>.*?</plugin>", Pattern.DOTALL).matcher(rootPom);
        assertThat(m.find()).as("root pom runs japicmp-maven-plugin with a configuration").isTrue();
        return m.group();
    }

    private static String version(String pom, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*(?:<!--(?:(?!-->).)*-->\\s*)?"
                + "<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(m.find()).as("%s with a version in the root pom", artifactId).isTrue();
        return m.group(1);
    }
}
