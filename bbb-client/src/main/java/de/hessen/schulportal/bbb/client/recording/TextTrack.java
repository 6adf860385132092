// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import java.util.Objects;

/** A subtitle or caption track of a recording. Immutable. */
public final class TextTrack {
    private final String href;
    private final String kind;
    private final String label;
    private final String lang;
    private final String source;

    private TextTrack(Builder b) {
        this.href = b.href;
        this.kind = b.kind;
        this.label = b.label;
        this.lang = b.lang;
        this.source = b.source;
    }

    /**
     * Where the WebVTT file is.
     *
     * @return the URL
     */
    public String href() {
        return href;
    }

    /**
     * {@code subtitles} or {@code captions}.
     *
     * @return the kind as sent
     */
    public String kind() {
        return kind;
    }

    /**
     * The label shown in the player.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The language tag, e.g. {@code de-DE}.
     *
     * @return the tag
     */
    public String lang() {
        return lang;
    }

    /**
     * How the track was made: {@code live}, {@code automatic} or {@code upload}.
     *
     * @return the source as sent
     */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TextTrack)) {
            return false;
        }
        TextTrack t = (TextTrack) o;
        return href.equals(t.href) && kind.equals(t.kind) && label.equals(t.label) && lang.equals(t.lang)
                && source.equals(t.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(href, kind, label, lang, source);
    }

    @Override
    public String toString() {
        return "TextTrack{" + kind + ", " + lang + ", " + label + ", " + source + '}';
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

    /** Builds a {@link TextTrack}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String href = "";
        private String kind = "";
        private String label = "";
        private String lang = "";
        private String source = "";

        private Builder() {
        }

        /**
         * Sets {@code href}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder href(String value) {
            this.href = Objects.requireNonNull(value, "href");
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder kind(String value) {
            this.kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        /**
         * Sets {@code label}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder label(String value) {
            this.label = Objects.requireNonNull(value, "label");
            return this;
        }

        /**
         * Sets {@code lang}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder lang(String value) {
            this.lang = Objects.requireNonNull(value, "lang");
            return this;
        }

        /**
         * Sets {@code source}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public TextTrack build() {
            return new TextTrack(this);
        }
    }
}
