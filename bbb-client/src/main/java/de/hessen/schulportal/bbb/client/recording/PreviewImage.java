package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.util.Objects;
import java.util.OptionalInt;

/** A thumbnail of a playback format. Immutable. */
public final class PreviewImage {
    private final String url;
    private final int width;
    private final int height;
    private final String alt;

    PreviewImage(XmlNode n) {
        this.url = n.text();
        this.width = parse(n.attribute("width").orElse(""));
        this.height = parse(n.attribute("height").orElse(""));
        this.alt = n.attribute("alt").orElse("");
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
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
}
