// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.util.Objects;
import java.util.Optional;

/**
 * What the unsigned API root ({@code GET /bigbluebutton/api/}) says about the server. Immutable.
 */
public final class ApiVersion {
    private final String version;
    private final String apiVersion;
    private final String bbbVersion;
    private final String build;
    private final String graphqlWebsocketUrl;
    private final String graphqlApiUrl;
    private final String html5PluginSdkVersion;

    private ApiVersion(Builder b) {
        this.version = b.version;
        this.apiVersion = b.apiVersion;
        this.bbbVersion = b.bbbVersion;
        this.build = b.build;
        this.graphqlWebsocketUrl = b.graphqlWebsocketUrl;
        this.graphqlApiUrl = b.graphqlApiUrl;
        this.html5PluginSdkVersion = b.html5PluginSdkVersion;
    }

    /**
     * The API version, e.g. {@code 2.0} (also what Scalelite reports).
     *
     * @return the version
     */
    public String version() {
        return version;
    }

    /**
     * The {@code apiVersion} element of BigBlueButton 3.0 and later.
     *
     * @return the value, or empty
     */
    public Optional<String> apiVersion() {
        return apiVersion.isEmpty() ? Optional.empty() : Optional.of(apiVersion);
    }

    /**
     * The BigBlueButton release, shown only when the server allows it ({@code allowRevealOfBBBVersion}).
     *
     * @return the release, or empty
     */
    public Optional<String> bbbVersion() {
        return bbbVersion.isEmpty() ? Optional.empty() : Optional.of(bbbVersion);
    }

    /**
     * Scalelite's build identifier.
     *
     * @return the build, or empty
     */
    public Optional<String> build() {
        return build.isEmpty() ? Optional.empty() : Optional.of(build);
    }

    /**
     * The GraphQL websocket URL of the html5 client (BigBlueButton 3.0).
     *
     * @return the value, or empty on older servers
     */
    public Optional<String> graphqlWebsocketUrl() {
        return graphqlWebsocketUrl.isEmpty() ? Optional.empty() : Optional.of(graphqlWebsocketUrl);
    }

    /**
     * The GraphQL API URL (BigBlueButton 3.0).
     *
     * @return the value, or empty on older servers
     */
    public Optional<String> graphqlApiUrl() {
        return graphqlApiUrl.isEmpty() ? Optional.empty() : Optional.of(graphqlApiUrl);
    }

    /**
     * The version of the html5 plugin SDK (BigBlueButton 3.0).
     *
     * @return the value, or empty on older servers
     */
    public Optional<String> html5PluginSdkVersion() {
        return html5PluginSdkVersion.isEmpty() ? Optional.empty() : Optional.of(html5PluginSdkVersion);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ApiVersion)) {
            return false;
        }
        ApiVersion v = (ApiVersion) o;
        return version.equals(v.version) && apiVersion.equals(v.apiVersion) && bbbVersion.equals(v.bbbVersion)
                && build.equals(v.build) && graphqlWebsocketUrl.equals(v.graphqlWebsocketUrl)
                && graphqlApiUrl.equals(v.graphqlApiUrl) && html5PluginSdkVersion.equals(v.html5PluginSdkVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, apiVersion, bbbVersion, build, graphqlWebsocketUrl, graphqlApiUrl, html5PluginSdkVersion);
    }

    @Override
    public String toString() {
        return "ApiVersion{version=" + version + ", apiVersion=" + apiVersion + ", bbbVersion=" + bbbVersion
                + ", build=" + build + '}';
    }

    /**
     * A builder with every field empty, zero, {@code false} or absent: for mapping answers and for
     * integrators' tests.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ApiVersion}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String version = "";
        private String apiVersion = "";
        private String bbbVersion = "";
        private String build = "";
        private String graphqlWebsocketUrl = "";
        private String graphqlApiUrl = "";
        private String html5PluginSdkVersion = "";

        private Builder() {
        }

        /**
         * Sets {@code version}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder version(String value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        /**
         * Sets {@code apiVersion}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder apiVersion(String value) {
            this.apiVersion = Objects.requireNonNull(value, "apiVersion");
            return this;
        }

        /**
         * Sets {@code bbbVersion}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder bbbVersion(String value) {
            this.bbbVersion = Objects.requireNonNull(value, "bbbVersion");
            return this;
        }

        /**
         * Sets {@code build}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder build(String value) {
            this.build = Objects.requireNonNull(value, "build");
            return this;
        }

        /**
         * Sets {@code graphqlWebsocketUrl}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder graphqlWebsocketUrl(String value) {
            this.graphqlWebsocketUrl = Objects.requireNonNull(value, "graphqlWebsocketUrl");
            return this;
        }

        /**
         * Sets {@code graphqlApiUrl}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder graphqlApiUrl(String value) {
            this.graphqlApiUrl = Objects.requireNonNull(value, "graphqlApiUrl");
            return this;
        }

        /**
         * Sets {@code html5PluginSdkVersion}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder html5PluginSdkVersion(String value) {
            this.html5PluginSdkVersion = Objects.requireNonNull(value, "html5PluginSdkVersion");
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public ApiVersion build() {
            return new ApiVersion(this);
        }
    }
}
