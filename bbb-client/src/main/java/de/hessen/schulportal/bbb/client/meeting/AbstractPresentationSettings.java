// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * How presentations are provided and converted in a meeting. A group of {@code create}
 * parameters, given to {@link CreateMeetingRequest.Builder#presentation(PresentationSettings)}; a
 * value not set is empty and not sent, so the server keeps its default. {@code build()} refuses a
 * value that breaks its rule, naming the parameter. Several documents, or inline files, go through
 * {@link CreateMeetingRequest.Builder#document(Document)} instead. Immutable and thread-safe;
 * {@code toString()} leaves out the URLs (a download link may carry a token).
 *
 * <pre>{@code
 * PresentationSettings slides = PresentationSettings.builder()
 *         .preUploadedPresentation(URI.create("https://files.schule.de/7b/folien.pdf"))
 *         .maxNumPages(50)
 *         .build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractPresentationSettings extends ParameterGroup {
    /** {@return a link to an external storage users may upload presentations from, an absolute http(s) URL ({@code presentationUploadExternalUrl}, 2.6); none by default; empty if not set} */
    @Value.Redacted
    public abstract Optional<URI> uploadExternalUrl();

    /** {@return the text explaining {@link #uploadExternalUrl()} ({@code presentationUploadExternalDescription}, 2.6), no control characters; empty if not set} */
    public abstract Optional<String> uploadExternalDescription();

    /** {@return a presentation the server downloads on create and makes current, an absolute http(s) URL ({@code preUploadedPresentation}, 2.7.2); empty if not set} */
    @Value.Redacted
    public abstract Optional<URI> preUploadedPresentation();

    /** {@return the file name shown for {@link #preUploadedPresentation()} ({@code preUploadedPresentationName}, 2.7.2), not blank; the server derives one from the URL by default; empty if not set} */
    public abstract Optional<String> preUploadedPresentationName();

    /** {@return whether provided slides replace the server's default presentation ({@code preUploadedPresentationOverrideDefault}); server default {@code true}; empty if not set} */
    public abstract Optional<Boolean> preUploadedPresentationOverrideDefault();

    /** {@return whether the server may reuse an earlier conversion of the same file ({@code presentationConversionCacheEnabled}, 3.0; the server must have the cache configured); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> conversionCacheEnabled();

    /** {@return the most pages an uploaded presentation may have, positive ({@code maxNumPages}, 3.0); server default its {@code maxNumPages} property (200 as shipped); empty if not set} */
    public abstract OptionalInt maxNumPages();

    /** {@return the values that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        return new Wire()
                .url("presentationUploadExternalUrl", uploadExternalUrl())
                .text("presentationUploadExternalDescription", uploadExternalDescription())
                .url("preUploadedPresentation", preUploadedPresentation())
                .nonBlank("preUploadedPresentationName", preUploadedPresentationName())
                .flag("preUploadedPresentationOverrideDefault", preUploadedPresentationOverrideDefault())
                .flag("presentationConversionCacheEnabled", conversionCacheEnabled())
                .positive("maxNumPages", maxNumPages())
                .build();
    }
}
