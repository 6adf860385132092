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
import java.net.URLDecoder;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Moodle's side of the conversation, as mod_bigbluebuttonbn does it: queries built like PHP's
 * {@code http_build_query} (RFC 1738: spaces as {@code +}, everything but {@code [A-Za-z0-9._-]}
 * percent-encoded, so {@code ~} is {@code %7E} and {@code [} is {@code %5B}), signed
 * {@code sha256(call + query + secret)}, sent without following redirects; plus a loopback
 * endpoint that receives the callbacks and, as Moodle does, accepts one only if its JWT verifies
 * with the one secret Moodle holds now ({@link #secret}): {@code mod/bigbluebuttonbn/classes/broker.php}
 * {@code process_recording_ready} decodes {@code signed_parameters} (HS256) and
 * {@code process_meeting_events} the {@code Authorization: Bearer} token (HS512) with
 * {@code config::get('shared_secret')} before anything else, and answers 400 otherwise. The check here
 * is written from that rule (HMAC over {@code header.payload}, the header's {@code alg}, {@code exp}),
 * not with the gateway's signer.
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

    /**
     * The one secret Moodle holds: it signs its calls and verifies the callbacks with it; a school
     * changing it sets it here (KeyRotationUnderLoadTest).
     */
    volatile String secret;
    /** Callbacks refused because their JWT did not verify with {@link #secret} (Moodle's 400), never in {@link #received}. */
    final List<Received> refused = new CopyOnWriteArrayList<>();
    /** When not 0, every callback is answered with this status (a Moodle failing) and recorded in {@link #refused}. */
    volatile int failWith;
    private static final Pattern SIGNED_PARAMETERS = Pattern.compile("(?:^|&)signed_parameters=([^&]*)");
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
            Received r = new Received(exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Authorization"), body);
            int failing = failWith;
            if (failing != 0 && r.path.contains("/bbb_broker.php") || !verifies(r)) {
                refused.add(r);
                exchange.sendResponseHeaders(failing != 0 ? failing : 400, -1);
                exchange.close();
                return;
            }
            received.add(r);
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

    /**
     * Whether Moodle would accept a callback: a request to anything but {@code bbb_broker.php} (a slide
     * fetch) passes; {@code action=recording_ready} needs {@code signed_parameters} signed HS256 and
     * {@code action=meeting_events} a Bearer token signed HS512, each with {@link #secret}.
     */
    private boolean verifies(Received r) {
        if (!r.path.contains("/bbb_broker.php")) {
            return true;
        }
        if (r.path.contains("action=recording_ready")) {
            Matcher m = SIGNED_PARAMETERS.matcher(r.body);
            return m.find() && jwtVerifies(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), "HS256", "HmacSHA256");
        }
        if (r.path.contains("action=meeting_events")) {
            return r.authorization != null && r.authorization.startsWith("Bearer ")
                    && jwtVerifies(r.authorization.substring("Bearer ".length()), "HS512", "HmacSHA512");
        }
        return false;
    }

    /** firebase/php-jwt's {@code JWT::decode} with one key: three parts, the expected {@code alg}, the HMAC, {@code exp}. */
    private boolean jwtVerifies(String jwt, String alg, String mac) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            String header = new String(b64.decode(parts[0]), StandardCharsets.UTF_8);
            if (!header.replace(" ", "").contains("\"alg\":\"" + alg + "\"")) {
                return false;
            }
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
            byte[] expected = m.doFinal((parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, b64.decode(parts[2]))) {
                return false;
            }
            Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
            return !exp.find() || Long.parseLong(exp.group(1)) > Instant.now().getEpochSecond();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
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
