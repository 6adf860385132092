// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Test-side client: builds query strings with URLEncoder and signs them by hand with
 * MessageDigest, independent of the simulator's and the bbb-client's code.
 */
final class Api {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String apiUrl;
    private final String secret;
    private String algorithm = "SHA-256";

    Api(BbbSimulator sim) {
        this(sim.apiUrl(), sim.secret());
    }

    Api(String apiUrl, String secret) {
        this.apiUrl = apiUrl;
        this.secret = secret;
    }

    Api algorithm(String jdkName) {
        this.algorithm = jdkName;
        return this;
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return q.toString();
    }

    static String hash(String jdkAlgorithm, String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkAlgorithm)
                    .digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String checksum(String call, String query) {
        return hash(algorithm, call + query + secret);
    }

    /** The full signed URL for a call. */
    String url(String call, Map<String, String> params) {
        String q = query(params);
        return apiUrl + call + "?" + (q.isEmpty() ? "" : q + "&") + "checksum=" + checksum(call, q);
    }

    HttpResponse<String> get(String call, String... kv) {
        return send(HttpRequest.newBuilder(URI.create(url(call, params(kv)))).GET().build());
    }

    HttpResponse<String> post(String call, String contentType, String body, String... kv) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(call, params(kv))))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    static HttpResponse<String> getRaw(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** A GET of a URL carrying a {@code Cookie} header. */
    static HttpResponse<String> getRaw(String url, String cookie) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build());
    }

    /** The {@code name=value} part of the first {@code Set-Cookie} of an answer. */
    static String cookie(HttpResponse<String> response) {
        String set = response.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parsed XML of a response. */
    static Document xml(HttpResponse<String> response) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + response.body(), e);
        }
    }

    /** Text of the first element with that name, or null. */
    static String text(HttpResponse<String> response, String element) {
        var nodes = xml(response).getElementsByTagName(element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** Creates a meeting with role-based joins in mind and returns its createTime. */
    String create(String meetingId, String... extra) {
        Map<String, String> p = params("name", "Klasse 7b", "meetingID", meetingId);
        p.putAll(params(extra));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("create", p))).GET().build());
        if (!"SUCCESS".equals(text(r, "returncode"))) {
            throw new AssertionError("create failed: " + r.body());
        }
        return text(r, "createTime");
    }

    /** Joins with redirect=false and returns the response. */
    HttpResponse<String> join(String meetingId, String fullName, String role, String... extra) {
        Map<String, String> p = params("fullName", fullName, "meetingID", meetingId, "role", role, "redirect", "false");
        p.putAll(params(extra));
        return send(HttpRequest.newBuilder(URI.create(url("join", p))).GET().build());
    }
}
