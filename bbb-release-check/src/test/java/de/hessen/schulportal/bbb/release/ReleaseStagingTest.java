// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.release;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.ChildProcess;
import de.hessen.schulportal.bbb.testsupport.Prerequisites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A release, staged the way RELEASING.md does it, judged the way Maven Central judges a deployment.
 *
 * <p>The published modules are copied into {@code target/release-check/repo} with the release
 * version (this version without {@code -SNAPSHOT}, as {@code versions:set} would write it), and a
 * child Maven runs {@code deploy -Prelease,central -DskipUpload=true}: the real release profile
 * signs every file with a throwaway key made here ({@code gpg --quick-gen-key} in a temporary
 * {@code GNUPGHOME}), and the real Central plugin writes the bundle it would upload. Then the bundle
 * is checked: every published module is there and nothing else, every file has a signature that
 * verifies and MD5/SHA-1 checksums that match, jars carry sources, javadoc, LICENSE (the sources and javadoc jars too) and
 * Implementation-Version, POMs are complete (name, description, url, licenses, developers, scm),
 * point at the repository rather than made-up module paths, and name no SNAPSHOT.
 *
 * <p>The child build starts from the sources, as a release does: it compiles, then makes resources,
 * POMs, manifests, sources, javadoc, signatures and the bundle. It needs nothing the outer build made,
 * so this module depends on no other module of the reactor and runs from the start of the build, beside
 * the modules whose tests are on the critical path (CONTRIBUTING.md, "Keeping the rest fast").
 */
class ReleaseStagingTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final String SNAPSHOT = System.getProperty("sdk.version");
    private static final String RELEASE = SNAPSHOT.replace("-SNAPSHOT", "");
    private static final String GROUP_PATH = "de/hessen/schulportal/";
    /** The published modules, and whether each has a jar (else only a POM). */
    private static final Map<String, Boolean> PUBLISHED = Map.of("bbb-bom", false, "bbb-client", true,
            "bbb-portal-adapter", true, "bbb-testkit", true, "bbb-gateway", true, "bbb-spring-boot-starter", true);
    private static final String REPOSITORY_URL = "https://github.com/schulportal-hessen/bbb-java-sdk";

    private static Path work;
    private static Path gnupg;
    private static Path bundle;
    private static String log;

    @BeforeAll
    static void stageARelease() throws Exception {
        assertThat(RELEASE).as("a release version").doesNotContain("SNAPSHOT").matches("\\d+\\.\\d+\\.\\d+");
        if (Prerequisites.output(List.of("gpg", "--version"), Duration.ofSeconds(60)).isEmpty()) {
            Prerequisites.unavailable("gpg is not installed (.ci/run installs it: apt-get install -y gnupg)");
        }
        work = Path.of("target", "release-check").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        // GnuPG's agent socket lives in GNUPGHOME, whose path must stay short: a temporary directory.
        gnupg = Files.createTempDirectory("bbb-gpg");
        run(work, List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
                "BBB SDK release check <release-check@example.invalid>", "ed25519", "sign", "1d"), "gpg key");

        Path repo = work.resolve("repo");
        copyTheRelease(repo);
        // One thread (-T 1, over .mvn/maven.config's): the Central plugin gathers every module's files into one bundle.
        List<String> command = new ArrayList<>(List.of(ChildProcess.mvn(), "-B", "-ntp", "-T", "1",
                "-Dmaven.repo.local=" + System.getProperty("outer.repo"),
                "-Prelease,central", "-DskipUpload=true",
                "-Dmaven.test.skip=true", "-Dmaven.install.skip=true",
                "-Dgpg.homedir=" + gnupg, "deploy"));
        log = run(repo, command, "child Maven");
        try (Stream<Path> found = Files.walk(repo)) {
            bundle = found.filter(p -> p.getFileName().toString().equals("central-bundle.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no central-bundle.zip; log:\n" + log));
        }
    }

    @AfterAll
    static void stopTheAgent() throws Exception {
        if (gnupg != null) {
            ProcessBuilder kill = new ProcessBuilder("gpgconf", "--kill", "gpg-agent").inheritIO();
            kill.environment().put("GNUPGHOME", gnupg.toString());
            kill.start().waitFor(30, TimeUnit.SECONDS);
            deleteRecursively(gnupg);
        }
    }

    @Test
    void bundle_holdsEveryPublishedModule_andNothingElse() throws IOException {
        Map<String, List<String>> byModule = filesByModule();
        assertThat(byModule.keySet()).as("modules in the bundle").containsExactlyInAnyOrderElementsOf(PUBLISHED.keySet());
        for (Map.Entry<String, Boolean> m : PUBLISHED.entrySet()) {
            String base = m.getKey() + "-" + RELEASE;
            List<String> expected = new ArrayList<>(List.of(base + ".pom"));
            if (m.getValue()) {
                expected.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
            }
            if (m.getKey().equals("bbb-gateway")) {
                expected.add(base + "-runnable.jar");
            }
            List<String> withSignatures = new ArrayList<>();
            for (String file : expected) {
                withSignatures.addAll(List.of(file, file + ".asc", file + ".md5", file + ".sha1"));
            }
            assertThat(byModule.get(m.getKey())).as("files of %s", m.getKey()).containsAll(withSignatures);
        }
    }

    @Test
    void everyFile_isSignedWithAVerifyingSignature_andItsChecksumsMatch() throws Exception {
        Path unpacked = work.resolve("bundle");
        int signed = 0;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).collect(Collectors.toList())) {
                Path target = unpacked.resolve(e.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> files = Files.walk(unpacked)) {
            for (Path f : files.filter(Files::isRegularFile).filter(ReleaseStagingTest::isArtifact).collect(Collectors.toList())) {
                Path asc = Path.of(f + ".asc");
                assertThat(asc).as("signature of %s", f.getFileName()).exists();
                run(work, List.of("gpg", "--batch", "--verify", asc.toString(), f.toString()), "gpg --verify " + f.getFileName());
                byte[] bytes = Files.readAllBytes(f);
                assertThat(Files.readString(Path.of(f + ".md5")).strip()).as("md5 of %s", f.getFileName()).isEqualTo(hex("MD5", bytes));
                assertThat(Files.readString(Path.of(f + ".sha1")).strip()).as("sha1 of %s", f.getFileName()).isEqualTo(hex("SHA-1", bytes));
                signed++;
            }
        }
        long jarModules = PUBLISHED.values().stream().filter(Boolean::booleanValue).count();
        // Every POM, every module's jar, sources and javadoc, and the gateway's runnable jar.
        assertThat(signed).as("artifacts checked").isEqualTo(PUBLISHED.size() + 3 * jarModules + 1);
        // The check can fail: a changed byte does not verify.
        Path pom = unpacked.resolve(GROUP_PATH + "bbb-client/" + RELEASE + "/bbb-client-" + RELEASE + ".pom");
        Path tampered = work.resolve("tampered.pom");
        Files.writeString(tampered, Files.readString(pom).replace("<name>", "<name>X"));
        ProcessBuilder verifyTampered = new ProcessBuilder("gpg", "--batch", "--verify", pom + ".asc", tampered.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("tampered.log").toFile());
        verifyTampered.environment().put("GNUPGHOME", gnupg.toString());
        Process p = verifyTampered.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(work.resolve("tampered.log"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("gpg refuses a changed POM: %s", said).isNotZero();
        assertThat(said).as("refused for the signature, not for a missing key").contains("BAD signature");
    }

    @Test
    void poms_areComplete_pointAtTheRepository_andNameNoSnapshot() throws Exception {
        for (String module : PUBLISHED.keySet()) {
            String pom = entry(GROUP_PATH + module + "/" + RELEASE + "/" + module + "-" + RELEASE + ".pom");
            assertThat(pom).as("%s POM", module).doesNotContain("SNAPSHOT").doesNotContain("<parent>");
            Element project = parse(pom).getDocumentElement();
            for (String required : List.of("name", "description", "url")) {
                assertThat(text(project, required)).as("%s <%s>", module, required).isNotBlank();
            }
            assertThat(text(project, "version")).isEqualTo(RELEASE);
            assertThat(text(project, "url")).as("%s url", module).isEqualTo(REPOSITORY_URL);
            Element license = child(child(project, "licenses"), "license");
            assertThat(text(license, "name")).isEqualTo("Apache License, Version 2.0");
            assertThat(text(license, "url")).isNotBlank();
            assertThat(text(child(child(project, "developers"), "developer"), "name")).isNotBlank();
            Element scm = child(project, "scm");
            assertThat(text(scm, "url")).as("%s scm url", module).isEqualTo(REPOSITORY_URL);
            assertThat(text(scm, "connection")).as("%s scm connection", module).isEqualTo("scm:git:" + REPOSITORY_URL + ".git");
            assertThat(text(scm, "developerConnection")).as("%s scm developerConnection", module).endsWith("bbb-java-sdk.git");
        }
    }

    @Test
    void gatewayPom_bringsNeitherTheTestkitNorALoggingBinding() throws Exception {
        String pom = entry(GROUP_PATH + "bbb-gateway/" + RELEASE + "/bbb-gateway-" + RELEASE + ".pom");
        NodeList deps = parse(pom).getElementsByTagName("dependency");
        List<String> brought = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            String scope = text(d, "scope");
            boolean transitive = !"true".equals(text(d, "optional")) && !"test".equals(scope) && !"provided".equals(scope);
            if (transitive) {
                brought.add(text(d, "groupId") + ":" + text(d, "artifactId"));
            }
        }
        assertThat(brought).as("dependencies a gateway user gets").isNotEmpty()
                .noneMatch(a -> a.endsWith(":bbb-testkit") || a.startsWith("ch.qos.logback:") || a.startsWith("org.slf4j:slf4j-simple")
                        || a.startsWith("org.apache.logging.log4j:"));
    }

    @Test
    void jars_carryTheLicence_andTheReleaseVersion() throws Exception {
        Path unpacked = work.resolve("jars");
        for (Map.Entry<String, Boolean> m : PUBLISHED.entrySet()) {
            if (!m.getValue()) {
                continue;
            }
            // The sources and javadoc jars are copied around on their own too (IDEs fetch them): the licence in each.
            for (String classifier : List.of("", "-sources", "-javadoc")) {
                String name = m.getKey() + "-" + RELEASE + classifier + ".jar";
                Path jar = unpacked.resolve(name);
                Files.createDirectories(unpacked);
                try (ZipFile zip = new ZipFile(bundle.toFile());
                        InputStream in = zip.getInputStream(zip.getEntry(GROUP_PATH + m.getKey() + "/" + RELEASE + "/" + name))) {
                    Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                }
                try (JarFile j = new JarFile(jar.toFile())) {
                    assertThat(j.getEntry("META-INF/LICENSE")).as("LICENSE in %s", name).isNotNull();
                    if (classifier.isEmpty()) {
                        assertThat(j.getManifest().getMainAttributes().getValue("Implementation-Version")).as("%s manifest", name)
                                .isEqualTo(RELEASE);
                    }
                }
            }
        }
    }

    private static boolean isArtifact(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".jar") || n.endsWith(".pom");
    }

    /** The bundle's files by module, names only. */
    private static Map<String, List<String>> filesByModule() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).collect(Collectors.toList())) {
                String[] parts = e.getName().split("/");
                assertThat(e.getName()).as("bundle entry").startsWith(GROUP_PATH);
                assertThat(parts[parts.length - 2]).as("version of %s", e.getName()).isEqualTo(RELEASE);
                out.computeIfAbsent(parts[parts.length - 3], k -> new ArrayList<>()).add(parts[parts.length - 1]);
            }
        }
        return out;
    }

    private static String entry(String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry e = zip.getEntry(name);
            assertThat(e).as("bundle has %s", name).isNotNull();
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Root pom, .mvn, LICENSE and the sources of the published modules (+ the test support their POMs name), versions set. */
    private static void copyTheRelease(Path repo) throws IOException {
        Files.createDirectories(repo);
        Files.copy(ROOT.resolve("LICENSE"), repo.resolve("LICENSE"));
        copyRecursively(ROOT.resolve(".mvn"), repo.resolve(".mvn"));
        String rootPom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher modules = Pattern.compile("<modules>.*?</modules>", Pattern.DOTALL).matcher(rootPom);
        assertThat(modules.find()).as("root pom lists modules").isTrue();
        List<String> copied = new ArrayList<>(PUBLISHED.keySet());
        copied.add("bbb-test-support");
        String list = copied.stream().sorted().map(m -> "<module>" + m + "</module>").collect(Collectors.joining());
        Files.writeString(repo.resolve("pom.xml"), release(rootPom.substring(0, modules.start()) + "<modules>" + list + "</modules>"
                + rootPom.substring(modules.end())), StandardCharsets.UTF_8);
        for (String module : copied) {
            Path from = ROOT.resolve(module);
            Path to = repo.resolve(module);
            Files.createDirectories(to);
            Files.writeString(to.resolve("pom.xml"), release(Files.readString(from.resolve("pom.xml"), StandardCharsets.UTF_8)));
            if (Files.isDirectory(from.resolve("src/main"))) {
                copyRecursively(from.resolve("src/main"), to.resolve("src/main"));
            }
        }
    }

    private static String release(String pom) {
        assertThat(pom).contains("<version>" + SNAPSHOT + "</version>");
        return pom.replace("<version>" + SNAPSHOT + "</version>", "<version>" + RELEASE + "</version>");
    }

    private static String run(Path dir, List<String> command, String what) throws Exception {
        ChildProcess.Result r = ChildProcess.run(dir, command, Files.createTempFile(work, "run", ".log"),
                Map.of("GNUPGHOME", gnupg.toString()), what);
        assertThat(r.exitValue()).as("%s exit code; output:%n%s", what, r.output()).isZero();
        return r.output();
    }

    private static Document parse(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String name) {
        assertThat(parent).as("parent of <%s>", name).isNotNull();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                return (Element) n;
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static String text(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                return n.getTextContent().strip();
            }
        }
        return null;
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    static void copyRecursively(Path from, Path to) throws IOException {
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

    static void deleteRecursively(Path dir) throws IOException {
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
