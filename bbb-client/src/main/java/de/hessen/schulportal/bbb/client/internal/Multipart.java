// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body with one file field, for {@code putRecordingTextTrack}. */
public final class Multipart {
    private final String boundary;
    private final byte[] body;

    private Multipart(String boundary, byte[] body) {
        this.boundary = boundary;
        this.body = body;
    }

    /** {@return a body with a single file part, and its boundary} */
    public static Multipart file(String field, String fileName, String contentType, byte[] content) {
        String boundary = "bbb-java-sdk-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, out.toByteArray());
    }

    /** The {@code Content-Type} header value with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body bytes. */
    public byte[] body() {
        return body;
    }
}
