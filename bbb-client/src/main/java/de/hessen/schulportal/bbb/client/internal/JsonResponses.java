package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.BbbResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON envelope of the text-track calls: {@code {"response":{"returncode":…}}}. Some of
 * their errors (checksum, unknown recording) still come as XML, which is read as such.
 */
public final class JsonResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonResponses() {
    }

    /**
     * Parses an answer and checks the envelope.
     *
     * @param call the call name
     * @param response the raw answer
     * @return the {@code response} object
     */
    public static JsonNode read(String call, RawResponse response) {
        byte[] body = response.body();
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '<') {
            XmlResponses.read(call, null, response);
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " was XML where BigBlueButton answers JSON", null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " is not valid JSON (HTTP " + response.status() + ")", null);
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
            throw ApiErrors.toException(call, null, r.path("messageKey").asString(""), r.path("message").asString(""));
        }
        throw new BbbResponseException(call, response.status(), "The answer to " + call
                + " has no SUCCESS or FAILED returncode (HTTP " + response.status() + ")", null);
    }
}
