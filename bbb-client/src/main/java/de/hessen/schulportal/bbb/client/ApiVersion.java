package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
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

    ApiVersion(XmlNode n) {
        this.version = n.text("version");
        this.apiVersion = n.text("apiVersion");
        this.bbbVersion = n.text("bbbVersion");
        this.build = n.text("build");
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ApiVersion)) {
            return false;
        }
        ApiVersion v = (ApiVersion) o;
        return version.equals(v.version) && apiVersion.equals(v.apiVersion) && bbbVersion.equals(v.bbbVersion)
                && build.equals(v.build);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, apiVersion, bbbVersion, build);
    }

    @Override
    public String toString() {
        return "ApiVersion{version=" + version + ", apiVersion=" + apiVersion + ", bbbVersion=" + bbbVersion
                + ", build=" + build + '}';
    }
}
