// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JavadocContract} finds what doclint's {@code missing} group finds, except on builder setters. */
class JavadocContractTest {
    @TempDir
    Path main;

    private void write(String pkg, String name, String body) throws IOException {
        Path dir = Files.createDirectories(main.resolve(pkg.replace('.', '/')));
        Files.writeString(dir.resolve(name + ".java"), "package " + pkg + ";\n" + body);
    }

    @Test
    void reportsMissingCommentsAndTags_exemptsBuilderSettersOverridesAndInternal() throws IOException {
        write("a", "Thing", "/** A thing. */\npublic final class Thing {\n"
                + "  public static final int UNDOCUMENTED = 1;\n"
                + "  private Thing() { }\n"
                + "  /**\n   * Adds.\n   *\n   * @param x one\n   */\n  public int add(int x, int y) { return x + y; }\n"
                + "  /** Hidden. */\n  int packagePrivate() { return 0; }\n"
                + "  @Override\n  public String toString() { return \"\"; }\n"
                + "  /** Builds things. */\n  public static final class Builder {\n"
                + "    /** Starts empty. */\n    public Builder() { }\n"
                + "    /** The size. */\n    public Builder size(int value) { return this; }\n"
                + "    /** A size, not this builder. */\n    public int peek(int value) { return value; }\n"
                + "  }\n"
                + "  /** Builds by its self type. */\n  public abstract static class BaseBuilder<B extends BaseBuilder<B>> {\n"
                + "    /** For subclasses. */\n    protected BaseBuilder() { }\n"
                + "    /** The size. */\n    public B size(int value) { return null; }\n"
                + "    /** A size, not this builder. */\n    public int peek(int value) { return value; }\n"
                + "  }\n}\n");
        write("a.internal", "Hidden", "public final class Hidden { public void undocumented() { } }\n");

        assertThat(JavadocContract.problems(main)).containsExactlyInAnyOrder(
                "Thing.UNDOCUMENTED: no comment",
                "Thing.add: no @param for y",
                "Thing.add: no @return",
                "Thing.Builder.peek: no @param for value",
                "Thing.Builder.peek: no @return",
                "Thing.BaseBuilder.peek: no @param for value",
                "Thing.BaseBuilder.peek: no @return");
    }

    @Test
    void reportsAnImplicitDefaultConstructorOfTheApi_onlyThere() throws IOException {
        write("b", "Open", "/** Public, no constructor: javac adds a public one. */\npublic class Open {\n"
                + "  /** Protected, nested: a protected one. */\n  protected static class Nested { }\n"
                + "  /** Package-private nested: not API. */\n  static class Hidden { }\n"
                + "  /** Declared with a comment. */\n  public static final class Declared {\n"
                + "    /** Makes one. */\n    public Declared() { }\n  }\n"
                + "  /** Declared private. */\n  public static final class Closed {\n    private Closed() { }\n  }\n"
                + "  /** An enum's constructor is private. */\n  public enum Kind {\n    /** The one. */\n    A\n  }\n"
                + "  /**\n   * A record's is documented by its tags.\n   *\n   * @param x one\n   */\n"
                + "  public record Pair(int x) { }\n"
                + "  /** Members of an interface are public. */\n  public interface Api {\n"
                + "    /** Public by being in an interface. */\n    final class Member { }\n  }\n}\n");
        write("b", "Quiet", "/** Package-private: not API. */\nclass Quiet { }\n");

        assertThat(JavadocContract.problems(main)).containsExactlyInAnyOrder(
                "Open(): no comment (the implicit default constructor: declare it with a comment, or private)",
                "Open.Nested(): no comment (the implicit default constructor: declare it with a comment, or private)",
                "Open.Api.Member(): no comment (the implicit default constructor: declare it with a comment, or private)");
    }

    @Test
    void refusesADirectoryWithoutSources() {
        assertThatThrownBy(() -> JavadocContract.problems(main)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mainSources");
    }
}
