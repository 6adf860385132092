// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

/**
 * One HTTP exchange as the transport sees it. {@code uri} is the complete, already signed URL and
 * is sent byte for byte; it must never be logged unredacted.
 *
 * @param call the API call name, for messages and logs
 * @param method {@code GET} or {@code POST}
 * @param uri the raw URL, encoded once and signed
 * @param body the request body, or {@code null}
 * @param contentType the body's bare MIME type, or {@code null}
 * @param idempotent whether the call may be retried after a failure
 * @param observer told about each attempt; {@link AttemptObserver#NONE} if nobody listens
 */
public record HttpCall(String call, String method, String uri, byte[] body, String contentType, boolean idempotent,
        AttemptObserver observer) {

    /** {@return the {@code Accept} header: JSON for the multipart calls, which answer JSON, XML for the rest} */
    public String accept() {
        return contentType != null && contentType.contains("multipart") ? "application/json"
                : "application/xml, text/xml, application/json";
    }

    /** A redacted form, safe for logs. */
    @Override
    public String toString() {
        return method + " " + Redactor.redact(uri);
    }
}
