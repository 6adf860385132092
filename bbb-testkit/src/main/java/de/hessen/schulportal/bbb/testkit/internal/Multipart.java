// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Just enough multipart/form-data parsing to find one named file part. */
final class Multipart {
    private Multipart() {
    }

    /** The bytes of the part named {@code field}, or null when absent or the body is not multipart. */
    static byte[] part(String contentType, byte[] body, String field) {
        if (contentType == null) {
            return null;
        }
        int b = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("boundary=");
        if (b < 0) {
            return null;
        }
        String boundary = contentType.substring(b + 9).split(";")[0].trim();
        if (boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() >= 2) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets in the string are offsets in the body.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int pos = text.indexOf(delimiter);
        while (pos >= 0) {
            int headersStart = pos + delimiter.length();
            if (text.startsWith("--", headersStart)) {
                return null;
            }
            int headersEnd = text.indexOf("\r\n\r\n", headersStart);
            if (headersEnd < 0) {
                return null;
            }
            String headers = text.substring(headersStart, headersEnd);
            int next = text.indexOf("\r\n" + delimiter, headersEnd + 4);
            if (next < 0) {
                return null;
            }
            if (headers.contains("name=\"" + field + "\"")) {
                return Arrays.copyOfRange(body, headersEnd + 4, next);
            }
            pos = next + 2;
        }
        return null;
    }
}
