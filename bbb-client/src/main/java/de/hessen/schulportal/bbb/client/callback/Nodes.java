// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers for webhook payload fields: a value of an unexpected type reads as absent
 * ({@code null}), because the raw JSON is always kept and newer servers change details.
 */
final class Nodes {
    private Nodes() {
    }

    static JsonNode obj(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? v : null;
    }

    static String str(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        return null;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString()) {
            String s = v.stringValue().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                return Boolean.TRUE;
            }
            if (s.equals("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    static Long lng(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isFloatingPointNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isString()) {
            String s = v.stringValue().trim();
            if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(s);
            }
        }
        return null;
    }

    /** A JSON object of scalars as a string map; nested values are kept as their JSON text. */
    static Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode v = obj(node, field);
        if (v == null) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            map.put(e.getKey(), value.isString() ? value.stringValue() : value.isValueNode() ? value.asString() : value.toString());
        }
        return Collections.unmodifiableMap(map);
    }
}
