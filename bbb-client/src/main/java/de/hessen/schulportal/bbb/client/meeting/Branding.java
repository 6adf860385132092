// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.util.Map;

/**
 * How the client looks for a meeting: banner, logos, copyright line. A group of {@code create}
 * parameters, given to {@link CreateMeetingRequest.Builder#branding(Branding)}; anything not set
 * keeps the server's default.
 *
 * <pre>{@code
 * Branding branding = Branding.builder().bannerText("Schulportal Hessen").bannerColor("#0A5C9E").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Branding extends ParameterGroup {
    private Branding(Map<String, String> parameters) {
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

    /** Collects the values of a {@link Branding}. Not thread-safe; setting a value again replaces it. */
    public static final class Builder {
        private final Parameters params = new Parameters();

        private Builder() {
        }

        /**
         * The text of the banner above the client ({@code bannerText}, 2.0).
         *
         * @param value the text, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it has control characters
         */
        public Builder bannerText(String value) {
            params.put("bannerText", Validation.text("bannerText", value));
            return this;
        }

        /**
         * The banner colour ({@code bannerColor}, 2.0).
         *
         * @param value {@code #RRGGBB}
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it is not {@code #RRGGBB}
         */
        public Builder bannerColor(String value) {
            Validation.required("bannerColor", value);
            if (!value.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("bannerColor must be #RRGGBB, e.g. #0A5C9E");
            }
            params.put("bannerColor", value);
            return this;
        }

        /**
         * The logo shown in the client ({@code logo}).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder logo(URI value) {
            params.put("logo", Validation.url("logo", value));
            return this;
        }

        /**
         * The logo for the dark theme ({@code darklogo}, 2.7).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder darkLogo(URI value) {
            params.put("darklogo", Validation.url("darklogo", value));
            return this;
        }

        /**
         * The copyright text in the client ({@code copyright}).
         *
         * @param value the text, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if it has control characters
         */
        public Builder copyright(String value) {
            params.put("copyright", Validation.text("copyright", value));
            return this;
        }

        /**
         * Builds the group.
         *
         * @return the immutable group
         */
        public Branding build() {
            return new Branding(params.build());
        }
    }
}
