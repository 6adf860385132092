// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.util.Map;

/**
 * How presentations are provided and converted in a meeting. A group of {@code create}
 * parameters, given to {@link CreateMeetingRequest.Builder#presentation(PresentationSettings)};
 * anything not set keeps the server's default. Several documents, or inline files, go through
 * {@link CreateMeetingRequest.Builder#document(Document)} instead.
 *
 * <pre>{@code
 * PresentationSettings slides = PresentationSettings.builder()
 *         .preUploadedPresentation(URI.create("https://files.schule.de/7b/folien.pdf"))
 *         .maxNumPages(50)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PresentationSettings extends ParameterGroup {
    private PresentationSettings(Map<String, String> parameters) {
        super(parameters);
    }

    /**
     * Starts an empty group.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the values of {@link PresentationSettings}. Not thread-safe; setting a value again replaces it. */
    public static final class Builder {
        private final Parameters params = new Parameters();

        private Builder() {
        }

        /**
         * A link to an external storage for presentations ({@code presentationUploadExternalUrl}, 2.6).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder uploadExternalUrl(URI value) {
            params.put("presentationUploadExternalUrl", Validation.url("presentationUploadExternalUrl", value));
            return this;
        }

        /**
         * The text explaining {@link #uploadExternalUrl(URI)} ({@code presentationUploadExternalDescription}, 2.6).
         *
         * @param value the text, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it has control characters
         */
        public Builder uploadExternalDescription(String value) {
            params.put("presentationUploadExternalDescription", Validation.text("presentationUploadExternalDescription", value));
            return this;
        }

        /**
         * A presentation the server downloads on create ({@code preUploadedPresentation}, 2.7.2).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder preUploadedPresentation(URI value) {
            params.put("preUploadedPresentation", Validation.url("preUploadedPresentation", value));
            return this;
        }

        /**
         * The file name for {@link #preUploadedPresentation(URI)} ({@code preUploadedPresentationName}, 2.7.2).
         *
         * @param value not blank, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if blank or with control characters
         */
        public Builder preUploadedPresentationName(String value) {
            params.put("preUploadedPresentationName", Validation.nonBlank("preUploadedPresentationName", value));
            return this;
        }

        /**
         * Whether provided slides replace the server's default presentation
         * ({@code preUploadedPresentationOverrideDefault}).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder preUploadedPresentationOverrideDefault(boolean value) {
            params.put("preUploadedPresentationOverrideDefault", Validation.flag(value));
            return this;
        }

        /**
         * The most pages an uploaded presentation may have ({@code maxNumPages}, since BigBlueButton 3.0).
         *
         * @param value a positive number
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxNumPages(int value) {
            params.put("maxNumPages", Integer.toString(Validation.positive("maxNumPages", value)));
            return this;
        }

        /**
         * Whether the server may reuse an earlier conversion of the same file
         * ({@code presentationConversionCacheEnabled}, since BigBlueButton 3.0; the server must have
         * the cache configured).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder conversionCacheEnabled(boolean value) {
            params.put("presentationConversionCacheEnabled", Validation.flag(value));
            return this;
        }

        /**
         * Builds the group.
         *
         * @return the immutable group
         */
        public PresentationSettings build() {
            return new PresentationSettings(params.build());
        }
    }
}
