// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public method and constructor of the public request types and their builders, in the
 * packages module-info exports, names only public types in its erased (binary) signature,
 * bridges included: a caller outside the package must be able to name what it gets and passes,
 * and {@code javap} must not show package-private types in the API.
 */
class PublicSignaturesTest {

    @Test
    void requestsAndBuilders_nameOnlyPublicTypes() throws Exception {
        List<Class<?>> types = exportedRequestTypes();
        assertThat(types).hasSizeGreaterThan(30); // 16 requests and their builders, at least
        List<String> offending = new ArrayList<>();
        for (Class<?> type : types) {
            List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
            members.addAll(List.of(type.getConstructors()));
            for (Executable member : members) {
                List<Class<?>> named = new ArrayList<>(List.of(member.getParameterTypes()));
                if (member instanceof Method m) {
                    named.add(m.getReturnType());
                }
                for (Class<?> t : named) {
                    if (!isPublic(t)) {
                        offending.add(type.getName() + ": " + member);
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    private static boolean isPublic(Class<?> t) {
        for (Class<?> c = t; c != null; c = c.getEnclosingClass()) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && !Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<Class<?>> exportedRequestTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(BbbClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> exported;
        try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
            exported = ModuleDescriptor.read(in).exports().stream()
                    .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        }
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                int dot = name.lastIndexOf('.');
                if (dot > 0 && exported.contains(name.substring(0, dot))
                        && (name.endsWith("Request") || name.endsWith("Request$Builder"))) {
                    Class<?> c = Class.forName(name, false, PublicSignaturesTest.class.getClassLoader());
                    if (isPublic(c)) {
                        types.add(c);
                    }
                }
            }
        }
        return types;
    }
}
