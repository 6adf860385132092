// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.request.BbbRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code putRecordingTextTrack} call: upload a subtitle or caption file (WebVTT, SRT, SSA/ASS)
 * for a recording. Processing on the server is asynchronous.
 *
 * <pre>{@code
 * PutRecordingTextTrackRequest request = PutRecordingTextTrackRequest
 *         .builder(recordId, TextTrackKind.SUBTITLES, "de-DE", "untertitel.vtt", bytes)
 *         .label("Deutsch")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class PutRecordingTextTrackRequest extends BbbRequest {
    /** Whether a track is subtitles (translation) or captions (for the deaf and hard of hearing). */
    public enum TextTrackKind {
        /** Subtitles. */
        SUBTITLES,
        /** Captions. */
        CAPTIONS;

        /** {@return the wire name: {@code subtitles} or {@code captions}} */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String fileName;
    private final byte[] content;
    private final String contentType;

    private PutRecordingTextTrackRequest(Builder b, Map<String, String> parameters) {
        super(parameters);
        this.fileName = b.fileName;
        this.content = b.content;
        this.contentType = b.contentType;
    }

    /**
     * {@return a new builder}
     *
     * @param recordId the record ID
     * @param kind subtitles or captions
     * @param lang a language tag such as {@code de-DE}
     * @param fileName the file's name, e.g. {@code de.vtt}
     * @param content the file's bytes; copied
     */
    public static Builder builder(String recordId, TextTrackKind kind, String lang, String fileName, byte[] content) {
        return new Builder(recordId, kind, lang, fileName, content);
    }

    /** {@return the file name sent in the multipart body} */
    public String fileName() {
        return fileName;
    }

    /** {@return a copy of the file's bytes} */
    public byte[] content() {
        return content.clone();
    }

    /** {@return the file's MIME type} */
    public String contentType() {
        return contentType;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && fileName.equals(((PutRecordingTextTrackRequest) o).fileName)
                && Arrays.equals(content, ((PutRecordingTextTrackRequest) o).content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters(), fileName);
    }

    @Override
    public String toString() {
        return super.toString() + "{" + content.length + " bytes}";
    }

    /** Collects the request. Not thread-safe. */
    public static final class Builder extends BbbRequest.Builder<Builder> {
        private final String recordId;
        private final TextTrackKind kind;
        private final String lang;
        private final String fileName;
        private final byte[] content;
        private String contentType = "text/vtt";
        private final Parameters params = new Parameters();

        private Builder(String recordId, TextTrackKind kind, String lang, String fileName, byte[] content) {
            this.recordId = recordId;
            this.kind = kind;
            this.lang = lang;
            this.fileName = fileName;
            this.content = content == null ? null : content.clone();
            // Their place on the wire is first; their values are checked in build().
            params.put("recordID", recordId).put("kind", kind == null ? null : kind.wireName()).put("lang", lang);
        }

        /**
         * The label shown in the player; the server derives one from the language if not set.
         */
        public Builder label(String value) {
            params.put("label", Validation.nonBlank("label", value));
            return this;
        }

        /**
         * The file's MIME type. Default {@code text/vtt}.
         */
        public Builder contentType(String value) {
            Validation.nonBlank("contentType", value);
            if (!value.matches("[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+")) {
                throw new IllegalArgumentException("contentType must be a bare MIME type such as text/vtt");
            }
            this.contentType = value;
            return this;
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if a value given to {@code builder(...)} is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public PutRecordingTextTrackRequest build() {
            Validation.nonBlank("recordID", recordId);
            Validation.required("kind", kind);
            Validation.nonBlank("lang", lang);
            if (!lang.matches("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*")) {
                throw new IllegalArgumentException("lang must be a language tag such as de or de-DE");
            }
            Validation.nonBlank("file name", fileName);
            if (fileName.contains("\"") || fileName.contains("\\")) {
                throw new IllegalArgumentException("file name must not contain quotes or backslashes");
            }
            Validation.required("file content", content);
            if (content.length == 0) {
                throw new IllegalArgumentException("file content must not be empty: the server rejects empty tracks");
            }
            return new PutRecordingTextTrackRequest(this, withAdditional(params.build()));
        }
    }
}
