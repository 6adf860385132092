// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.moodle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One person at Moodle in a browser: a cookie jar, the login form with its {@code logintoken}, pages,
 * and the AJAX services Moodle's own JavaScript calls ({@code lib/ajax/service.php?sesskey=…}).
 * Redirects are not followed, so a test sees each one. Not thread-safe: one person does one thing at a
 * time.
 */
public final class MoodleBrowser {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"logintoken\" value=\"([^\"]+)\"");
    private static final Pattern SESSKEY = Pattern.compile("\"sesskey\":\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String wwwroot;
    private final HttpClient http;
    private String sesskey;

    /**
     * A browser with an empty cookie jar.
     *
     * @param wwwroot Moodle's address, without a trailing slash
     */
    public MoodleBrowser(String wwwroot) {
        this.wwwroot = wwwroot;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Logs in through the login form, as a person does, and keeps the session key for AJAX calls.
     *
     * @param username the login
     * @param password the password
     * @throws IllegalStateException if Moodle does not accept it
     */
    public void login(String username, String password) {
        HttpResponse<String> form = get("/login/index.php");
        Matcher token = LOGIN_TOKEN.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("Moodle's login form has no logintoken (HTTP " + form.statusCode() + ")");
        }
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(wwwroot + "/login/index.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "logintoken", token.group(1))))));
        // Moodle answers every password submission with a redirect: to its session test on success,
        // back to the form (loginredirect) on failure.
        String next = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 303 || !next.contains("testsession=")) {
            throw new IllegalStateException("Moodle refused the login of " + username + " (HTTP " + posted.statusCode() + ")");
        }
        send(HttpRequest.newBuilder(URI.create(next)).GET());
        Matcher key = SESSKEY.matcher(get("/my/courses.php").body());
        if (!key.find()) {
            throw new IllegalStateException("no sesskey on Moodle's page after the login of " + username);
        }
        sesskey = key.group(1);
    }

    /**
     * GETs a page of Moodle.
     *
     * @param pathAndQuery e.g. {@code /mod/bigbluebuttonbn/view.php?id=2}
     * @return the answer, redirects not followed
     */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(wwwroot + pathAndQuery)).GET());
    }

    /**
     * Calls one of Moodle's AJAX services as Moodle's JavaScript does.
     *
     * @param method the service, e.g. {@code mod_bigbluebuttonbn_meeting_info}
     * @param args its arguments
     * @return the service's {@code data}
     * @throws IllegalStateException if Moodle answers with an error, with Moodle's message
     */
    public JsonNode ajax(String method, Map<String, ?> args) {
        ObjectNode call = JSON.createObjectNode().put("index", 0).put("methodname", method);
        call.set("args", JSON.valueToTree(args));
        ArrayNode body = JSON.createArrayNode().add(call);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(wwwroot + "/lib/ajax/service.php?sesskey=" + sesskey
                + "&info=" + method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        JsonNode answer = JSON.readTree(r.body());
        JsonNode first = answer.isArray() ? answer.get(0) : answer;
        if (first == null || first.path("error").asBoolean(true)) {
            throw new IllegalStateException(method + " failed (HTTP " + r.statusCode() + "): "
                    + (first == null ? r.body() : first.path("exception").path("message").asString(first.toString())));
        }
        return first.path("data");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Moodle did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * An HTML form body.
     *
     * @param fields names and values
     * @return the form encoding
     */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
