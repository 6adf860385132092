// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request the way bbb-web does, written from REFERENCE.md §2.2 and independent of the
 * client's signer: take the raw query string as Tomcat hands it over, cut the checksum out by plain
 * string replacement, pick the hash by the checksum's length, hash call name + rest + secret, and
 * compare ignoring case. Then decode the parameters as the servlet container does.
 */
public final class ServerChecksumVerifier {
    private ServerChecksumVerifier() {
    }

    /** What the server would see. */
    public static final class Verified {
        /** The call name from the path. */
        public final String call;
        /** The decoded parameters, first value of each, in order. */
        public final Map<String, String> parameters;
        /** The hash algorithm the server chose. */
        public final String algorithm;

        Verified(String call, Map<String, String> parameters, String algorithm) {
            this.call = call;
            this.parameters = parameters;
            this.algorithm = algorithm;
        }
    }

    /**
     * Verifies a complete URL, or a path with query, as received.
     *
     * @param url the URL
     * @param secret the server's secret
     * @return what the server would see
     * @throws AssertionError if the server would reject the request
     */
    public static Verified verify(String url, String secret) {
        int q = url.indexOf('?');
        if (q < 0) {
            throw new AssertionError("no query string");
        }
        String path = url.substring(0, q);
        String rawQuery = url.substring(q + 1);
        int api = path.indexOf("/api/");
        if (api < 0) {
            throw new AssertionError("path is not below /api/");
        }
        String call = path.substring(api + "/api/".length());
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            // Tomcat answers 400 for raw non-ASCII and for these characters in the query.
            if (c > 0x7E || c <= 0x20 || "[]{}|\\^<>\"`".indexOf(c) >= 0) {
                throw new AssertionError("raw character U+" + Integer.toHexString(c) + " in the query: Tomcat answers 400");
            }
        }
        Map<String, List<String>> all = decode(rawQuery);
        List<String> checksums = all.get("checksum");
        if (checksums == null || checksums.isEmpty()) {
            throw new AssertionError("no checksum parameter");
        }
        String provided = checksums.get(0);
        String stripped = rawQuery.replace("&checksum=" + provided, "")
                .replace("checksum=" + provided + "&", "")
                .replace("checksum=" + provided, "");
        String algorithm;
        switch (provided.length()) {
            case 40:
                algorithm = "SHA-1";
                break;
            case 64:
                algorithm = "SHA-256";
                break;
            case 96:
                algorithm = "SHA-384";
                break;
            case 128:
                algorithm = "SHA-512";
                break;
            default:
                throw new AssertionError("checksum length " + provided.length() + " matches no algorithm");
        }
        String expected = hex(algorithm, call + stripped + secret);
        if (!expected.equalsIgnoreCase(provided)) {
            throw new AssertionError("checksum mismatch for call " + call);
        }
        Map<String, String> first = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!k.equals("checksum")) {
                first.put(k, v.get(0));
            }
        });
        return new Verified(call, first, algorithm);
    }

    /**
     * Decodes a raw query as a servlet container does: split at {@code &} and the first {@code =},
     * percent-decode UTF-8, {@code +} as space.
     *
     * @param rawQuery the raw query
     * @return names to values, in order
     */
    public static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return map;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return map;
    }

    /**
     * Lowercase hex of a hash of a UTF-8 string.
     *
     * @param algorithm the JCA name
     * @param text the text
     * @return the hex digest
     */
    public static String hex(String algorithm, String text) {
        try {
            byte[] d = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
