// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.nio.charset.StandardCharsets;

/** An answer to send: status, content type (or null), optional Location, body, optional Set-Cookie value. */
public record ApiResponse(int status, String contentType, String location, byte[] body, String setCookie) {
    /** An answer without a cookie. */
    public ApiResponse(int status, String contentType, String location, byte[] body) {
        this(status, contentType, location, body, null);
    }

    /** This answer with a {@code Set-Cookie} header of the given value. */
    public ApiResponse withCookie(String value) {
        return new ApiResponse(status, contentType, location, body, value);
    }

    /** Not an answer: drop the connection without a response (a fault). Compared by identity. */
    public static final ApiResponse DROP = new ApiResponse(0, null, null, new byte[0]);
    /** Not an answer: keep the connection open and never answer (a fault). Compared by identity. */
    public static final ApiResponse HOLD = new ApiResponse(0, null, null, new byte[0]);

    /** XML with HTTP 200, as bbb-web answers even for FAILED. */
    public static ApiResponse xml(String xml) {
        return new ApiResponse(200, "text/xml;charset=utf-8", null, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The FAILED envelope. */
    public static ApiResponse error(String key, String message) {
        return xml(Xml.error(key, message));
    }

    /** JSON with HTTP 200 (text-track calls). */
    public static ApiResponse json(String json) {
        return new ApiResponse(200, "application/json;charset=utf-8", null, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A 302 redirect without body. */
    public static ApiResponse redirect(String location) {
        return new ApiResponse(302, null, location, new byte[0]);
    }

    /** A small HTML page with the given status, like a container's error page. */
    public static ApiResponse html(int status, String title) {
        StringBuilder sb = new StringBuilder("<!doctype html><html><head><title>");
        Xml.escape(title, sb);
        sb.append("</title></head><body><h1>");
        Xml.escape(title, sb);
        sb.append("</h1></body></html>");
        return new ApiResponse(status, "text/html;charset=utf-8", null, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
