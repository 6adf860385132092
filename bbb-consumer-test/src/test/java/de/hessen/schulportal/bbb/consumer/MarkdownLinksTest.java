// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown files points to a file that exists, and every
 * {@code #anchor} into a Markdown file to one of its headings (slugged as GitHub does).
 */
class MarkdownLinksTest {
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s*\\[[^\\]]+\\]:\\s+(\\S+)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void relativeLinksAndAnchors_resolve() throws IOException {
        List<Path> files = markdownFiles();
        assertThat(files).as("Markdown files under %s", ROOT)
                .anyMatch(p -> p.endsWith("README.md")).anyMatch(p -> p.startsWith(ROOT.resolve("docs")));
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        for (Path file : files) {
            String text = withoutCode(Files.readString(file, StandardCharsets.UTF_8));
            for (String link : links(text)) {
                String problem = check(file, link, anchorsByFile);
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ": " + link + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void slugs_areGitHubs() {
        assertThat(anchors("# The portal adapter: school roles and rooms\n## `bbb-testkit` — a simulator\n"
                + "## Faults: every call ends, in time\n## Retries\n## Retries\n"))
                .containsExactly("the-portal-adapter-school-roles-and-rooms", "bbb-testkit--a-simulator",
                        "faults-every-call-ends-in-time", "retries", "retries-1");
    }

    private static String check(Path file, String link, Map<Path, Set<String>> anchorsByFile) {
        if (link.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return null;   // http:, https:, mailto: - not checked here
        }
        int hash = link.indexOf('#');
        String pathPart = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        Path target = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
        if (!target.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (anchor == null || !target.toString().endsWith(".md")) {
            return null;
        }
        Set<String> anchors = anchorsByFile.computeIfAbsent(target, MarkdownLinksTest::anchorsOf);
        return anchors.contains(anchor) ? null : "no heading with this anchor";
    }

    private static Set<String> anchorsOf(Path markdown) {
        try {
            return anchors(Files.readString(markdown, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).replaceAll("\\]\\([^)]*\\)", "]").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    private static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        for (Pattern p : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                links.add(m.group(1).replaceAll("^<|>$", ""));
            }
        }
        return links;
    }

    private static String withoutCode(String markdown) {
        return INLINE_CODE.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("``");
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> ROOT.relativize(p).toString().isEmpty() || notSkipped(ROOT.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static boolean notSkipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
