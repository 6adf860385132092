package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
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

    PlaybackFormat(XmlNode n) {
        this.type = n.text("type");
        this.url = n.text("url");
        this.processingTime = Duration.ofMillis(Math.max(0, n.longValue("processingTime", 0)));
        this.length = n.minutes("length");
        this.size = n.longValue("size", -1);
        List<PreviewImage> images = new ArrayList<>();
        for (XmlNode i : n.child("preview").child("images").children("image")) {
            images.add(new PreviewImage(i));
        }
        this.previewImages = Collections.unmodifiableList(images);
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
}
