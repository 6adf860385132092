// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.dataprotection;

import de.hessen.schulportal.bbb.portal.record.ProcessingRecord;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The record of processing activities for the running configuration, as the actuator endpoint
 * {@code bbbrecord}: {@code GET /actuator/bbbrecord/de} (HTML page) and
 * {@code GET /actuator/bbbrecord/en/markdown}. Off by default: enable it with
 * {@code management.endpoint.bbbrecord.access=read-only} and expose it
 * ({@code management.endpoints.web.exposure.include=bbbrecord}), behind the portal's admin login.
 */
@Endpoint(id = "bbbrecord", defaultAccess = Access.NONE)
public final class BbbRecordEndpoint {
    private final ProcessingRecord record;

    BbbRecordEndpoint(ProcessingRecord record) {
        this.record = record;
    }

    /**
     * The record as an HTML page.
     *
     * @param lang {@code de} or {@code en}
     * @return the page
     */
    @ReadOperation(produces = "text/html;charset=UTF-8")
    public String html(@Selector String lang) {
        return record.toHtml(Locale.forLanguageTag(lang));
    }

    /**
     * The record as Markdown.
     *
     * @param lang {@code de} or {@code en}
     * @param format {@code markdown}
     * @return the text
     * @throws IllegalArgumentException for another format
     */
    @ReadOperation(produces = "text/markdown;charset=UTF-8")
    public String markdown(@Selector String lang, @Selector String format) {
        if (!"markdown".equals(format)) {
            throw new IllegalArgumentException("format must be markdown (or leave it out for HTML)");
        }
        return record.toMarkdown(Locale.forLanguageTag(lang));
    }
}
