// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.internal.ValueType;
import org.immutables.value.Value;

/**
 * One setting of a client plugin, sent as {@code plugin_<plugin>_<key>} in {@link Plugins}
 * (BigBlueButton 3.0); the plugin's manifest reads it through a {@code ${plugin_<plugin>_<key>}}
 * placeholder. {@link PluginSetting#of(String, String, String)} and {@code build()} refuse a plugin
 * name, key or value that breaks its rule, naming it. Immutable and thread-safe; {@code toString()}
 * leaves out the value (it may be a key for a service).
 *
 * <pre>{@code
 * PluginSetting mode = PluginSetting.of("PickRandomUserPlugin", "mode", "fair");
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractPluginSetting {
    /** {@return the plugin's name as in its manifest, {@code [a-zA-Z0-9_-]+}} */
    @Value.Parameter
    public abstract String plugin();

    /** {@return the setting's name, {@code [a-z][a-z0-9-]*}} */
    @Value.Parameter
    public abstract String key();

    /** {@return the setting's value, no control characters} */
    @Value.Parameter
    @Value.Redacted
    public abstract String value();

    @Value.Check
    final void check() {
        Validation.text(Validation.pluginSetting(plugin(), key()), value());
    }
}
