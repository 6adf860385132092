// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.AnswerParser;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One API call before signing: what to call, with which parameters, and how to read the answer.
 *
 * @param call the call name as it appears in the URL path, e.g. {@code getMeetingInfo} or {@code hooks/list}
 * @param meetingId the meeting ID the call is about, for messages; or {@code null}
 * @param parameters the query parameters in wire order
 * @param method {@code GET} or {@code POST}
 * @param body the POST body, or {@code null}
 * @param contentType the body's bare MIME type, or {@code null}
 * @param idempotent whether a failed attempt may be repeated
 * @param algorithm the checksum algorithm, or {@code null} for the client's default
 * @param followJoinRedirects whether a redirect to another {@code join} URL is followed (Scalelite)
 * @param family which error table applies
 * @param reader maps the raw answer to the result through {@link Envelope}, throwing the SDK's exceptions
 * @param <T> the result type
 */
record ApiCall<T>(String call, String meetingId, Map<String, String> parameters, String method, byte[] body,
        String contentType, boolean idempotent, ChecksumAlgorithm algorithm, boolean followJoinRedirects,
        ApiErrors.Family family, Function<RawResponse, T> reader) {

    /** A signed GET whose answer is a BigBlueButton XML envelope; {@code mapper} reads its {@code <response>} element. */
    static <T> ApiCall<T> xml(ApiErrors.Family family, String call, String meetingId, Map<String, String> parameters,
            boolean idempotent, Function<JsonNode, T> mapper) {
        return new ApiCall<>(call, meetingId, parameters, "GET", null, null, idempotent, null, false, family,
                raw -> AnswerParser.inTime(raw, mapper.apply(Envelope.xml(family, call, meetingId, raw))));
    }

    /** A signed GET whose answer is BigBlueButton's JSON envelope; {@code mapper} reads its {@code response} object. */
    static <T> ApiCall<T> json(ApiErrors.Family family, String call, Map<String, String> parameters, boolean idempotent,
            Function<JsonNode, T> mapper) {
        return new ApiCall<>(call, null, parameters, "GET", null, null, idempotent, null, false, family,
                raw -> AnswerParser.inTime(raw, mapper.apply(Envelope.json(family, call, raw))));
    }

    ApiCall<T> withAlgorithm(ChecksumAlgorithm value) {
        return new ApiCall<>(call, meetingId, parameters, method, body, contentType, idempotent,
                Objects.requireNonNull(value, "algorithm"), followJoinRedirects, family, reader);
    }

    ApiCall<T> withBody(byte[] bytes, String type) {
        return new ApiCall<>(call, meetingId, parameters, "POST", bytes, type, idempotent, algorithm,
                followJoinRedirects, family, reader);
    }

    ApiCall<T> followingJoinRedirects() {
        return new ApiCall<>(call, meetingId, parameters, method, body, contentType, idempotent, algorithm, true, family,
                reader);
    }

    ApiCall<T> retried(boolean value) {
        return new ApiCall<>(call, meetingId, parameters, method, body, contentType, value, algorithm,
                followJoinRedirects, family, reader);
    }

    /** Names the call only: parameters may hold personal data and the body may be large. */
    @Override
    public String toString() {
        return "ApiCall{" + call + '}';
    }
}
