package de.hessen.schulportal.bbb.client.recording;

import java.util.Objects;

/** A subtitle or caption track of a recording. Immutable. */
public final class TextTrack {
    private final String href;
    private final String kind;
    private final String label;
    private final String lang;
    private final String source;

    TextTrack(String href, String kind, String label, String lang, String source) {
        this.href = href;
        this.kind = kind;
        this.label = label;
        this.lang = lang;
        this.source = source;
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
}
