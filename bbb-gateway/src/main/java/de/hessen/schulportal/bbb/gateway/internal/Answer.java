// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

/**
 * What the gateway answers one request with: a body or a redirect, plus what the audit line and
 * the metrics say about it. {@link #toString()} never shows the redirect target (a signed join URL).
 */
public final class Answer {
    /** An XML answer's media type. */
    public static final String XML = "text/xml;charset=utf-8";

    private final int status;
    private final String contentType;
    private final String body;
    private final String location;
    private final String outcome;
    private final byte[] bytes;

    private Answer(int status, String contentType, String body, String location, String outcome) {
        this(status, contentType, body, location, outcome, null);
    }

    private Answer(int status, String contentType, String body, String location, String outcome, byte[] bytes) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.location = location;
        this.outcome = outcome;
        this.bytes = bytes;
    }

    /**
     * A binary answer (a relayed slide).
     *
     * @param status the HTTP status
     * @param contentType the media type
     * @param bytes the body; not copied
     * @param outcome the outcome for the audit line
     * @return the answer
     */
    public static Answer bytes(int status, String contentType, byte[] bytes, String outcome) {
        return new Answer(status, contentType, null, null, outcome, bytes);
    }

    /**
     * The binary body of {@link #bytes}, or {@code null} for a text answer or a redirect.
     *
     * @return the bytes; not copied
     */
    public byte[] bytesBody() {
        return bytes;
    }

    /**
     * A SUCCESS XML answer.
     *
     * @param xml the document
     * @return the answer
     */
    public static Answer success(String xml) {
        return new Answer(200, XML, xml, null, "success");
    }

    /**
     * A FAILED envelope, HTTP 200 as bbb-web answers.
     *
     * @param outcome the metrics outcome
     * @param messageKey the key
     * @param message the text
     * @return the answer
     */
    public static Answer failed(String outcome, String messageKey, String message) {
        return new Answer(200, XML, Xml.failed(messageKey, message), null, outcome);
    }

    /**
     * A FAILED envelope with another HTTP status (overload, size limits).
     *
     * @param status the HTTP status
     * @param outcome the metrics outcome
     * @param messageKey the key
     * @param message the text
     * @return the answer
     */
    public static Answer failed(int status, String outcome, String messageKey, String message) {
        return new Answer(status, XML, Xml.failed(messageKey, message), null, outcome);
    }

    /**
     * A 302 redirect.
     *
     * @param location the target
     * @return the answer
     */
    public static Answer redirect(String location) {
        return new Answer(302, null, null, location, "success");
    }

    /**
     * A plain answer (health, metrics, callbacks).
     *
     * @param status the HTTP status
     * @param contentType the media type
     * @param body the body
     * @param outcome the outcome for the audit line
     * @return the answer
     */
    public static Answer plain(int status, String contentType, String body, String outcome) {
        return new Answer(status, contentType, body, null, outcome);
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The media type, or {@code null} for a redirect.
     *
     * @return the type
     */
    public String contentType() {
        return contentType;
    }

    /**
     * The body, or {@code null} for a redirect.
     *
     * @return the body
     */
    public String body() {
        return body;
    }

    /**
     * The redirect target, or {@code null}.
     *
     * @return the target
     */
    public String location() {
        return location;
    }

    /**
     * The outcome for metrics and the audit line.
     *
     * @return the outcome
     */
    public String outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "Answer{status=" + status + ", outcome=" + outcome + (location == null ? "" : ", location=***") + '}';
    }
}
