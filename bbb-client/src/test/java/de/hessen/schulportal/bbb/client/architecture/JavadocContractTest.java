// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
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
import javax.lang.model.element.Modifier;
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
            // Parsing is enough: modifiers, annotations and return types are read from the syntax trees.
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                if (pkg.contains(".internal")) {
                    continue;
                }
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitClass(ClassTree tree, Void unused) {
                        if (!exposed(getCurrentPath())) {
                            return null;
                        }
                        check(getCurrentPath(), tree.getSimpleName().toString(), null);
                        return super.visitClass(tree, unused);
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, Void unused) {
                        if (exposed(getCurrentPath()) && !annotated(tree.getModifiers(), "Override")) {
                            check(getCurrentPath(), tree.getName().toString(), tree);
                        }
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree tree, Void unused) {
                        if (exposed(getCurrentPath())) {
                            check(getCurrentPath(), tree.getName().toString(), null);
                        }
                        return null;
                    }

                    @Override
                    public Void visitBlock(BlockTree tree, Void unused) {
                        return null;   // local and anonymous classes are not API
                    }

                    private void check(TreePath path, String name, MethodTree method) {
                        String where = owner(path) + name;
                        DocCommentTree comment = docs.getDocCommentTree(path);
                        if (comment == null || comment.getFullBody().isEmpty() && comment.getBlockTags().isEmpty()) {
                            problems.add(where + ": no comment");
                        } else if (method != null && !builderSetter(path, method)) {
                            checkTags(method, comment, where, problems);
                        }
                    }
                }.scan(unit, null);
            }
        }
        assertThat(problems).as("undocumented public API of bbb-client").isEmpty();
    }

    private static void checkTags(MethodTree m, DocCommentTree comment, String where, List<String> problems) {
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
        m.getParameters().stream().map(p -> p.getName().toString()).filter(p -> !params.contains(p))
                .forEach(p -> problems.add(where + ": no @param for " + p));
        m.getTypeParameters().stream().map(p -> "<" + p.getName() + ">").filter(p -> !params.contains(p))
                .forEach(p -> problems.add(where + ": no @param for " + p));
        Tree type = m.getReturnType();
        boolean isVoid = type == null || type.getKind() == Tree.Kind.PRIMITIVE_TYPE
                && ((PrimitiveTypeTree) type).getPrimitiveTypeKind() == TypeKind.VOID;
        if (!isVoid && !returns[0]) {
            problems.add(where + ": no @return");
        }
    }

    /**
     * Visible to users: a member of a type (not a local variable), public or protected (or a member
     * of an interface), and so is every enclosing type.
     */
    private static boolean exposed(TreePath path) {
        if (!(path.getParentPath().getLeaf() instanceof ClassTree || path.getParentPath().getLeaf() instanceof CompilationUnitTree)) {
            return false;
        }
        for (TreePath p = path; p != null && !(p.getLeaf() instanceof CompilationUnitTree); p = p.getParentPath()) {
            Set<Modifier> flags = modifiers(p.getLeaf()).getFlags();
            Tree parent = p.getParentPath().getLeaf();
            boolean interfaceMember = parent instanceof ClassTree && ((ClassTree) parent).getKind() == Tree.Kind.INTERFACE;
            if (!flags.contains(Modifier.PUBLIC) && !flags.contains(Modifier.PROTECTED) && !interfaceMember) {
                return false;
            }
        }
        return true;
    }

    private static ModifiersTree modifiers(Tree tree) {
        if (tree instanceof ClassTree) {
            return ((ClassTree) tree).getModifiers();
        }
        if (tree instanceof MethodTree) {
            return ((MethodTree) tree).getModifiers();
        }
        return ((VariableTree) tree).getModifiers();
    }

    private static boolean annotated(ModifiersTree modifiers, String simpleName) {
        return modifiers.getAnnotations().stream().map(a -> a.getAnnotationType().toString())
                .anyMatch(n -> n.equals(simpleName) || n.endsWith("." + simpleName));
    }

    /** A method of a {@code *Builder} class that returns that builder. */
    private static boolean builderSetter(TreePath path, MethodTree m) {
        ClassTree owner = (ClassTree) path.getParentPath().getLeaf();
        String name = owner.getSimpleName().toString();
        String returned = m.getReturnType() == null ? "" : m.getReturnType().toString();
        return name.endsWith("Builder") && (returned.equals(name) || returned.endsWith("." + name));
    }

    private static String owner(TreePath path) {
        StringBuilder s = new StringBuilder();
        for (TreePath p = path.getParentPath(); p != null && p.getLeaf() instanceof ClassTree; p = p.getParentPath()) {
            s.insert(0, ((ClassTree) p.getLeaf()).getSimpleName() + ".");
        }
        return s.toString();
    }
}
