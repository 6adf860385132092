package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.util.Map;
import java.util.function.Function;

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
 * @param reader maps the raw answer to the result, throwing the SDK's exceptions
 * @param <T> the result type
 */
public record ApiCall<T>(String call, String meetingId, Map<String, String> parameters, String method, byte[] body,
        String contentType, boolean idempotent, ChecksumAlgorithm algorithm, boolean followJoinRedirects,
        Function<RawResponse, T> reader) {

    /**
     * A signed GET whose answer is a BigBlueButton XML envelope.
     *
     * @param call the call name
     * @param meetingId the meeting ID or {@code null}
     * @param parameters the parameters
     * @param idempotent whether it may be retried
     * @param mapper maps the {@code <response>} element
     * @param <T> the result type
     * @return the call
     */
    public static <T> ApiCall<T> xmlGet(String call, String meetingId, Map<String, String> parameters, boolean idempotent,
            Function<XmlNode, T> mapper) {
        return new ApiCall<>(call, meetingId, parameters, "GET", null, null, idempotent, null, false,
                raw -> mapper.apply(XmlResponses.read(call, meetingId, raw)));
    }

    /**
     * The same call signed with another algorithm.
     *
     * @param value the algorithm
     * @return a copy
     */
    public ApiCall<T> withAlgorithm(ChecksumAlgorithm value) {
        return new ApiCall<>(call, meetingId, parameters, method, body, contentType, idempotent, value,
                followJoinRedirects, reader);
    }

    /**
     * The same call as a POST with a body.
     *
     * @param bytes the body
     * @param type the bare MIME type
     * @return a copy
     */
    public ApiCall<T> withBody(byte[] bytes, String type) {
        return new ApiCall<>(call, meetingId, parameters, "POST", bytes, type, idempotent, algorithm,
                followJoinRedirects, reader);
    }

    /**
     * The same call, following redirects to another {@code join} URL.
     *
     * @return a copy
     */
    public ApiCall<T> followingJoinRedirects() {
        return new ApiCall<>(call, meetingId, parameters, method, body, contentType, idempotent, algorithm, true, reader);
    }

    /** Names the call only: parameters may hold personal data and the body may be large. */
    @Override
    public String toString() {
        return "ApiCall{" + call + '}';
    }
}
