// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import java.util.Objects;
import java.util.OptionalInt;

/** A thumbnail of a playback format. Immutable. */
public final class PreviewImage {
    private final String url;
    private final int width;
    private final int height;
    private final String alt;

    private PreviewImage(Builder b) {
        this.url = b.url;
        this.width = b.width;
        this.height = b.height;
        this.alt = b.alt;
    }


    /**
     * The image URL.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * The width in pixels.
     *
     * @return the width, or empty if not given
     */
    public OptionalInt width() {
        return width < 0 ? OptionalInt.empty() : OptionalInt.of(width);
    }

    /**
     * The height in pixels.
     *
     * @return the height, or empty if not given
     */
    public OptionalInt height() {
        return height < 0 ? OptionalInt.empty() : OptionalInt.of(height);
    }

    /**
     * The alternative text (the slide title).
     *
     * @return the text, or empty
     */
    public String alt() {
        return alt;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PreviewImage)) {
            return false;
        }
        PreviewImage p = (PreviewImage) o;
        return url.equals(p.url) && width == p.width && height == p.height && alt.equals(p.alt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, width, height, alt);
    }

    @Override
    public String toString() {
        return "PreviewImage{" + url + ", " + width + "x" + height + '}';
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

    /** Builds a {@link PreviewImage}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String url = "";
        private int width = -1;
        private int height = -1;
        private String alt = "";

        private Builder() {
        }

        /**
         * Sets {@code url}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder url(String value) {
            this.url = Objects.requireNonNull(value, "url");
            return this;
        }

        /**
         * Sets {@code width}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder width(int value) {
            this.width = value;
            return this;
        }

        /**
         * Sets {@code height}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder height(int value) {
            this.height = value;
            return this;
        }

        /**
         * Sets {@code alt}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder alt(String value) {
            this.alt = Objects.requireNonNull(value, "alt");
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public PreviewImage build() {
            return new PreviewImage(this);
        }
    }
}
