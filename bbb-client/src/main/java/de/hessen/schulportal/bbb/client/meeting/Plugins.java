// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client plugins of a meeting and their settings (since BigBlueButton 3.0). A group of
 * {@code create} parameters, given to {@link CreateMeetingRequest.Builder#plugins(Plugins)}. The
 * server merges these plugins with its own list.
 *
 * <ul>
 *   <li>{@link Builder#manifest(String)} → {@code pluginManifests}, the JSON array bbb-web reads:
 *       {@code [{"url":"…"},{"url":"…","checksum":"…"}]}.</li>
 *   <li>{@link Builder#manifestsFetchUrl(String)} → {@code pluginManifestsFetchUrl}, a URL of such
 *       an array.</li>
 *   <li>{@link Builder#setting(String, String, String)} → {@code plugin_<plugin>_<key>}, the values a
 *       plugin's manifest reads through {@code ${plugin_<plugin>_<key>}} placeholders. These are not
 *       metadata: a {@code meta_plugin_…} key would be dropped by bbb-web's meta rule, so plugin
 *       settings have their own parameter family. Placeholders of the form {@code ${meta_<key>}}
 *       read ordinary metadata ({@link CreateMeetingRequest.Builder#meta(String, String)}).</li>
 * </ul>
 *
 * <p>URLs may contain bbb-web's placeholders ({@code %%HTML5_PLUGIN_SDK_VERSION%%},
 * {@code %%HTML5_PLUGIN_SDK_MAIN_VERSION%%}, {@code %%BBB_VERSION%%}, {@code %%BBB_MAIN_VERSION%%},
 * {@code %%MEETING_ID%%}); they are sent unchanged and the rest must be an absolute http(s) URL.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.builder()
 *         .manifest("https://cdn.schule.de/%%HTML5_PLUGIN_SDK_VERSION%%/pick-random-user/manifest.json")
 *         .setting("PickRandomUserPlugin", "mode", "fair")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Plugins extends ParameterGroup {
    private static final String[] PLACEHOLDERS = {"%%HTML5_PLUGIN_SDK_VERSION%%", "%%HTML5_PLUGIN_SDK_MAIN_VERSION%%",
        "%%BBB_VERSION%%", "%%BBB_MAIN_VERSION%%", "%%MEETING_ID%%"};

    private Plugins(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * Starts an empty group.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A manifest URL, checked with the placeholders bbb-web replaces taken out. */
    private static String manifestUrl(String parameter, String value) {
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

    /** Collects the values of {@link Plugins}. Not thread-safe. */
    public static final class Builder {
        private final List<String> manifests = new ArrayList<>();
        private final Parameters params = new Parameters();

        private Builder() {
        }

        /**
         * Adds a plugin by its manifest URL.
         *
         * @param manifestUrl an absolute http(s) URL, placeholders allowed
         * @return this builder
         * @throws NullPointerException if the URL is {@code null}
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder manifest(String manifestUrl) {
            manifests.add("{\"url\":\"" + manifestUrl("pluginManifests url", manifestUrl) + "\"}");
            return this;
        }

        /**
         * Adds a plugin by its manifest URL and the SHA-256 of the manifest; bbb-web refuses a
         * manifest whose content does not match.
         *
         * @param manifestUrl an absolute http(s) URL, placeholders allowed
         * @param sha256 the lower-case hex SHA-256 of the manifest (64 characters, as bbb-web
         *               compares it, case-sensitively)
         * @return this builder
         * @throws NullPointerException if an argument is {@code null}
         * @throws IllegalArgumentException if an argument breaks its rule
         */
        public Builder manifest(String manifestUrl, String sha256) {
            String url = manifestUrl("pluginManifests url", manifestUrl);
            Validation.required("pluginManifests checksum", sha256);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("pluginManifests checksum must be 64 lower-case hex digits (SHA-256):"
                        + " bbb-web compares it with its own lower-case hex digest");
            }
            manifests.add("{\"url\":\"" + url + "\",\"checksum\":\"" + sha256 + "\"}");
            return this;
        }

        /**
         * A URL the server fetches a JSON array of manifests from ({@code pluginManifestsFetchUrl},
         * since BigBlueButton 3.0).
         *
         * @param value an absolute http(s) URL, placeholders allowed
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder manifestsFetchUrl(String value) {
            params.put("pluginManifestsFetchUrl", manifestUrl("pluginManifestsFetchUrl", value));
            return this;
        }

        /**
         * A setting for one plugin ({@code plugin_<plugin>_<key>}, since BigBlueButton 3.0).
         *
         * @param plugin the plugin's name as in its manifest: {@code [a-zA-Z0-9_-]+}
         * @param key the setting: {@code [a-z][a-z0-9-]*}
         * @param value the value, no control characters
         * @return this builder
         * @throws NullPointerException if an argument is {@code null}
         * @throws IllegalArgumentException if an argument breaks its rule, or two plugin names differ
         *                                  only in case (bbb-web looks settings up in lower case)
         */
        public Builder setting(String plugin, String key, String value) {
            params.plugin(plugin, key, value);
            return this;
        }

        /**
         * Builds the group.
         *
         * @return the immutable group
         */
        public Plugins build() {
            Parameters all = new Parameters();
            if (!manifests.isEmpty()) {
                all.put("pluginManifests", "[" + String.join(",", manifests) + "]");
            }
            params.build().forEach(all::put);
            return new Plugins(all.build());
        }
    }
}
