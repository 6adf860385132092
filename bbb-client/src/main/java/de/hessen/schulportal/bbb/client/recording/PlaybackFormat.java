// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** One way to play a recording back (presentation, video, ...). Immutable. */
public final class PlaybackFormat {
    private final String type;
    private final String url;
    private final Duration processingTime;
    private final Duration length;
    private final long size;
    private final List<PreviewImage> previewImages;

    private PlaybackFormat(Builder b) {
        this.type = b.type;
        this.url = b.url;
        this.processingTime = b.processingTime;
        this.length = b.length;
        this.size = b.size;
        this.previewImages = b.previewImages;
    }

    /**
     * The format's name exactly as sent, e.g. {@code presentation}.
     *
     * @return the name
     */
    public String type() {
        return type;
    }

    /**
     * The known kind of the format.
     *
     * @return the kind, {@link PlaybackType#UNKNOWN} for installation-specific formats
     */
    public PlaybackType playbackType() {
        return PlaybackType.fromServer(type);
    }

    /**
     * Where to play it.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * How long processing took.
     *
     * @return the duration, zero if not reported
     */
    public Duration processingTime() {
        return processingTime;
    }

    /**
     * The length of the recording in this format (the server reports whole minutes).
     *
     * @return the length
     */
    public Duration length() {
        return length;
    }

    /**
     * The size in bytes, where the server reports it.
     *
     * @return the size, or empty
     */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /**
     * Thumbnails.
     *
     * @return an unmodifiable list, empty if none
     */
    public List<PreviewImage> previewImages() {
        return previewImages;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlaybackFormat)) {
            return false;
        }
        PlaybackFormat f = (PlaybackFormat) o;
        return type.equals(f.type) && url.equals(f.url) && processingTime.equals(f.processingTime)
                && length.equals(f.length) && size == f.size && previewImages.equals(f.previewImages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, url, processingTime, length, size, previewImages);
    }

    @Override
    public String toString() {
        return "PlaybackFormat{type=" + type + ", url=" + url + ", length=" + length + '}';
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

    /** Builds a {@link PlaybackFormat}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String type = "";
        private String url = "";
        private Duration processingTime = Duration.ZERO;
        private Duration length = Duration.ZERO;
        private long size = -1;
        private List<PreviewImage> previewImages = List.of();

        private Builder() {
        }

        /**
         * Sets {@code type}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder type(String value) {
            this.type = Objects.requireNonNull(value, "type");
            return this;
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
         * Sets {@code processingTime}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder processingTime(Duration value) {
            this.processingTime = Objects.requireNonNull(value, "processingTime");
            return this;
        }

        /**
         * Sets {@code length}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder length(Duration value) {
            this.length = Objects.requireNonNull(value, "length");
            return this;
        }

        /**
         * Sets {@code size}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder size(long value) {
            this.size = value;
            return this;
        }

        /**
         * Sets {@code previewImages}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder previewImages(List<PreviewImage> value) {
            this.previewImages = List.copyOf(Objects.requireNonNull(value, "previewImages"));
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public PlaybackFormat build() {
            return new PlaybackFormat(this);
        }
    }
}
