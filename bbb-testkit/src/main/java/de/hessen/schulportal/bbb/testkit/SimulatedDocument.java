// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Document;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A presentation document received in the XML body of {@code create} or {@code insertDocument}.
 * URL documents of a {@code create} are downloaded after the answer, as bbb-web does (at most
 * 30,000,000 bytes and 30 s; {@link BbbSimulator#awaitCallbacks} waits for them): once that
 * succeeded with status 200, {@link #content()} holds the bytes; every attempt is also in
 * {@link BbbSimulator#callbackDeliveries()} as kind {@code presentation-download}. Immutable;
 * {@code toString()} masks the URL (which may carry a token) and the file and document names.
 */
public final class SimulatedDocument {
    private final Document d;

    private SimulatedDocument(Document d) {
        this.d = d;
    }

    static SimulatedDocument of(Document d) {
        return new SimulatedDocument(d);
    }

    /**
     * {@code "create"} or {@code "insertDocument"}: which call delivered it.
     *
     * @return the name of the call that delivered it
     */
    public String source() {
        return d.source();
    }

    /**
     * The {@code url} attribute, if it was a URL document.
     *
     * @return the URL, or empty
     */
    public Optional<String> url() {
        return Optional.ofNullable(d.url());
    }

    /**
     * The {@code filename} attribute, if present.
     *
     * @return the file name, or empty
     */
    public Optional<String> filename() {
        return Optional.ofNullable(d.filename());
    }

    /**
     * The {@code name} attribute (inline documents), if present.
     *
     * @return the name, or empty
     */
    public Optional<String> name() {
        return Optional.ofNullable(d.name());
    }

    /**
     * The {@code current} attribute (default false).
     *
     * @return whether the document was marked current
     */
    public boolean isCurrent() {
        return d.current();
    }

    /**
     * The {@code downloadable} attribute (default false, as in bbb-web's code).
     *
     * @return whether the document was marked downloadable
     */
    public boolean isDownloadable() {
        return d.downloadable();
    }

    /**
     * The {@code removable} attribute (default true, as in bbb-web's code).
     *
     * @return whether the document was marked removable
     */
    public boolean isRemovable() {
        return d.removable();
    }

    /**
     * The decoded bytes of an inline (base64) document, or the downloaded bytes of a URL document,
     * a fresh copy each call.
     *
     * @return a copy of the bytes, or empty for a URL document not (yet) downloaded
     */
    public Optional<byte[]> content() {
        return d.content() == null ? Optional.empty() : Optional.of(d.content().clone());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SimulatedDocument)) {
            return false;
        }
        Document e = ((SimulatedDocument) o).d;
        return d.source().equals(e.source()) && Objects.equals(d.url(), e.url())
                && Objects.equals(d.filename(), e.filename()) && Objects.equals(d.name(), e.name())
                && d.current() == e.current() && d.downloadable() == e.downloadable()
                && d.removable() == e.removable() && Arrays.equals(d.content(), e.content());
    }

    @Override
    public int hashCode() {
        return Objects.hash(d.source(), d.url(), d.filename(), d.name(), d.current(), d.downloadable(),
                d.removable(), Arrays.hashCode(d.content()));
    }

    @Override
    public String toString() {
        return "SimulatedDocument[source=" + d.source() + ", url=" + mask(d.url()) + ", filename=" + mask(d.filename())
                + ", name=" + mask(d.name()) + ", current=" + d.current() + ", bytes="
                + (d.content() == null ? 0 : d.content().length) + "]";
    }

    /** The mask of the generated snapshots' {@code toString()}; {@code null} (not sent) stays visible. */
    private static String mask(String value) {
        return value == null ? null : "****";
    }
}
