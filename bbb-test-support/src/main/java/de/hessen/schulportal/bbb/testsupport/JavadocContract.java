// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

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

/**
 * The Javadoc rule of a published module's API, for the modules whose javadoc runs doclint without
 * its {@code missing} group ({@code <doclint>all,-missing</doclint>} in their pom.xml), and for the
 * implicit default constructors JDK 17's doclint does not report even with that group.
 *
 * <p>That group cannot tell "no comment" from "no {@code @return}": it would demand {@code @return
 * this builder} on every builder setter, a line that says nothing the builder's class and package
 * documentation does not say once. {@link #problems(Path)} puts back everything the group checked,
 * and exempts only that: every public or protected type, constructor, method and field outside the
 * {@code internal} packages has a comment; every method has {@code @param} for each parameter and
 * type parameter and {@code @return} unless it returns {@code void} or it is a builder setter (a
 * method of a {@code *Builder} class that returns that builder), whose parameter and result the
 * builder contract describes. A public or protected class that declares no constructor is reported
 * too: javac gives it a default constructor of the class's access, API that no comment documents.
 * Overriding methods ({@code @Override}) inherit their comment, as in doclint. The accessors of a
 * value declaration (a package-private {@code AbstractX} marked {@code @ValueType}, bbb-client's
 * docs/values.md) count as public: they become the public accessors of the generated class.
 *
 * <p>The sources are only parsed (no attribution, no annotation processing): modifiers, annotations
 * and return types are read from the syntax trees, so the check needs the JDK's {@code jdk.compiler}
 * module (present on the class path's default module graph) and nothing of the module's classes.
 */
public final class JavadocContract {
    private JavadocContract() {
    }

    /**
     * Checks the published API of one module's main sources.
     *
     * @param mainSources the module's {@code src/main/java} directory; {@code module-info.java} and
     *     the packages whose name contains {@code .internal} are skipped
     * @return one line per missing comment or tag, as {@code Owner.member: no comment},
     *     {@code Owner.Type(): no comment (the implicit default constructor ...)},
     *     {@code Owner.member: no @param for x} or {@code Owner.member: no @return}; empty when the
     *     API is documented
     * @throws IOException if a source cannot be read
     * @throws IllegalArgumentException if {@code mainSources} holds no Java source (a wrong working
     *     directory must not pass as "nothing undocumented")
     */
    public static List<String> problems(Path mainSources) throws IOException {
        List<String> problems = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> walk = Files.walk(mainSources)) {
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java")).collect(Collectors.toList());
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("mainSources: no Java source under " + mainSources.toAbsolutePath());
            }
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
                        if (implicitConstructorIsApi(getCurrentPath(), tree)) {
                            problems.add(owner(getCurrentPath()) + tree.getSimpleName() + "(): no comment (the implicit"
                                    + " default constructor: declare it with a comment, or private)");
                        }
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
        return problems;
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
            if (!flags.contains(Modifier.PUBLIC) && !flags.contains(Modifier.PROTECTED) && !interfaceMember
                    && !valueDeclaration(p.getLeaf())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A package-private {@code AbstractX} declaration marked {@code @ValueType}: Immutables copies
     * its accessors' comments onto the generated public class {@code X}, which is not in
     * {@code src/main/java}, so the declaration is where they are checked.
     */
    private static boolean valueDeclaration(Tree tree) {
        return tree instanceof ClassTree && annotated(((ClassTree) tree).getModifiers(), "ValueType");
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

    /**
     * A class whose constructor javac writes itself (it declares none) and gives the class's own access: public or
     * protected, so part of the API, yet with no place for a comment. Doclint's {@code missing} group reports it
     * ("use of default constructor, which does not provide a comment"). Enums (private constructor), records (their
     * canonical constructor is documented by the record's {@code @param} tags) and interfaces have none to report; nor
     * has a value declaration, whose generated class is what users construct (through its builder).
     */
    private static boolean implicitConstructorIsApi(TreePath path, ClassTree tree) {
        if (tree.getKind() != Tree.Kind.CLASS || valueDeclaration(tree)) {
            return false;
        }
        boolean declaresOne = tree.getMembers().stream()
                .anyMatch(m -> m instanceof MethodTree && ((MethodTree) m).getName().contentEquals("<init>"));
        Set<Modifier> flags = tree.getModifiers().getFlags();
        Tree parent = path.getParentPath().getLeaf();
        boolean interfaceMember = parent instanceof ClassTree && ((ClassTree) parent).getKind() == Tree.Kind.INTERFACE;
        return !declaresOne && (flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED) || interfaceMember);
    }

    /** A method of a {@code *Builder} class that returns that builder, or its self type ({@code B extends XBuilder<B>}). */
    private static boolean builderSetter(TreePath path, MethodTree m) {
        ClassTree owner = (ClassTree) path.getParentPath().getLeaf();
        String name = owner.getSimpleName().toString();
        String returned = m.getReturnType() == null ? "" : m.getReturnType().toString();
        return name.endsWith("Builder") && (returned.equals(name) || returned.endsWith("." + name)
                || owner.getTypeParameters().stream().anyMatch(t -> t.getName().contentEquals(returned)));
    }

    private static String owner(TreePath path) {
        StringBuilder s = new StringBuilder();
        for (TreePath p = path.getParentPath(); p != null && p.getLeaf() instanceof ClassTree; p = p.getParentPath()) {
            s.insert(0, ((ClassTree) p.getLeaf()).getSimpleName() + ".");
        }
        return s.toString();
    }
}
