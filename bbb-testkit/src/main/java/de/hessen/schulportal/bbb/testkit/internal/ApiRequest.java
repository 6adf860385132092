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
