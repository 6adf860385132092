// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of docs/spring-boot.md compiles, as it is, against Spring Boot and the SDK
 * (this module's test class path: the starter, web MVC, the testkit, JUnit, AssertJ).
 *
 * <p>bbb-consumer-test's JavaBlocksTest only checks that the types a block names are imported: it
 * cannot see a method the block calls but never defines ({@code roomOf}, {@code signedInPerson} were
 * such), because it has no compiler and no Spring on its class path. Here each block is a compilation
 * unit of its own, compiled with {@code -Xlint:all -Werror} like the project's sources.
 */
class SpringBootDocBlocksTest {
    private static final Path DOC = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize()
            .resolve("docs/spring-boot.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    @TempDir
    Path dir;

    @Test
    void everyJavaBlock_compiles() throws IOException {
        List<String> blocks = blocks(Files.readString(DOC, StandardCharsets.UTF_8));
        assertThat(blocks).as("Java blocks in %s", DOC).hasSizeGreaterThanOrEqualTo(2);
        for (String block : blocks) {
            assertThat(compile(block)).as("javac on this block of docs/spring-boot.md:%n%s", block).isEmpty();
        }
    }

    @Test
    void check_failsOnAnUndefinedMethod() throws IOException {
        assertThat(compile("class Broken {\n    Object join(String id) {\n        return roomOf(id);\n    }\n}\n"))
                .contains("roomOf");
    }

    private static List<String> blocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Compiles one block as its own file; returns javac's diagnostics, empty when it compiled. */
    private String compile(String block) throws IOException {
        Matcher name = CLASS.matcher(block);
        assertThat(name.find()).as("block declares a top-level class:%n%s", block).isTrue();
        Path src = Files.createTempDirectory(dir, "block");
        Path file = src.resolve(name.group(1) + ".java");
        Files.writeString(file, block, StandardCharsets.UTF_8);
        Path out = Files.createDirectories(src.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("-Xlint:all", "-Xlint:-processing", "-Werror", "-proc:none", "--release", "17",
                "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
        boolean ok = javac.getTask(diagnostics, null, null, options, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        try (Stream<Path> classes = Files.walk(out)) {
            if (ok) {
                assertThat(classes.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())).isNotEmpty();
            }
        }
        return ok ? "" : diagnostics.toString();
    }
}
