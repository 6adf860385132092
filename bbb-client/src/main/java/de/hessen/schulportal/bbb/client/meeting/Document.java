// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A presentation document to pre-upload on create or to insert into a running meeting: either a
 * URL the server downloads, or the file's bytes sent inline (base64 in the XML body).
 *
 * <pre>{@code
 * Document slides = Document.fromUrl(URI.create("https://files.schule.de/mathe.pdf"))
 *         .filename("mathe.pdf").current(true).downloadable(false).build();
 * }</pre>
 *
 * <p>Unset flags are left to the server, whose defaults are: not current, not downloadable,
 * removable.
 *
 * <p>Immutable and thread-safe; the builder's setters follow the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class Document {
    private final URI url;
    private final String name;
    private final byte[] content;
    private final Boolean current;
    private final Boolean downloadable;
    private final Boolean removable;

    private Document(Builder b) {
        this.url = b.url;
        this.name = b.name;
        this.content = b.content;
        this.current = b.current;
        this.downloadable = b.downloadable;
        this.removable = b.removable;
    }

    /**
     * A document the server downloads. The server only fetches https URLs by default.
     *
     * @param url an absolute http(s) URL
     * @return a builder
     */
    public static Builder fromUrl(URI url) {
        Validation.required("document url", url);
        Validation.url("document url", url.toString());
        Builder b = new Builder();
        b.url = url;
        return b;
    }

    /**
     * A document sent inline. Mind the server's body limit (about 2 MB by default).
     *
     * @param fileName the file name, with an extension the server recognises (e.g. {@code .pdf})
     * @param content the file's bytes; copied
     * @return a builder
     */
    public static Builder inline(String fileName, byte[] content) {
        Validation.nonBlank("document name", fileName);
        if (fileName.lastIndexOf('.') <= 0 || fileName.endsWith(".")) {
            throw new IllegalArgumentException("document name must have a file extension such as .pdf, the server detects the type by it");
        }
        Validation.required("document content", content);
        if (content.length == 0) {
            throw new IllegalArgumentException("document content must not be empty");
        }
        Builder b = new Builder();
        b.name = fileName;
        b.content = content.clone();
        return b;
    }

    /** {@return the URL of a downloaded document, or empty for an inline document} */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    /**
     * {@return the file name ({@code filename} for URL documents, {@code name} for inline ones), or
     * empty if none was set}
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@return a copy of the bytes of an inline document, or empty for a URL document} */
    public Optional<byte[]> content() {
        return Optional.ofNullable(content).map(byte[]::clone);
    }

    /** {@return whether the document is shown first, or empty for the server's default} */
    public Optional<Boolean> current() {
        return Optional.ofNullable(current);
    }

    /** {@return whether participants may download it, or empty for the server's default} */
    public Optional<Boolean> downloadable() {
        return Optional.ofNullable(downloadable);
    }

    /** {@return whether presenters may remove it, or empty for the server's default} */
    public Optional<Boolean> removable() {
        return Optional.ofNullable(removable);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Document)) {
            return false;
        }
        Document d = (Document) o;
        return Objects.equals(url, d.url) && Objects.equals(name, d.name) && Arrays.equals(content, d.content)
                && Objects.equals(current, d.current) && Objects.equals(downloadable, d.downloadable)
                && Objects.equals(removable, d.removable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, name, Arrays.hashCode(content), current, downloadable, removable);
    }

    @Override
    public String toString() {
        return "Document{" + (url != null ? "url" : "inline, " + content.length + " bytes") + ", name=" + name
                + ", current=" + current + ", downloadable=" + downloadable + ", removable=" + removable + '}';
    }

    /** Collects a document's options. Not thread-safe. */
    public static final class Builder {
        private URI url;
        private String name;
        private byte[] content;
        private Boolean current;
        private Boolean downloadable;
        private Boolean removable;

        private Builder() {
        }

        /**
         * The file name ({@code filename} attribute) bbb-web uses to detect the type when the URL has
         * no extension; not blank. An inline document's name is given to
         * {@link Document#inline(String, byte[])}.
         */
        public Builder filename(String value) {
            this.name = Validation.nonBlank("document filename", value);
            return this;
        }

        /**
         * Whether this document is shown first ({@code current}); the first current document wins.
         * Unless one is marked, the first document of a create is shown.
         */
        public Builder current(boolean value) {
            this.current = value;
            return this;
        }

        /**
         * Whether participants may download it ({@code downloadable}). Server default
         * {@code false} (bbb-web's code; its API documentation says {@code true}).
         */
        public Builder downloadable(boolean value) {
            this.downloadable = value;
            return this;
        }

        /**
         * Whether presenters may remove it ({@code removable}). Server default {@code true}.
         */
        public Builder removable(boolean value) {
            this.removable = value;
            return this;
        }

        /** {@return the immutable document} */
        public Document build() {
            return new Document(this);
        }
    }
}
