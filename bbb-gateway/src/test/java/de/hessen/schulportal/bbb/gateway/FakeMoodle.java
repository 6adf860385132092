// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Moodle's side of the conversation, as mod_bigbluebuttonbn does it: queries built like PHP's
 * {@code http_build_query} (RFC 1738: spaces as {@code +}, everything but {@code [A-Za-z0-9._-]}
 * percent-encoded, so {@code ~} is {@code %7E} and {@code [} is {@code %5B}), signed
 * {@code sha256(call + query + secret)}, sent without following redirects; plus a loopback
 * endpoint that receives the callbacks.
 */
final class FakeMoodle implements AutoCloseable {
    /** One callback Moodle received. */
    static final class Received {
        final String path;
        final String authorization;
        final String body;

        Received(String path, String authorization, String body) {
            this.path = path;
            this.authorization = authorization;
            this.body = body;
        }
    }

    /** The secret Moodle signs with; a school changing it sets it here (KeyRotationUnderLoadTest). */
    volatile String secret;
    private final String apiBase;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpServer endpoint;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** What {@code pluginfile.php} serves: a presentation, as Moodle serves an activity's file with its token. */
    static final byte[] SLIDE = "%PDF-1.4\n% Folien Bruchrechnung\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    FakeMoodle(String gatewayUrl, String secret) {
        this.secret = secret;
        this.apiBase = gatewayUrl + "bigbluebutton/api/";
        try {
            endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endpoint.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getPath().contains("/pluginfile.php/")) {
                exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                exchange.sendResponseHeaders(200, SLIDE.length);
                exchange.getResponseBody().write(SLIDE);
            } else {
                exchange.sendResponseHeaders(202, -1);
            }
            exchange.close();
        });
        endpoint.start();
    }

    /** Moodle's own web address (where its callbacks arrive). */
    String wwwroot() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/moodle";
    }

    /** PHP's urlencode. */
    static String php(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** http_build_query over ordered pairs. */
    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(php(k)).append('=').append(php(v)));
        return sb.toString();
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed URL Moodle builds for a call. */
    String url(String call, Map<String, String> params) {
        String q = query(params);
        return apiBase + call + "?" + q + "&checksum=" + sha256Hex(call + q + secret);
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    HttpResponse<String> call(String call, Map<String, String> params) {
        return get(url(call, params));
    }

    HttpResponse<String> createWithPresentation(Map<String, String> params, String modulesXml) {
        return send(HttpRequest.newBuilder(URI.create(url("create", params))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(modulesXml)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        endpoint.stop(0);
    }
}
