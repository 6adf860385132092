// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One client plugin by its manifest, an entry of {@code pluginManifests} in {@link Plugins}
 * (BigBlueButton 3.0). {@code build()} and {@link PluginManifest#of(String)} refuse a URL that is
 * not an absolute http(s) URL once bbb-web's placeholders are taken out, or a checksum that is not
 * a lower-case hex SHA-256. Immutable and thread-safe; {@code toString()} leaves out the URL (a
 * URL may carry a token).
 *
 * <pre>{@code
 * PluginManifest pick = PluginManifest.of("https://cdn.schule.de/%%HTML5_PLUGIN_SDK_VERSION%%/pick/manifest.json");
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractPluginManifest {
    /** {@return the manifest's absolute http(s) URL, bbb-web's placeholders allowed ({@code url} in {@code pluginManifests})} */
    @Value.Parameter
    @Value.Redacted
    public abstract String url();

    /** {@return the lower-case hex SHA-256 of the manifest, which bbb-web compares case-sensitively and refuses a manifest that does not match ({@code checksum} in {@code pluginManifests}); empty if not set, then not checked} */
    public abstract Optional<String> checksum();

    @Value.Check
    final void check() {
        AbstractPlugins.manifestUrl("pluginManifests url", url());
        checksum().ifPresent(sha256 -> {
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("pluginManifests checksum must be 64 lower-case hex digits (SHA-256):"
                        + " bbb-web compares it with its own lower-case hex digest");
            }
        });
    }

    /** This manifest as its entry of the {@code pluginManifests} JSON array; {@link #check()} kept out what JSON would need escaped. */
    final String json() {
        return "{\"url\":\"" + url() + "\"" + checksum().map(c -> ",\"checksum\":\"" + c + "\"").orElse("") + "}";
    }
}
