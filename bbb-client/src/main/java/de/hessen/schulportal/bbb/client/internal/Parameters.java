// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way every request builder collects its query parameters, with the rules that hold for
 * all of them written once:
 *
 * <ul>
 *   <li>Typed parameters (including the required ones and {@code meta_}, {@code userdata-} and
 *       {@code plugin_} entries) keep the order in which they were first set; setting one again
 *       replaces its value in place.</li>
 *   <li>{@code meta_<key>}, {@code userdata-<key>} and {@code plugin_<plugin>_<key>} names are
 *       checked by the rules in {@link Validation}: BigBlueButton would drop or alter anything else.</li>
 *   <li>The {@code additionalParam} escape hatch comes after all typed parameters. Its names are
 *       validated, it may not carry {@code checksum} (the client signs) nor one of the prefixed
 *       families above (they have typed setters with their own rules), and it may not shadow a
 *       typed parameter, because one of the two values would be lost on the way to the server.</li>
 * </ul>
 *
 * <p>Every setter returns this set, throws {@link NullPointerException} for a {@code null} argument
 * and {@link IllegalArgumentException} naming the rule an argument breaks. Not thread-safe; a
 * request builder owns one.
 */
public final class Parameters {
    private static final String META = "meta_";
    private static final String USERDATA = "userdata-";
    private static final String PLUGIN = "plugin_";
    /** The prefixed families that have typed setters, and where each goes instead of {@code additionalParam}. */
    private static final Map<String, String> TYPED_FAMILIES = Map.of(
            META, "metadata goes through meta(key, value), which checks the key the way BigBlueButton does",
            USERDATA, "client settings go through userdata(key, value), which checks the key the way BigBlueButton does",
            PLUGIN, "plugin settings go through Plugins.builder().addSettings(PluginSetting.of(plugin, key, value))");

    private final Map<String, String> typed = new LinkedHashMap<>();
    private Map<String, String> additional;

    /**
     * Sets a typed parameter; setting it again replaces the value and keeps its position. The
     * caller has validated the value. A required value may be put while still unchecked (even
     * {@code null}) to fix its position, as long as it is validated before {@link #build()}.
     */
    public Parameters put(String name, String value) {
        typed.put(name, value);
        return this;
    }

    /** {@return the value of a typed parameter, or {@code null}} */
    public String get(String name) {
        return typed.get(name);
    }

    /**
     * Sets {@code meta_<key>} after checking the key with {@link Validation#metaKey(String)} and the
     * value as text.
     */
    public Parameters meta(String key, String value) {
        Validation.metaKey(key);
        typed.put(META + key, Validation.text(META + key, value));
        return this;
    }

    /**
     * Sets {@code userdata-<key>} after checking the key with
     * {@link Validation#userdataKey(String)} and the value as text.
     */
    public Parameters userdata(String key, String value) {
        Validation.userdataKey(key);
        typed.put(USERDATA + key, Validation.text(USERDATA + key, value));
        return this;
    }

    /**
     * Sets {@code plugin_<plugin>_<key>} after checking it with
     * {@link Validation#pluginSetting(String, String)} and the value as text. bbb-web looks plugin
     * settings up in lower case, so two plugin names that differ only in case are refused.
     */
    public Parameters plugin(String plugin, String key, String value) {
        String name = Validation.pluginSetting(plugin, key);
        Validation.text(name, value);
        for (String existing : typed.keySet()) {
            if (!existing.equals(name) && existing.equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("plugin settings '" + existing + "' and '" + name
                        + "' differ only in case: BigBlueButton looks them up in lower case and would keep only one");
            }
        }
        typed.put(name, value);
        return this;
    }

    /**
     * Adds an escape-hatch parameter for something the SDK does not model yet; setting the same
     * name again replaces the value. Whether it shadows a typed parameter is checked in
     * {@link #build()}, so the order of the setter calls does not matter.
     */
    public Parameters additional(String name, String value) {
        Validation.parameterName(name);
        for (Map.Entry<String, String> family : TYPED_FAMILIES.entrySet()) {
            if (name.startsWith(family.getKey())) {
                throw new IllegalArgumentException("additionalParam '" + name + "': " + family.getValue());
            }
        }
        Validation.text("additionalParam " + name, value);
        if (additional == null) {
            additional = new LinkedHashMap<>();
        }
        additional.put(name, value);
        return this;
    }

    /**
     * The parameters in wire order (typed, then additional) as an unmodifiable copy; this set stays
     * usable.
     *
     * @return the parameters in wire order
     * @throws IllegalArgumentException if an additional parameter repeats a typed or required one
     */
    public Map<String, String> build() {
        Map<String, String> all = new LinkedHashMap<>(typed);
        if (additional != null) {
            for (Map.Entry<String, String> e : additional.entrySet()) {
                if (all.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("additionalParam '" + e.getKey()
                            + "' is also set by builder() or a typed setter; set it only once, through the typed setter");
                }
                all.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(all);
    }
}
