package de.hessen.schulportal.bbb.client.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ordered parameters a request builder collects: the typed ones first, in the order they were
 * set, then the {@code additionalParam} escape hatch. An additional parameter may not shadow a typed
 * one, because one of the two would be lost on the way to the server.
 */
public final class Parameters {
    private final Map<String, String> typed = new LinkedHashMap<>();
    private final Map<String, String> additional = new LinkedHashMap<>();

    /** Creates an empty parameter set. */
    public Parameters() {
    }

    /**
     * Sets a typed parameter; setting it again replaces the value.
     *
     * @param name the wire name
     * @param value the wire value
     * @return this
     */
    public Parameters put(String name, String value) {
        typed.put(name, value);
        return this;
    }

    /**
     * Removes a typed parameter.
     *
     * @param name the wire name
     * @return this
     */
    public Parameters remove(String name) {
        typed.remove(name);
        return this;
    }

    /**
     * Whether a typed parameter is set.
     *
     * @param name the wire name
     * @return {@code true} if set
     */
    public boolean has(String name) {
        return typed.containsKey(name);
    }

    /**
     * The value of a typed parameter.
     *
     * @param name the wire name
     * @return the value or {@code null}
     */
    public String get(String name) {
        return typed.get(name);
    }

    /**
     * Adds an escape-hatch parameter for something the SDK does not model yet.
     *
     * @param name the wire name
     * @param value the wire value
     * @return this
     */
    public Parameters additional(String name, String value) {
        Validation.parameterName(name);
        Validation.text("additionalParam " + name, value);
        additional.put(name, value);
        return this;
    }

    /**
     * Merges typed and additional parameters into the immutable map that is sent.
     *
     * @return the parameters in wire order
     * @throws IllegalArgumentException if an additional parameter repeats a typed one
     */
    public Map<String, String> build() {
        Map<String, String> all = new LinkedHashMap<>(typed);
        for (Map.Entry<String, String> e : additional.entrySet()) {
            if (all.containsKey(e.getKey())) {
                throw new IllegalArgumentException("additionalParam '" + e.getKey()
                        + "' is also set by a typed setter; set it only once, through the typed setter");
            }
            all.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(all);
    }
}
