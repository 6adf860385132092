// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTreeScanner;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc rule of the published API, which javadoc's doclint enforces everywhere else in the
 * build ({@code -Xdoclint:all}) and which bbb-client states once instead for builder setters.
 *
 * <p>bbb-client runs doclint without its {@code missing} group (bbb-client/pom.xml), because that
 * group cannot tell "no comment" from "no {@code @return}": it would demand {@code @return this
 * builder} on every setter, a line that says nothing the builder's class and package documentation
 * does not say once. This test puts back everything the group checked, and exempts only that: every
 * public or protected type, constructor, method and field of the exported packages has a comment;
 * every method has {@code @param} for each parameter and type parameter and {@code @return} unless it
 * returns {@code void} or it is a builder setter (a method of a {@code *Builder} class that returns
 * that builder), whose parameter and result the builder contract describes. Overriding methods
 * inherit their comment, as in doclint.
 */
class JavadocContractTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void publishedApi_isDocumented_builderSettersByTheirClassContract() throws IOException {
        List<String> problems = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> walk = Files.walk(MAIN)) {
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java")).collect(Collectors.toList());
            assertThat(sources).hasSizeGreaterThan(50);
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> { },
                    List.of("-proc:none", "-classpath", System.getProperty("java.class.path")), null,
                    files.getJavaFileObjectsFromPaths(sources));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : units) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                if (pkg.contains(".internal")) {
                    continue;
                }
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitClass(ClassTree tree, Void unused) {
                        check(getCurrentPath());
                        return super.visitClass(tree, unused);
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, Void unused) {
                        check(getCurrentPath());
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree tree, Void unused) {
                        check(getCurrentPath());
                        return null;
                    }

                    private void check(TreePath path) {
                        Element e = docs.getElement(path);
                        if (e == null || !exposed(e) || isOverride(e)) {
                            return;
                        }
                        String where = name(e);
                        DocCommentTree comment = docs.getDocCommentTree(path);
                        if (comment == null || comment.getFullBody().isEmpty() && comment.getBlockTags().isEmpty()) {
                            problems.add(where + ": no comment");
                            return;
                        }
                        if (e instanceof ExecutableElement && !builderSetter((ExecutableElement) e)) {
                            checkTags((ExecutableElement) e, comment, where, problems);
                        }
                    }
                }.scan(unit, null);
            }
        }
        assertThat(problems).as("undocumented public API of bbb-client").isEmpty();
    }

    private static void checkTags(ExecutableElement m, DocCommentTree comment, String where, List<String> problems) {
        Set<String> params = new HashSet<>();
        boolean[] returns = {false};
        new DocTreeScanner<Void, Void>() {
            @Override
            public Void visitParam(ParamTree tree, Void unused) {
                params.add((tree.isTypeParameter() ? "<" : "") + tree.getName().getName() + (tree.isTypeParameter() ? ">" : ""));
                return null;
            }

            @Override
            public Void scan(DocTree tree, Void unused) {
                if (tree != null && tree.getKind() == DocTree.Kind.RETURN) {
                    returns[0] = true;
                }
                return super.scan(tree, unused);
            }
        }.scan(comment, null);
        m.getParameters().stream().map(p -> p.getSimpleName().toString()).filter(p -> !params.contains(p))
                .forEach(p -> problems.add(where + ": no @param for " + p));
        m.getTypeParameters().stream().map(p -> "<" + p.getSimpleName() + ">").filter(p -> !params.contains(p))
                .forEach(p -> problems.add(where + ": no @param for " + p));
        if (m.getKind() == ElementKind.METHOD && m.getReturnType().getKind() != TypeKind.VOID && !returns[0]) {
            problems.add(where + ": no @return");
        }
    }

    /** Visible to users: public or protected, and so is every enclosing type. */
    private static boolean exposed(Element e) {
        if (e instanceof VariableElement && e.getEnclosingElement().getKind() == ElementKind.METHOD) {
            return false;
        }
        for (Element x = e; x != null && x.getKind() != ElementKind.PACKAGE; x = x.getEnclosingElement()) {
            Set<Modifier> m = x.getModifiers();
            boolean interfaceMember = x.getEnclosingElement() != null && x.getEnclosingElement().getKind().isInterface();
            if (!m.contains(Modifier.PUBLIC) && !m.contains(Modifier.PROTECTED) && !interfaceMember) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOverride(Element e) {
        return e.getAnnotationMirrors().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("java.lang.Override"));
    }

    private static boolean builderSetter(ExecutableElement m) {
        Element owner = m.getEnclosingElement();
        return owner instanceof TypeElement && owner.getSimpleName().toString().endsWith("Builder")
                && m.getReturnType().toString().equals(((TypeElement) owner).getQualifiedName().toString());
    }

    private static String name(Element e) {
        StringBuilder s = new StringBuilder(e.getSimpleName());
        for (Element x = e.getEnclosingElement(); x != null && x.getKind() != ElementKind.PACKAGE; x = x.getEnclosingElement()) {
            s.insert(0, x.getSimpleName() + ".");
        }
        return s.toString();
    }
}
