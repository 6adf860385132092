// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension: one {@link BbbSimulator} per test class, started before all tests and closed
 * after them. It is injected into test and lifecycle method parameters of type
 * {@code BbbSimulator}, and into fields of that type (static or instance) that are {@code null}.
 *
 * <pre>{@code
 * @ExtendWith(BbbSimulatorExtension.class)
 * class RoomServiceTest {
 *     @Test
 *     void createsRoom(BbbSimulator sim) { ... }
 * }
 * }</pre>
 *
 * <p>State is shared by the tests of the class; use distinct meeting IDs per test, and
 * {@code sim.faults().reset()} where a test changed the faults. Nested test classes share the
 * simulator of the outermost class that uses the extension.
 */
// JUnit types in its signatures are fine: whoever uses an extension reads JUnit anyway.
@SuppressWarnings("exports")
public final class BbbSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BbbSimulatorExtension.class);
    private static final String KEY = "simulator";

    private final BbbSimulatorBuilder builder;

    /** Creates the extension with the defaults of {@link BbbSimulator#start()}; JUnit does this for {@code @ExtendWith}. */
    public BbbSimulatorExtension() {
        this.builder = null;
    }

    private BbbSimulatorExtension(BbbSimulatorBuilder builder) {
        this.builder = builder;
    }

    /**
     * An extension whose simulator is started from this builder, for {@code @RegisterExtension}:
     *
     * <pre>{@code
     * @RegisterExtension
     * static BbbSimulatorExtension scalelite = BbbSimulatorExtension.with(
     *         BbbSimulator.builder().mode(SimulatorMode.SCALELITE).tenant("schule-a", "secret-a"));
     * }</pre>
     *
     * @param builder the settings; the extension starts one simulator per test class from it
     * @return the extension
     * @throws NullPointerException if {@code builder} is null
     */
    public static BbbSimulatorExtension with(BbbSimulatorBuilder builder) {
        return new BbbSimulatorExtension(Objects.requireNonNull(builder, "builder"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        BbbSimulator sim = simulator(context);
        injectFields(context.getRequiredTestClass(), null, sim);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        BbbSimulator sim = context.getStore(NAMESPACE).remove(KEY, BbbSimulator.class);
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        injectFields(testInstance.getClass(), testInstance, simulator(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BbbSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator(extensionContext);
    }

    /** The simulator of the nearest class-level context that has one, started on first use. */
    private BbbSimulator simulator(ExtensionContext context) {
        ExtensionContext owner = context;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getStore(NAMESPACE).get(KEY, BbbSimulator.class) != null) {
                return c.getStore(NAMESPACE).get(KEY, BbbSimulator.class);
            }
            if (c.getTestMethod().isEmpty() && c.getTestClass().isPresent()) {
                owner = c;
            }
        }
        BbbSimulator sim = builder == null ? BbbSimulator.start() : builder.start();
        owner.getStore(NAMESPACE).put(KEY, sim);
        return sim;
    }

    private static void injectFields(Class<?> type, Object instance, BbbSimulator sim) throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() != BbbSimulator.class || Modifier.isFinal(f.getModifiers())) {
                    continue;
                }
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (isStatic != (instance == null)) {
                    continue;
                }
                f.setAccessible(true);
                if (f.get(instance) == null) {
                    f.set(instance, sim);
                }
            }
        }
    }
}
