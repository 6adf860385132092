// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the mapping of every fixture and a set of edge-case documents, field by field: each XML
 * document goes through the envelope check and then through every response mapper (they are
 * lenient, so every document yields an object), and every public accessor of the result, walked
 * recursively, is written as one line. The lines must equal the committed
 * {@code mapping/golden.txt}, which was written by the mapping before the XML layer moved to
 * Jackson's tree ({@code -Dmapping.update=true} rewrites it; review the diff).
 */
class ResponseMappingTest {
    private static final Path GOLDEN = Paths.get("src/test/resources/mapping/golden.txt");

    @Test
    void everyFixtureAndEdgeCase_mapsFieldByFieldAsPinned() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, byte[]> doc : MappingDocuments.all().entrySet()) {
            String name = doc.getKey();
            if (name.endsWith(".json")) {
                lines.add(name + " | textTracks = " + outcome(() -> MappingProbe.textTracks(doc.getValue())));
                continue;
            }
            for (Map.Entry<String, Function<byte[], Object>> mapper : MappingProbe.mappers().entrySet()) {
                lines.add(name + " | " + mapper.getKey() + " = " + outcome(() -> mapper.getValue().apply(doc.getValue())));
            }
        }
        if (Boolean.getBoolean("mapping.update")) {
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertThat(lines).as("mapped documents").hasSizeGreaterThan(500);
        for (int i = 0; i < Math.min(lines.size(), expected.size()); i++) {
            assertThat(lines.get(i)).as("line " + (i + 1)).isEqualTo(expected.get(i));
        }
        assertThat(lines).hasSameSizeAs(expected);
    }

    private interface Outcome {
        Object get();
    }

    private static String outcome(Outcome o) {
        try {
            return describe(o.get());
        } catch (BbbApiException e) {
            return e.getClass().getSimpleName() + "(" + e.messageKey() + ", " + e.serverMessage() + ")";
        } catch (BbbException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Every public no-argument accessor of our value types, recursively, in name order. */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Optional) {
            return ((Optional<?>) v).map(x -> "Optional[" + describe(x) + "]").orElse("Optional.empty");
        }
        if (v instanceof OptionalInt || v instanceof OptionalLong || v instanceof String || v instanceof Number
                || v instanceof Boolean || v instanceof Enum || v instanceof java.time.temporal.TemporalAmount
                || v instanceof java.time.temporal.Temporal || v instanceof java.net.URI) {
            return String.valueOf(v);
        }
        if (v instanceof Collection) {
            StringBuilder sb = new StringBuilder("[");
            for (Object e : (Collection<?>) v) {
                sb.append(sb.length() > 1 ? ", " : "").append(describe(e));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                sb.append(sb.length() > 1 ? ", " : "").append(e.getKey()).append('=').append(describe(e.getValue()));
            }
            return sb.append('}').toString();
        }
        StringBuilder sb = new StringBuilder(v.getClass().getSimpleName()).append('{');
        Method[] methods = Stream.of(v.getClass().getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() == v.getClass() && !m.getName().equals("toString")
                        && !m.getName().equals("hashCode") && !m.getName().equals("toBuilder"))
                .sorted(Comparator.comparing(Method::getName)).toArray(Method[]::new);
        for (Method m : methods) {
            try {
                sb.append(m.getName()).append('=').append(describe(m.invoke(v))).append(", ");
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(m.toString(), e);
            }
        }
        return sb.append('}').toString();
    }
}
