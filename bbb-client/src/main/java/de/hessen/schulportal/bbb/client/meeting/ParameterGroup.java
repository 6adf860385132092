// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What every group of create settings ({@link LockSettings}, {@link Branding}, …) has in common:
 * it turns its values into {@code create} parameters in one place, its {@link #parameters()}
 * method, which lists each parameter's wire name, the rule its value must keep and the accessor
 * it comes from. Only values that were set become parameters; the server keeps its default for
 * the others. The groups' declarations compute it once, when {@code build()} runs, so a value
 * that breaks its rule is refused there, with a message naming the parameter and the rule.
 */
abstract class ParameterGroup {
    /**
     * {@return the create parameters of this group in wire form, in the order the group declares them:
     * an unmodifiable map from wire name to value; empty if nothing was set}
     */
    public abstract Map<String, String> parameters();

    /**
     * Collects a group's parameters: each present value is checked by the rule the method is
     * named after ({@link Validation}, with the wire name in its message) and put in wire form;
     * an empty value is left out.
     */
    static final class Wire {
        private final Parameters parameters = new Parameters();

        Wire flag(String name, Optional<Boolean> value) {
            value.ifPresent(v -> parameters.put(name, Validation.flag(v)));
            return this;
        }

        Wire text(String name, Optional<String> value) {
            value.ifPresent(v -> parameters.put(name, Validation.text(name, v)));
            return this;
        }

        Wire nonBlank(String name, Optional<String> value) {
            value.ifPresent(v -> parameters.put(name, Validation.nonBlank(name, v)));
            return this;
        }

        Wire url(String name, Optional<URI> value) {
            value.ifPresent(v -> parameters.put(name, Validation.url(name, v)));
            return this;
        }

        Wire minutes(String name, Optional<Duration> value) {
            value.ifPresent(v -> parameters.put(name, Long.toString(Validation.wholeMinutes(name, v))));
            return this;
        }

        Wire positive(String name, OptionalInt value) {
            value.ifPresent(v -> parameters.put(name, Integer.toString(Validation.positive(name, v))));
            return this;
        }

        Wire nonNegative(String name, OptionalInt value) {
            value.ifPresent(v -> parameters.put(name, Integer.toString(Validation.nonNegative(name, v))));
            return this;
        }

        /** Puts {@code plugin_<plugin>_<key>}, checked by {@link Parameters#plugin(String, String, String)}. */
        Wire plugin(String plugin, String key, String value) {
            parameters.plugin(plugin, key, value);
            return this;
        }

        /** Puts a value its group has checked already. */
        Wire checked(String name, Optional<String> value) {
            value.ifPresent(v -> parameters.put(name, v));
            return this;
        }

        Map<String, String> build() {
            return parameters.build();
        }
    }
}
