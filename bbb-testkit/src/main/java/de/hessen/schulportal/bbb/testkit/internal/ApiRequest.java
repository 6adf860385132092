// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

/**
 * One API call as the handlers see it.
 *
 * @param method      HTTP method
 * @param callName    e.g. {@code create} or {@code hooks/create}
 * @param rawQuery    the query string exactly as received, or {@code null}
 * @param params      query parameters, then form-body parameters
 * @param contentType the {@code Content-Type} header or {@code null}
 * @param body        the request body, empty when none
 */
public record ApiRequest(String method, String callName, String rawQuery, Params params, String contentType,
                         byte[] body) {
    /** The call as bbb-web's servlet sees it: query parameters, then those of a form body. */
    public static ApiRequest of(HttpFront.Request http, String callName) {
        Params params = Params.parse(http.rawQuery());
        ApiRequest request = new ApiRequest(http.method(), callName, http.rawQuery(), params,
                http.header("content-type"), http.body());
        if (request.hasBody() && "application/x-www-form-urlencoded".equals(request.mimeType())) {
            params.addAll(new String(http.body(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return request;
    }

    /** The MIME type of the body without parameters, lower-case, or {@code null}. */
    public String mimeType() {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a body was sent. */
    public boolean hasBody() {
        return body.length > 0;
    }
}
