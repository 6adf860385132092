// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.ArrayList;
import java.util.List;

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
 * <a href="../package-summary.html#requests">request builder contract</a>, and {@code build()}
 * refuses a request without a document (the server ignores an empty insert).
 */
public final class InsertDocumentRequest extends MeetingRequest {
    private final List<Document> documents;

    private InsertDocumentRequest(Builder b) {
        super(b);
        if (b.documents.isEmpty()) {
            throw new IllegalArgumentException("documents: at least one document is required (the server ignores an empty insert)");
        }
        this.documents = List.copyOf(b.documents);
    }

    /**
     * {@return a new builder}
     *
     * @param meetingId the external meeting ID ({@code meetingID}) of a running meeting
     */
    public static Builder builder(String meetingId) {
        return new Builder(meetingId);
    }

    /** {@return the documents, in the order they are sent: an unmodifiable list with at least one document} */
    public List<Document> documents() {
        return documents;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((InsertDocumentRequest) o).documents.equals(documents);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + documents.hashCode();
    }

    @Override
    public String toString() {
        return "InsertDocumentRequest{meetingId=" + meetingId() + ", documents=" + documents.size() + '}';
    }

    /** Collects an {@link InsertDocumentRequest}. Not thread-safe. */
    public static final class Builder extends MeetingRequest.Builder<Builder> {
        private final List<Document> documents = new ArrayList<>();

        private Builder(String meetingId) {
            super(meetingId);
            params.put("meetingID", meetingId);
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
         * {@return the immutable request}
         *
         * @throws NullPointerException if the meeting ID is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks, or if no
         *                                  document was added (the server ignores an empty insert)
         */
        public InsertDocumentRequest build() {
            return new InsertDocumentRequest(this);
        }
    }
}
