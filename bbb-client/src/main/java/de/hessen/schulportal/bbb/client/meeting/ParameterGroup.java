// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import java.util.Map;
import java.util.Objects;

/**
 * What every group of create parameters ({@link LockSettings}, {@link Branding}, …) has in common:
 * its parameters in wire form, value equality, and a {@code toString()} that names the parameters
 * but shows no value (a URL may carry a token).
 */
abstract class ParameterGroup {
    private final Map<String, String> parameters;

    ParameterGroup(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * The create parameters of this group in wire form, in the order they were set.
     *
     * @return an unmodifiable map from wire name to value
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((ParameterGroup) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass().getSimpleName(), parameters);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + parameters.keySet();
    }
}
