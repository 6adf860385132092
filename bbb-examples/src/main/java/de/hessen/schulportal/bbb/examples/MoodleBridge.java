// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.moodle.MoodleLaunch;
import de.hessen.schulportal.bbb.portal.moodle.MoodleRoleMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bridge service between SchulMoodle and BigBlueButton: the Moodle plugin asks, server to
 * server, "this user with these course roles opens the conference room of this course", and the
 * bridge joins on the server and answers with the session URL, "wait", or "denied, because…".
 * The plugin then redirects the browser (with {@code Referrer-Policy: no-referrer}). The form becomes a room and a person with {@link MoodleLaunch} and
 * {@link MoodleRoleMapping}; everything else is {@link SchoolConferences}: pseudonymous IDs,
 * display names, lobby, recording consent. This class is only the HTTP part: authentication,
 * limits, form decoding and the JSON answer.
 *
 * <p>Protocol ({@code POST /moodle/join}, {@code application/x-www-form-urlencoded},
 * {@code Authorization: Bearer <token>}). Each SchulMoodle instance (one per school) has its own
 * token, shared only with that instance's plugin; the token decides the school, so one instance's
 * token never opens another school's rooms:
 * the fields of {@link MoodleLaunch#fromForm(Map)}; {@code site} must be the token's site.
 * Answers are JSON: {@code 200 {"outcome":"join","sessionUrl":…,"guestStatus":…,"role":…,"lobby":…}}
 * (the session URL of the server-side join: the client, or the lobby's wait page when
 * {@code guestStatus} is {@code WAIT}),
 * {@code 200 {"outcome":"wait",…}}, {@code 403 {"outcome":"denied","reasonCode":…,"reason":…}};
 * {@code 400} names the bad field, {@code 401} a missing or wrong token, {@code 502} BigBlueButton
 * failing. The session URL appears only in the answer to the plugin, never in a log line.
 *
 * <p>Limits: bodies up to 8 KiB and 32 fields, four handler threads; requests and responses
 * that take longer than {@link ServerLimits} allows are cut off.
 *
 * <p>{@link MoodleWalkThrough} starts the bridge against the embedded simulator (or
 * {@code BBB_URL}) and plays the plugin.
 */
public final class MoodleBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MoodleBridge.class);
    /** Larger bodies are no plugin request; refuse them before parsing. */
    private static final int MAX_BODY = 8 * 1024;
    /** A plugin sends a dozen fields. */
    private static final int MAX_FIELDS = 32;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SchoolConferences conferences;
    private final MoodleRoleMapping roles;
    /** Site (school number) to the SHA-256 of its token: compared in constant time, same length for all. */
    private final Map<String, byte[]> tokenHashes = new LinkedHashMap<>();

    /**
     * Starts the bridge on a loopback port. Put it behind the portal's reverse proxy, which
     * terminates TLS and limits request time and size: the JDK's {@code HttpServer} has no
     * request timeouts of its own, so a few clients that never finish their headers would
     * otherwise hold all its threads.
     *
     * @param port the port, 0 for any free one
     * @param conferences the portal adapter facade the bridge hands every request to
     * @param roles the Moodle role mapping
     * @param tokensBySite per SchulMoodle instance (school number), the bearer token its plugin
     *        sends (at least 32 characters each, all different)
     * @throws IOException if the port cannot be bound
     * @throws IllegalArgumentException if there is no site, a token is shorter than 32 characters or
     *         two sites share a token
     */
    public MoodleBridge(int port, SchoolConferences conferences, MoodleRoleMapping roles, Map<String, String> tokensBySite)
            throws IOException {
        ServerLimits.apply();
        if (tokensBySite == null || tokensBySite.isEmpty()) {
            throw new IllegalArgumentException("tokensBySite: at least one site is required");
        }
        for (Map.Entry<String, String> e : tokensBySite.entrySet()) {
            if (e.getValue() == null || e.getValue().length() < 32) {
                throw new IllegalArgumentException("token of site " + e.getKey() + ": must be at least 32 characters");
            }
            if (tokensBySite.values().stream().filter(e.getValue()::equals).count() > 1) {
                throw new IllegalArgumentException("token of site " + e.getKey() + ": every site needs its own token");
            }
            tokenHashes.put(e.getKey(), sha256(e.getValue()));
        }
        this.conferences = conferences;
        this.roles = roles;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "moodle-bridge");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/moodle/join", this::join);
        server.start();
    }

    /**
     * The URL the Moodle plugin posts to.
     *
     * @return e.g. {@code http://127.0.0.1:8123/moodle/join}
     */
    public URI joinEndpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/moodle/join");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void join(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                answer(ex, 405, Map.of("error", "method: only POST"));
                return;
            }
            String site = siteOf(ex.getRequestHeaders().getFirst("Authorization"));
            if (site == null) {
                answer(ex, 401, Map.of("error", "Authorization: missing or wrong bearer token"));
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                answer(ex, 415, Map.of("error", "Content-Type: must be application/x-www-form-urlencoded"));
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                answer(ex, 413, Map.of("error", "body: larger than " + MAX_BODY + " bytes"));
                return;
            }
            JoinOutcome outcome;
            MoodleLaunch launch;
            try {
                launch = MoodleLaunch.fromForm(form(new String(body, StandardCharsets.UTF_8)));
                if (!site.equals(launch.site())) {
                    answer(ex, 403, Map.of("error", "site: not the site this token belongs to"));
                    return;
                }
                outcome = conferences.join(launch.room(), launch.person(roles));
            } catch (IllegalArgumentException e) {
                // Our own messages and the adapter's name the field and the rule, never its value.
                answer(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
                return;
            } catch (BbbException e) {
                LOG.warn("BigBlueButton failed: {}", e.getMessage());
                answer(ex, 502, Map.of("error", "BigBlueButton is not available, try again later"));
                return;
            }
            answer(ex, outcome.kind() == JoinOutcome.Kind.DENIED ? 403 : 200, describe(outcome, launch.language()));
        }
    }

    /** The site whose token the header carries, or {@code null}. */
    private String siteOf(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        // Hashes of equal length compared in constant time, and every site compared, so response
        // times say nothing about how much of a token was right or which site it was close to.
        byte[] given = sha256(header.substring("Bearer ".length()));
        String found = null;
        for (Map.Entry<String, byte[]> e : tokenHashes.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), given)) {
                found = e.getKey();
            }
        }
        return found;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        String[] pairs = body.split("&");
        if (pairs.length > MAX_FIELDS) {
            throw new IllegalArgumentException("body: more than " + MAX_FIELDS + " fields");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a field name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (form.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException(name + ": given more than once");
            }
        }
        return form;
    }

    /** URLDecoder's own message quotes the bad input; ours names the field only. */
    private static String decode(String s, String field) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": bad percent-encoding", e);
        }
    }

    private static Map<String, Object> describe(JoinOutcome outcome, Locale language) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (outcome.kind()) {
            case SESSION:
                json.put("outcome", "join");
                json.put("sessionUrl", outcome.sessionUrl().orElseThrow().toString());
                json.put("guestStatus", outcome.guestStatus().orElseThrow().name());
                json.put("role", outcome.bbbRole().orElseThrow().name().toLowerCase(Locale.ROOT));
                json.put("lobby", outcome.isViaLobby());
                break;
            case WAIT_FOR_START:
                json.put("outcome", "wait");
                break;
            default:
                json.put("outcome", "denied");
                break;
        }
        json.put("reasonCode", outcome.decision().reasonCode());
        json.put("reason", outcome.decision().reason(language));
        return json;
    }

    private static void answer(HttpExchange ex, int status, Map<String, ?> json) throws IOException {
        byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        // A session URL is a credential: no cache between the bridge and the plugin may keep it.
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
