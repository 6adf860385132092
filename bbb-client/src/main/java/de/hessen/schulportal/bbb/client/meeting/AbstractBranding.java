// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * How the client looks for a meeting: banner, logos, copyright line. A group of {@code create}
 * parameters, given to {@link CreateMeetingRequest.Builder#branding(Branding)}; a value not set
 * is empty and not sent, so the server keeps its default. {@code build()} refuses a value that
 * breaks its rule, naming the parameter. Immutable and thread-safe; {@code toString()} leaves out
 * the logo URLs (a URL may carry a token).
 *
 * <pre>{@code
 * Branding branding = Branding.builder().bannerText("Schulportal Hessen").bannerColor("#0A5C9E").build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractBranding extends ParameterGroup {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** {@return the text of the banner above the client ({@code bannerText}, 2.0), no control characters; no banner by default; empty if not set} */
    public abstract Optional<String> bannerText();

    /** {@return the banner colour as {@code #RRGGBB} ({@code bannerColor}, 2.0; bbb-web does not check it, this SDK does); empty if not set} */
    public abstract Optional<String> bannerColor();

    /** {@return the logo shown in the client, an absolute http(s) URL ({@code logo}); the server's {@code defaultLogoURL} by default; empty if not set} */
    @Value.Redacted
    public abstract Optional<URI> logo();

    /** {@return the logo for the dark theme, an absolute http(s) URL ({@code darklogo}, 2.7); empty if not set} */
    @Value.Redacted
    public abstract Optional<URI> darkLogo();

    /** {@return the copyright line in the client ({@code copyright}), no control characters; empty if not set} */
    public abstract Optional<String> copyright();

    /** {@return the values that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        return new Wire()
                .text("bannerText", bannerText())
                .checked("bannerColor", bannerColor().map(AbstractBranding::colour))
                .url("logo", logo())
                .url("darklogo", darkLogo())
                .text("copyright", copyright())
                .build();
    }

    private static String colour(String value) {
        if (!COLOUR.matcher(value).matches()) {
            throw new IllegalArgumentException("bannerColor must be #RRGGBB, e.g. #0A5C9E");
        }
        return value;
    }
}
