// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters decoded the way a servlet container does it: split on {@code &} and the
 * first {@code =}, UTF-8 percent-decoding, {@code +} as space. Order and repeats are kept; like
 * {@code getParameter}, {@link #get} returns the first value.
 */
public final class Params {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Params() {
    }

    /** Parses a raw (still encoded) query or form body; {@code null} gives no parameters. */
    public static Params parse(String raw) {
        Params params = new Params();
        params.addAll(raw);
        return params;
    }

    /** Adds the parameters of another raw query or form body after the existing ones. */
    public void addAll(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
    }

    /** The first value of the parameter, or {@code null} when absent. */
    public String get(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    /** The first value, or {@code fallback} when absent or empty. */
    public String getOr(String name, String fallback) {
        String v = get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** Whether the parameter is absent or its first value is empty. */
    public boolean isBlank(String name) {
        String v = get(name);
        return v == null || v.isEmpty();
    }

    /** The names in order of first appearance. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** All parameters, first value each, in order. */
    public Map<String, String> firstValues() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.get(0)));
        return Collections.unmodifiableMap(out);
    }

    /** {@code Boolean.parseBoolean} semantics, with a default for absent or empty values. */
    public boolean bool(String name, boolean fallback) {
        String v = get(name);
        return v == null || v.isEmpty() ? fallback : Boolean.parseBoolean(v.trim());
    }

    /** Lenient integer parsing like bbb-web: unparsable values silently become the default. */
    public int integer(String name, int fallback) {
        String v = get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Percent-decodes UTF-8, {@code +} as space. Malformed escapes are kept literally, as Tomcat
     * would at worst drop them; the simulator should not fail a request over that.
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
