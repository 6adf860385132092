// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.Redactor;
import java.net.URI;

/**
 * A complete, signed API URL, such as a join link for a user's browser. It is a credential: anyone
 * who has it can use it. {@link #toString()} therefore masks the checksum and other credential
 * parameters; {@link #toUri()} and {@link #rawUrl()} are the explicit ways out.
 *
 * <p>Immutable. The URL is kept exactly as it was signed; {@link #toUri()} does not re-encode it.
 */
public final class SignedUrl {
    private final String call;
    private final String url;

    SignedUrl(String call, String url) {
        this.call = call;
        this.url = url;
    }

    /** {@return the API call the URL invokes, e.g. {@code join}} */
    public String call() {
        return call;
    }

    /**
     * {@return the URL as a {@link URI}, byte for byte as signed} Hand it to the user's browser (a
     * redirect or a link); do not log it.
     */
    public URI toUri() {
        return URI.create(url);
    }

    /** {@return the URL as a string, byte for byte as signed} Do not log it. */
    public String rawUrl() {
        return url;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedUrl && ((SignedUrl) o).url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    /** {@return the URL with its checksum and other credentials masked, safe for logs} */
    @Override
    public String toString() {
        return Redactor.redact(url);
    }
}
