// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.AnswerParser;
import de.hessen.schulportal.bbb.client.internal.Nodes;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.internal.UnreadableAnswer;
import tools.jackson.databind.JsonNode;

/**
 * The envelope check of every answer: {@code returncode} is read before the HTTP status, because
 * BigBlueButton answers its errors with HTTP 200. {@code FAILED} becomes the exception of the
 * call's family; anything that is not an envelope becomes a {@link BbbResponseException}.
 */
final class Envelope {
    private Envelope() {
    }

    /** {@return the {@code <response>} element of an XML answer whose envelope says {@code SUCCESS}} */
    static JsonNode xml(ApiErrors.Family family, String call, String meetingId, RawResponse response) {
        JsonNode root = parseXml(call, meetingId, response);
        String returncode = Nodes.text(root, "returncode");
        if ("SUCCESS".equals(returncode)) {
            return root;
        }
        if ("FAILED".equals(returncode)) {
            throw failed(family, call, meetingId, root);
        }
        throw new BbbResponseException(call, response.status(), answerTo(call, meetingId)
                + " is XML but not a BigBlueButton envelope (HTTP " + response.status() + ", returncode '"
                + abbreviate(returncode) + "'); check the base URL", null);
    }

    private static JsonNode parseXml(String call, String meetingId, RawResponse response) {
        try {
            return AnswerParser.xml(response.body(), response.deadlineNanos());
        } catch (UnreadableAnswer e) {
            throw new BbbResponseException(call, response.status(), answerTo(call, meetingId) + " " + e.getMessage()
                    + " (HTTP " + response.status() + ")", null);
        }
    }

    private static BbbApiException failed(ApiErrors.Family family, String call, String meetingId, JsonNode root) {
        String key = Nodes.text(root, "messageKey");
        String message = Nodes.text(root, "message");
        if (key.isEmpty()) {
            JsonNode error = Nodes.child(Nodes.child(root, "errors"), "error");
            if (!error.isMissingNode()) {
                key = Nodes.text(error, "key");
                message = Nodes.text(error, "message");
                if (key.isEmpty()) {
                    key = Nodes.attribute(error, "key").orElse("");
                    message = Nodes.attribute(error, "message").orElse(message);
                }
            }
        }
        return ApiErrors.toException(family, call, meetingId, key, message);
    }

    /**
     * {@return the {@code response} object of a JSON answer whose envelope says {@code SUCCESS}}
     * The text-track calls answer {@code {"response":{"returncode":…}}}; some of their errors
     * (checksum, unknown recording) still come as XML, which is read as such.
     */
    static JsonNode json(ApiErrors.Family family, String call, RawResponse response) {
        byte[] body = response.body();
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '<') {
            xml(family, call, null, response);
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " was XML where BigBlueButton answers JSON", null);
        }
        JsonNode root;
        try {
            root = AnswerParser.json(body, response.deadlineNanos());
        } catch (UnreadableAnswer e) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call + " " + e.getMessage()
                    + " (HTTP " + response.status() + ")", null);
        }
        JsonNode r = root == null ? null : root.get("response");
        if (r == null || !r.isObject()) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " is not a BigBlueButton JSON envelope (HTTP " + response.status() + ")", null);
        }
        String returncode = r.path("returncode").asString("");
        if ("SUCCESS".equals(returncode)) {
            return r;
        }
        if ("FAILED".equals(returncode)) {
            throw ApiErrors.toException(family, call, null, r.path("messageKey").asString(""),
                    r.path("message").asString(""));
        }
        throw new BbbResponseException(call, response.status(), "The answer to " + call
                + " has no SUCCESS or FAILED returncode (HTTP " + response.status() + ")", null);
    }

    /** {@return the start of a message about the answer to a call, naming the meeting if the call is about one} */
    private static String answerTo(String call, String meetingId) {
        return "The answer to " + call + (meetingId == null ? "" : " (meeting '" + meetingId + "')");
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
