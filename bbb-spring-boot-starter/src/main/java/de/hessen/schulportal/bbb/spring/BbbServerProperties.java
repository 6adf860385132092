// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;

/**
 * Where one BigBlueButton is and how calls to it are signed: the shared server ({@link BbbProperties},
 * {@code bbb.*}) and each school's own ({@link BbbProperties.Tenant}, {@code bbb.tenants.<id>.*}, whose
 * checksum algorithm falls back to the shared server's). The secret is never shown by
 * {@code toString()}. Only these two extend it.
 *
 * <p>Mutable for binding; not thread-safe. The auto-configuration reads it once at start-up.
 */
public abstract class BbbServerProperties {
    // The field comments become the IDE's descriptions of bbb.url, bbb.secret and bbb.checksum-algorithm
    // (spring-configuration-metadata.json); a tenant's are described where tenants are (BbbProperties.tenants).

    /**
     * Base URL of the BigBlueButton server or Scalelite/B3LB tenant, e.g.
     * https://bbb.example.org/bigbluebutton/ (with or without "api/").
     */
    private String url;

    /** Shared secret of the server (bbb-conf --secret) or of the Scalelite/B3LB tenant. Never logged or shown. */
    private String secret;

    /** Checksum algorithm for API calls; it must be enabled on the server (Scalelite: no SHA384). */
    private ChecksumAlgorithm checksumAlgorithm;

    /**
     * Properties with the given default algorithm, filled in by Spring's binder.
     *
     * @param checksumAlgorithm the algorithm until one is set, or {@code null} for the shared one
     */
    BbbServerProperties(ChecksumAlgorithm checksumAlgorithm) {
        this.checksumAlgorithm = checksumAlgorithm;
    }

    /**
     * The base URL.
     *
     * @return the URL, or {@code null} when not set
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets the base URL.
     *
     * @param url the URL
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * The secret. Only for the auto-configuration: never log it.
     *
     * @return the secret, or {@code null} when not set
     */
    public String getSecret() {
        return secret;
    }

    /**
     * Sets the secret.
     *
     * @param secret the secret
     */
    public void setSecret(String secret) {
        this.secret = secret;
    }

    /**
     * The checksum algorithm.
     *
     * @return the algorithm: for the shared server SHA256 unless set; for a tenant {@code null} (the
     *         shared one) unless set
     */
    public ChecksumAlgorithm getChecksumAlgorithm() {
        return checksumAlgorithm;
    }

    /**
     * Sets the checksum algorithm.
     *
     * @param checksumAlgorithm the algorithm
     */
    public void setChecksumAlgorithm(ChecksumAlgorithm checksumAlgorithm) {
        this.checksumAlgorithm = checksumAlgorithm;
    }

    /**
     * The secret as {@code toString()} shows it.
     *
     * @return {@code unset} or {@code ***}
     */
    String maskedSecret() {
        return secret == null ? "unset" : "***";
    }
}
