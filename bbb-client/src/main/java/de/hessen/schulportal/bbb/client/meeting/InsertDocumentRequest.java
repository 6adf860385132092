// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code insertDocument} call (BigBlueButton 2.5 and later): adds documents to a running
 * meeting's presentation. It is a POST whose XML body lists the documents; the query carries
 * {@code meetingID} and any {@code additionalParam}.
 *
 * <pre>{@code
 * InsertDocumentRequest request = InsertDocumentRequest.builder("7b-mathe")
 *         .document(Document.fromUrl(URI.create("https://files.schule.de/arbeitsblatt.pdf")).build())
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
public final class InsertDocumentRequest extends OneMeetingRequest {
    private final List<Document> documents;

    private InsertDocumentRequest(Builder b) {
        super(b.meetingId, b.params);
        if (b.documents.isEmpty()) {
            throw new IllegalArgumentException("documents: at least one document is required (the server ignores an empty insert)");
        }
        this.documents = List.copyOf(b.documents);
    }

    /**
     * Starts a request.
     *
     * @param meetingId the external meeting ID ({@code meetingID}) of a running meeting
     * @return a new builder
     */
    public static Builder builder(String meetingId) {
        return new Builder(meetingId);
    }

    /**
     * The documents, in the order they are sent.
     *
     * @return an unmodifiable list with at least one document
     */
    public List<Document> documents() {
        return documents;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((InsertDocumentRequest) o).documents.equals(documents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters(), documents);
    }

    @Override
    public String toString() {
        return "InsertDocumentRequest{meetingId=" + meetingId() + ", documents=" + documents.size() + '}';
    }

    /** Collects an {@link InsertDocumentRequest}. Not thread-safe. */
    public static final class Builder {
        private final String meetingId;
        private final Parameters params;
        private final List<Document> documents = new ArrayList<>();

        private Builder(String meetingId) {
            this.meetingId = meetingId;
            this.params = parametersOf(meetingId);
        }

        /**
         * Adds a document; they are sent in the order added.
         */
        public Builder document(Document document) {
            documents.add(Validation.required("document", document));
            return this;
        }

        /**
         * Adds documents, as {@link #document(Document)} does for each.
         *
         * @param documents the documents
         */
        public Builder documents(List<Document> documents) {
            Validation.required("documents", documents).forEach(this::document);
            return this;
        }

        /**
         * A parameter this SDK does not model yet, sent as given after the typed ones; see the
         * <a href="../package-summary.html#requests">request builder contract</a>.
         */
        public Builder additionalParam(String name, String value) {
            params.additional(name, value);
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the immutable request
         * @throws NullPointerException if the meeting ID is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks, or if no
         *                                  document was added (the server ignores an empty insert)
         */
        public InsertDocumentRequest build() {
            return new InsertDocumentRequest(this);
        }
    }
}
