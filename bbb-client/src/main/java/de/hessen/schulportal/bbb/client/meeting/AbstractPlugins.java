// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The client plugins of a meeting and their settings (BigBlueButton 3.0). A group of
 * {@code create} parameters, given to {@link CreateMeetingRequest.Builder#plugins(Plugins)}. The
 * server merges these plugins with its own list.
 *
 * <ul>
 *   <li>{@link #manifests()} → {@code pluginManifests}, the JSON array bbb-web reads:
 *       {@code [{"url":"…"},{"url":"…","checksum":"…"}]}.</li>
 *   <li>{@link #manifestsFetchUrl()} → {@code pluginManifestsFetchUrl}, a URL of such an
 *       array.</li>
 *   <li>{@link #settings()} → {@code plugin_<plugin>_<key>}, the values a plugin's manifest reads
 *       through {@code ${plugin_<plugin>_<key>}} placeholders. These are not metadata: a
 *       {@code meta_plugin_…} key would be dropped by bbb-web's meta rule, so plugin settings have
 *       their own parameter family. Placeholders of the form {@code ${meta_<key>}} read ordinary
 *       metadata ({@link CreateMeetingRequest.Builder#meta(String, String)}).</li>
 * </ul>
 *
 * <p>URLs may contain bbb-web's placeholders ({@code %%HTML5_PLUGIN_SDK_VERSION%%},
 * {@code %%HTML5_PLUGIN_SDK_MAIN_VERSION%%}, {@code %%BBB_VERSION%%}, {@code %%BBB_MAIN_VERSION%%},
 * {@code %%MEETING_ID%%}); they are sent unchanged and the rest must be an absolute http(s) URL.
 * {@code build()} refuses a value that breaks its rule, naming the parameter. Immutable and
 * thread-safe; {@code toString()} leaves out the URLs and the settings' values.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.builder()
 *         .addManifests(PluginManifest.of("https://cdn.schule.de/%%HTML5_PLUGIN_SDK_VERSION%%/pick-random-user/manifest.json"))
 *         .addSettings(PluginSetting.of("PickRandomUserPlugin", "mode", "fair"))
 *         .build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractPlugins extends ParameterGroup {
    private static final String[] PLACEHOLDERS = {"%%HTML5_PLUGIN_SDK_VERSION%%", "%%HTML5_PLUGIN_SDK_MAIN_VERSION%%",
        "%%BBB_VERSION%%", "%%BBB_MAIN_VERSION%%", "%%MEETING_ID%%"};

    /** {@return the plugins added by their manifests, in order ({@code pluginManifests}, 3.0); empty if none, then not sent} */
    public abstract List<PluginManifest> manifests();

    /** {@return a URL the server fetches a JSON array of manifests from, placeholders allowed ({@code pluginManifestsFetchUrl}, 3.0); empty if not set} */
    @Value.Redacted
    public abstract Optional<String> manifestsFetchUrl();

    /** {@return the plugins' settings, in order ({@code plugin_<plugin>_<key>}, 3.0); no two plugin names may differ only in case, as bbb-web looks them up in lower case; empty if none} */
    public abstract List<PluginSetting> settings();

    /** {@return the values that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        Wire wire = new Wire();
        if (!manifests().isEmpty()) {
            wire.checked("pluginManifests", Optional.of(manifests().stream().map(PluginManifest::json)
                    .collect(Collectors.joining(",", "[", "]"))));
        }
        wire.checked("pluginManifestsFetchUrl", manifestsFetchUrl().map(url -> manifestUrl("pluginManifestsFetchUrl", url)));
        for (PluginSetting s : settings()) {
            wire.plugin(s.plugin(), s.key(), s.value());
        }
        return wire.build();
    }

    /**
     * Checks a manifest URL with the placeholders bbb-web replaces taken out.
     *
     * @param parameter the parameter name for the message
     * @param value the URL
     * @return the URL, unchanged
     */
    static String manifestUrl(String parameter, String value) {
        Validation.required(parameter, value);
        String probe = value;
        for (String p : PLACEHOLDERS) {
            probe = probe.replace(p, "x");
        }
        Validation.url(parameter, probe);
        Validation.text(parameter, value);
        if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(parameter + " must not contain '\"' or '\\': it is sent inside JSON");
        }
        return value;
    }
}
