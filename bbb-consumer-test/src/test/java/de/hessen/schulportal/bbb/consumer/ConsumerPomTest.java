// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The consumer project in {@code docs/consumer} (the {@code pom.xml} the README points newcomers to,
 * and its first test) builds as it is with plain Maven against this build's artifacts, and its test
 * really runs.
 *
 * <p>The project is copied unchanged into {@code target/} and built by a child Maven with a private
 * local repository under {@code target/}: this build's jars and poms are copied into it, everything
 * else is read from the outer build's local repository through a {@code file:} mirror, so nothing
 * is downloaded and nothing is installed outside {@code target/}.
 */
class ConsumerPomTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Path CONSUMER = ROOT.resolve("docs/consumer");
    private static final Path TEST_FILE = CONSUMER.resolve("src/test/java/org/example/portal/FirstMeetingTest.java");
    private static final String VERSION = System.getProperty("sdk.version");

    @Test
    void consumerPom_buildsWithPlainMaven_andRunsItsTest() throws Exception {
        Path work = Path.of("target", "consumer-pom").toAbsolutePath();
        deleteRecursively(work);
        Path project = work.resolve("project");
        copyRecursively(CONSUMER, project);
        Path repo = work.resolve("m2");
        seed(repo);
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>outer-local-repository</id><mirrorOf>*</mirrorOf>"
                + "<url>" + Path.of(System.getProperty("outer.repo")).toUri() + "</url></mirror></mirrors></settings>",
                StandardCharsets.UTF_8);

        ChildProcess.Result build = ChildProcess.run(project, List.of(ChildProcess.mvn(), "-B", "-ntp", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "verify"), work.resolve("build.log"), Map.of(), "child Maven");
        String log = build.output();
        assertThat(build.exitValue()).as("child Maven exit code; log:%n%s", log).isZero();

        Path report = project.resolve("target/surefire-reports/TEST-org.example.portal.FirstMeetingTest.xml");
        assertThat(report).as("Surefire ran FirstMeetingTest; log:%n%s", log).exists();
        String xml = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(attribute(xml, "tests")).as("tests run").isEqualTo("1");
        assertThat(attribute(xml, "failures")).isEqualTo("0");
        assertThat(attribute(xml, "errors")).isEqualTo("0");
        assertThat(attribute(xml, "skipped")).isEqualTo("0");
        assertThat(classFileMajorVersion(project.resolve("target/test-classes/org/example/portal/FirstMeetingTest.class")))
                .as("compiled for Java 17").isEqualTo(61);
    }

    @Test
    void consumerPom_importsThisVersionsBom() throws IOException {
        String pom = Files.readString(CONSUMER.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertThat(pom).contains("<artifactId>bbb-bom</artifactId>\n        <version>" + VERSION + "</version>");
    }

    /**
     * The child build reads plugins and JUnit from the outer build's local repository, and a
     * newcomer should get what this build is tested with: the same versions as the root pom.
     */
    @Test
    void consumerPom_usesTheBuildsPluginAndJUnitVersions() throws IOException {
        String consumer = Files.readString(CONSUMER.resolve("pom.xml"), StandardCharsets.UTF_8);
        String root = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        for (String plugin : List.of("maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin",
                "maven-jar-plugin")) {
            assertThat(version(consumer, plugin)).as(plugin).isEqualTo(version(root, plugin));
        }
        Matcher junit = Pattern.compile("<junit.version>([^<]+)</junit.version>").matcher(root);
        assertThat(junit.find()).as("root pom has junit.version").isTrue();
        assertThat(version(consumer, "junit-jupiter")).isEqualTo(junit.group(1));
    }

    private static String version(String pom, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as("%s with a version", artifactId).isTrue();
        return m.group(1);
    }

    @Test
    void readmeCoordinates_areAnExcerptOfTheConsumerPom() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(readme.indexOf("## Maven coordinates")));
        assertThat(m.find()).as("README has an xml block under 'Maven coordinates'").isTrue();
        String pom = Files.readString(CONSUMER.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertThat(stripped(pom)).contains(stripped(m.group(1)));
    }

    @Test
    void simulatorGuide_showsTheConsumerTestAsItIs() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/testing-with-the-simulator.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertThat(m.find()).as("the guide has a java block").isTrue();
        assertThat(m.group(1)).isEqualTo(Files.readString(TEST_FILE, StandardCharsets.UTF_8));
    }

    /** Copies this build's poms and jars into the private repository, in Maven's layout. */
    private static void seed(Path repo) throws IOException {
        put(repo, "bbb-parent", ROOT.resolve("pom.xml"), null);
        put(repo, "bbb-bom", ROOT.resolve("bbb-bom/pom.xml"), null);
        for (String module : List.of("bbb-client", "bbb-testkit", "bbb-portal-adapter")) {
            Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            assertThat(jar).as("%s is packaged; run through the reactor: mvn -pl bbb-consumer-test -am verify", module)
                    .exists();
            put(repo, module, ROOT.resolve(module).resolve("pom.xml"), jar);
        }
    }

    private static void put(Path repo, String artifactId, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("de/hessen/schulportal").resolve(artifactId).resolve(VERSION);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String attribute(String xml, String name) {
        Matcher m = Pattern.compile("<testsuite\\b[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(xml);
        assertThat(m.find()).as("testsuite attribute %s", name).isTrue();
        return m.group(1);
    }

    private static int classFileMajorVersion(Path classFile) throws IOException {
        byte[] bytes = Files.readAllBytes(classFile);
        return ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
    }

    private static String stripped(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
