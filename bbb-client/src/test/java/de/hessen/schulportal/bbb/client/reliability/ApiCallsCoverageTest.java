// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbAsyncClient;
import de.hessen.schulportal.bbb.client.BbbClient;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix and the retry rules cover every HTTP call: each public call method of
 * {@link BbbClient} and {@link BbbAsyncClient} has an entry in {@link ApiCalls}, so a new call
 * cannot skip them. And the async client offers every call of the sync client with the same
 * parameters, returning {@code CompletableFuture} of the boxed sync result type (full signatures,
 * not names).
 */
class ApiCallsCoverageTest {
    /** Methods of the sync client that are not calls: views, settings, and the two that make no call of their own. */
    private static final Set<String> NOT_CALLS = Set.of("joinUrl", "allRecordings", "async", "apiBaseUrl", "toBuilder",
            "close", "builder");
    /** Calls that are not in the fault matrix: checkConnection never throws, it reports. */
    private static final Set<String> NOT_IN_MATRIX = Set.of("checkConnection");
    private static final Map<String, String> HOOKS = Map.of("createHook", "hooks/create", "listHooks", "hooks/list",
            "destroyHook", "hooks/destroy");
    private static final Map<Class<?>, Class<?>> BOXED = Map.of(boolean.class, Boolean.class, int.class, Integer.class,
            long.class, Long.class, void.class, Void.class);

    private static List<Method> callMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !NOT_CALLS.contains(m.getName()) && !m.getName().equals("toString")
                        && !m.getName().equals("equals") && !m.getName().equals("hashCode"))
                .collect(Collectors.toList());
    }

    private static Set<String> callsOf(Class<?> type) {
        return callMethods(type).stream().map(Method::getName).filter(n -> !NOT_IN_MATRIX.contains(n))
                .map(n -> HOOKS.getOrDefault(n, n)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** name(parameter types) -> return type, the async one mapped back to the sync form. */
    private static Set<String> signatures(Class<?> type, boolean async) {
        return callMethods(type).stream().map(m -> m.getName() + Arrays.toString(m.getGenericParameterTypes()) + " -> "
                + (async ? unwrapFuture(m.getGenericReturnType()) : boxed(m.getGenericReturnType())))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String boxed(Type t) {
        return t instanceof Class && BOXED.containsKey(t) ? BOXED.get(t).getTypeName() : t.getTypeName();
    }

    private static String unwrapFuture(Type t) {
        assertThat(t).as("async return type").isInstanceOf(ParameterizedType.class);
        ParameterizedType p = (ParameterizedType) t;
        assertThat(p.getRawType()).as("async return type").isEqualTo(CompletableFuture.class);
        return p.getActualTypeArguments()[0].getTypeName();
    }

    @Test
    void everyClientCall_isInTheFaultMatrix() {
        Set<String> listed = Arrays.stream(ApiCalls.values()).map(c -> c.callName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(callsOf(BbbClient.class)).isEqualTo(listed);
        assertThat(callsOf(BbbAsyncClient.class)).isEqualTo(listed);
    }

    @Test
    void everyCall_hasOneCanonicalMethodAndAtMostOneShortcut() {
        // STYLE.md, API shape: one canonical method per call plus at most one convenience overload.
        for (Class<?> client : List.of(BbbClient.class, BbbAsyncClient.class)) {
            Map<String, Long> methods = callMethods(client).stream()
                    .collect(Collectors.groupingBy(Method::getName, TreeMap::new, Collectors.counting()));
            assertThat(methods).as(client.getSimpleName() + " methods per call").allSatisfy((name, count) ->
                    assertThat(count).as(name).isLessThanOrEqualTo(2));
        }
    }

    @Test
    void asyncClient_offersEverySyncCall_withTheSameParametersAndTheFutureOfTheSameResult() {
        Set<String> sync = signatures(BbbClient.class, false);
        assertThat(sync).contains("listHooks[class java.lang.String] -> java.util.List<de.hessen.schulportal.bbb.client.hook.Hook>",
                "checkConnection[] -> de.hessen.schulportal.bbb.client.ConnectionCheck", "end[class java.lang.String] -> java.lang.Boolean");
        assertThat(signatures(BbbAsyncClient.class, true)).isEqualTo(sync);
    }
}
