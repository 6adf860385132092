package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbAsyncClient;
import de.hessen.schulportal.bbb.client.BbbClient;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix and the retry rules cover every HTTP call: each public call method of
 * {@link BbbClient} and {@link BbbAsyncClient} has an entry in {@link ApiCalls}, so a new call
 * cannot skip them.
 */
class ApiCallsCoverageTest {
    /** Methods that make no HTTP call of their own, or only through a covered one. */
    private static final Set<String> NOT_CALLS = Set.of("joinUrl", "allRecordings", "async", "apiBaseUrl", "toBuilder",
            "close", "checkConnection", "builder");
    private static final Map<String, String> HOOKS = Map.of("createHook", "hooks/create", "listHooks", "hooks/list",
            "destroyHook", "hooks/destroy");

    private static Set<String> callsOf(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(n -> !NOT_CALLS.contains(n) && !n.equals("toString") && !n.equals("equals") && !n.equals("hashCode"))
                .map(n -> HOOKS.getOrDefault(n, n))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyClientCall_isInTheFaultMatrix() {
        Set<String> listed = Arrays.stream(ApiCalls.values()).map(c -> c.callName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(callsOf(BbbClient.class)).isEqualTo(listed);
        assertThat(callsOf(BbbAsyncClient.class)).isEqualTo(listed);
    }
}
