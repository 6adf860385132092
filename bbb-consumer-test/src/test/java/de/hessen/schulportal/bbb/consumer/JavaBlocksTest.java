// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block in the README and in {@code docs/} shows its imports, so a newcomer can paste it:
 * each type it declares a variable of, calls a static method on, takes a constant from or uses as an
 * annotation is imported in the block (or is in {@code java.lang}).
 *
 * <p>It reads, it does not compile: a method a block calls but never defines passes here (the Spring
 * Boot guide's {@code roomOf} and {@code signedInPerson} did), because this module has no compiler
 * task and no Spring on its class path. The Spring Boot guide's blocks are therefore compiled by
 * bbb-examples-spring's {@code SpringBootDocBlocksTest}.
 */
class JavaBlocksTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?[\\w.]*?\\.(\\w+)(?:\\.\\*)?;");
    private static final List<Pattern> TYPE_USES = List.of(
            Pattern.compile("(?m)^\\s*([A-Z]\\w*)(?:<[^>]*>)?\\s+[a-z]\\w*\\s*[=;]"),   // declaration
            Pattern.compile("\\b([A-Z]\\w*)\\.[a-z]\\w*\\("),                           // static call
            Pattern.compile("\\b([A-Z]\\w*)\\.[A-Z][A-Z0-9_]*\\b"),                    // constant
            Pattern.compile("@([A-Z]\\w*)"));                                         // annotation
    private static final Set<String> JAVA_LANG = Set.of("String", "System", "Math", "Integer", "Long", "Boolean",
            "Object", "Override", "Thread", "Runtime", "Character", "Double");

    @Test
    void javaBlocks_importEveryTypeTheyName() throws IOException {
        List<String> missing = new ArrayList<>();
        int blocks = 0;
        for (Path file : files()) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (block.find()) {
                blocks++;
                String code = block.group(1);
                Set<String> imported = new HashSet<>();
                Matcher imp = IMPORT.matcher(code);
                while (imp.find()) {
                    imported.add(imp.group(1));
                }
                String body = IMPORT.matcher(code).replaceAll("").replaceAll("\"[^\"\\n]*\"", "\"\"").replaceAll("//[^\\n]*", "");
                for (String type : typesUsed(body)) {
                    if (!imported.contains(type) && !JAVA_LANG.contains(type) && !declaredIn(body, type)) {
                        missing.add(ROOT.relativize(file) + ": " + type);
                    }
                }
            }
        }
        assertThat(blocks).as("Java blocks found").isGreaterThanOrEqualTo(4);
        assertThat(missing).as("types used but not imported").isEmpty();
    }

    @Test
    void check_findsAMissingImport() {
        assertThat(typesUsed("BbbClient bbb = BbbClient.builder().build();\n@Test\nx(Role.MODERATOR);"))
                .containsExactlyInAnyOrder("BbbClient", "Test", "Role");
    }

    private static Set<String> typesUsed(String body) {
        Set<String> types = new HashSet<>();
        for (Pattern p : TYPE_USES) {
            Matcher m = p.matcher(body);
            while (m.find()) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    /** A class the block declares itself (a test class in a complete file) needs no import. */
    private static boolean declaredIn(String body, String type) {
        return Pattern.compile("\\b(class|interface|record|enum)\\s+" + type + "\\b").matcher(body).find();
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
            files.addAll(walk.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
        }
        return files;
    }
}
