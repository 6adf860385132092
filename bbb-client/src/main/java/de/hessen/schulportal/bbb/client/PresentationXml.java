// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.meeting.Document;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes the {@code <modules>} XML body of {@code create} and {@code insertDocument}. No XML
 * declaration: Scalelite fails on one (scalelite#1063), and BigBlueButton does not need it.
 */
final class PresentationXml {
    private PresentationXml() {
    }

    /** {@return the UTF-8 body for documents (may be none) and a client settings override JSON (or {@code null})} */
    static byte[] modules(List<Document> documents, String clientSettingsOverride) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<modules>");
        if (!documents.isEmpty()) {
            sb.append("<module name=\"presentation\">");
            for (Document d : documents) {
                sb.append("<document");
                if (d.url().isPresent()) {
                    attribute(sb, "url", d.url().get().toString());
                    d.name().ifPresent(n -> attribute(sb, "filename", n));
                } else {
                    attribute(sb, "name", d.name().orElseThrow());
                }
                d.current().ifPresent(v -> attribute(sb, "current", v.toString()));
                d.downloadable().ifPresent(v -> attribute(sb, "downloadable", v.toString()));
                d.removable().ifPresent(v -> attribute(sb, "removable", v.toString()));
                if (d.content().isPresent()) {
                    sb.append('>').append(Base64.getEncoder().encodeToString(d.content().get())).append("</document>");
                } else {
                    sb.append("/>");
                }
            }
            sb.append("</module>");
        }
        if (clientSettingsOverride != null) {
            sb.append("<module name=\"clientSettingsOverride\"><![CDATA[").append(clientSettingsOverride)
                    .append("]]></module>");
        }
        sb.append("</modules>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }
}
