package de.hessen.schulportal.bbb.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RoomOptions;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.moodle.MoodleRole;
import de.hessen.schulportal.bbb.portal.moodle.MoodleRoleMapping;
import de.hessen.schulportal.bbb.portal.moodle.MoodleUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bridge service between SchulMoodle and BigBlueButton: the Moodle plugin asks, server to
 * server, "this user with these course roles opens the conference room of this course", and the
 * bridge answers with a join link, "wait", or "denied, because…". The plugin then redirects the
 * browser. The roles are mapped with {@link MoodleRoleMapping}, everything else is
 * {@link SchoolConferences}: pseudonymous IDs, display names, lobby, recording consent.
 *
 * <p>Protocol ({@code POST /moodle/join}, {@code application/x-www-form-urlencoded},
 * {@code Authorization: Bearer <token>}). Each SchulMoodle instance (one per school) has its own
 * token, shared only with that instance's plugin; the token decides the school, so one instance's
 * token never opens another school's rooms:
 * <ul>
 *   <li>{@code site}: the school number of the instance (e.g. {@code 6021}); must be the token's</li>
 *   <li>{@code course}, {@code courseName}: the course ID and its name (the meeting's name)</li>
 *   <li>{@code kind}: optional room kind ({@code lesson} by default, or {@code tutoring},
 *       {@code consultation}, {@code staff_meeting}, {@code conference})</li>
 *   <li>{@code guests}: {@code 1} if the course's room lets invited guests in</li>
 *   <li>{@code userId}, {@code username}, {@code firstName}, {@code lastName}</li>
 *   <li>{@code roles}: the user's course roles, comma separated, each {@code shortname} or
 *       {@code shortname:archetype}</li>
 *   <li>{@code consent}: {@code 1} if the user consented to being recorded</li>
 *   <li>{@code lang}: optional, the user's Moodle language; {@code de} gives the reason in German</li>
 * </ul>
 * Answers are JSON: {@code 200 {"outcome":"join","joinUrl":…,"role":…,"lobby":…}},
 * {@code 200 {"outcome":"wait",…}}, {@code 403 {"outcome":"denied","reasonCode":…,"reason":…}};
 * {@code 400} names the bad field, {@code 401} a missing or wrong token, {@code 502} BigBlueButton
 * failing. The join link appears only in the answer to the plugin, never in a log line.
 *
 * <p>{@link #main} starts the bridge against the embedded simulator (or {@code BBB_URL}), sends a
 * few requests the way the plugin would, and prints the answers. Run:
 * {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.MoodleBridge}
 */
public final class MoodleBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MoodleBridge.class);
    /** Larger bodies are no plugin request; refuse them before parsing. */
    private static final int MAX_BODY = 8 * 1024;
    private static final Pattern JOIN_URL = Pattern.compile("\"joinUrl\":\"([^\"]*)\"");

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
            Locale language;
            try {
                Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
                if (!site.equals(required(form, "site"))) {
                    answer(ex, 403, Map.of("error", "site: not the site this token belongs to"));
                    return;
                }
                language = Locale.forLanguageTag(form.getOrDefault("lang", "en"));
                Room room = room(form);
                Person person = person(form);
                outcome = conferences.join(room, person);
            } catch (IllegalArgumentException e) {
                // Our own messages and the adapter's name the field and the rule, never its value.
                answer(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
                return;
            } catch (BbbException e) {
                LOG.warn("BigBlueButton failed: {}", e.getMessage());
                answer(ex, 502, Map.of("error", "BigBlueButton is not available, try again later"));
                return;
            }
            answer(ex, outcome.kind() == JoinOutcome.Kind.DENIED ? 403 : 200, describe(outcome, language));
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
        for (String pair : body.split("&")) {
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

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": required");
        }
        return value;
    }

    private static boolean flag(Map<String, String> form, String name) {
        String value = form.getOrDefault(name, "0");
        if (!value.equals("0") && !value.equals("1")) {
            throw new IllegalArgumentException(name + ": must be 0 or 1");
        }
        return value.equals("1");
    }

    /** One conference room per course; the site is the school. */
    private static Room room(Map<String, String> form) {
        RoomKind kind;
        try {
            kind = RoomKind.valueOf(form.getOrDefault("kind", "lesson").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind: must be one of lesson, tutoring, consultation, staff_meeting, conference",
                    e);
        }
        return Room.builder(School.of(required(form, "site")), "moodle-course-" + required(form, "course"), kind)
                .title(required(form, "courseName"))
                .options(RoomOptions.builder().guestsAllowed(flag(form, "guests")).build())
                .build();
    }

    private Person person(Map<String, String> form) {
        long userId;
        try {
            userId = Long.parseLong(required(form, "userId"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("userId: must be a number", e);
        }
        List<MoodleRole> assigned = new ArrayList<>();
        for (String r : required(form, "roles").split(",")) {
            int colon = r.indexOf(':');
            assigned.add(colon < 0 ? MoodleRole.of(r.strip()) : MoodleRole.of(r.substring(0, colon).strip(),
                    r.substring(colon + 1).strip()));
        }
        MoodleUser user = MoodleUser.of(required(form, "site"), userId, required(form, "username"),
                required(form, "firstName"), required(form, "lastName"));
        return roles.toPerson(user, assigned, flag(form, "guests"), flag(form, "consent"));
    }

    private static Map<String, Object> describe(JoinOutcome outcome, Locale language) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (outcome.kind()) {
            case JOIN_LINK:
                json.put("outcome", "join");
                json.put("joinUrl", outcome.joinUrl().orElseThrow().rawUrl());
                json.put("role", outcome.bbbRole().orElseThrow().name().toLowerCase(Locale.ROOT));
                json.put("lobby", outcome.viaLobby());
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
        // A join link is a credential: no cache between the bridge and the plugin may keep it.
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Starts the bridge and plays the Moodle plugin for a few users of one course.
     *
     * @param args unused
     * @throws Exception if the walk-through fails
     */
    public static void main(String[] args) throws Exception {
        String key = System.getenv("BBB_PSEUDONYM_KEY");
        Pseudonyms pseudonyms = key == null || key.isBlank() ? Pseudonyms.of(SchoolMorningDemo.randomKey())
                : Pseudonyms.fromBase64(key);
        String token = randomToken();
        // The JDK server has no request timeouts by default; a deployment sets them (or, better,
        // puts a reverse proxy in front). Read once, when the first HttpServer starts.
        System.setProperty("sun.net.httpserver.maxReqTime", "10");
        System.setProperty("sun.net.httpserver.maxRspTime", "10");
        try (ExampleServer bbb = ExampleServer.fromEnvironment();
                MoodleBridge bridge = new MoodleBridge(0, SchoolConferences.builder()
                        .tenants(TenantDirectory.single(bbb.client())).pseudonyms(pseudonyms).build(),
                        MoodleRoleMapping.defaults(), Map.of("6021", token))) {
            System.out.println("Connected to " + bbb.describe());
            System.out.println("Moodle bridge listening at " + bridge.joinEndpoint());
            System.out.println();
            walkThrough(bridge.joinEndpoint(), token, bbb.isSimulated(), System.out);
        }
    }

    /**
     * Plays the Moodle plugin: posts a join request for each user of the sample course and prints
     * the status and the answer. Join links to the simulator are opened as the browser would and printed with the
     * checksum masked; links to a real server are not printed at all.
     *
     * @param endpoint the bridge's join endpoint
     * @param token the bearer token
     * @param simulated whether join links may be printed (simulator) or must be masked
     * @param out where to print
     * @return the HTTP status of each request, in order
     * @throws IOException if the bridge cannot be reached
     * @throws InterruptedException if interrupted
     */
    static List<Integer> walkThrough(URI endpoint, String token, boolean simulated, PrintStream out)
            throws IOException, InterruptedException {
        String course = "site=6021&course=314&courseName=" + enc("Mathematik 7b") + "&guests=0";
        List<String[]> plugin = List.of(
                new String[] {"pupil before the lesson", course + "&userId=1001&username=kim.yilmaz&firstName=Kim"
                        + "&lastName=Yilmaz&roles=student&consent=1"},
                new String[] {"teacher (editingteacher)", course + "&userId=2001&username=p.schmidt&firstName=Petra"
                        + "&lastName=Schmidt&roles=editingteacher&consent=1&lang=de"},
                new String[] {"pupil again", course + "&userId=1001&username=kim.yilmaz&firstName=Kim"
                        + "&lastName=Yilmaz&roles=student&consent=1"},
                new String[] {"site manager", course + "&userId=9001&username=admin&firstName=Site"
                        + "&lastName=Admin&roles=manager&consent=1"},
                new String[] {"course guest", course + "&userId=1&username=guest&firstName=Gast&lastName=Zugang"
                        + "&roles=guest&consent=0"},
                new String[] {"missing course", "site=6021&courseName=X&userId=5&username=x&firstName=A&lastName=B"
                        + "&roles=student"});
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (String[] call : plugin) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(call[1])).build(), HttpResponse.BodyHandlers.ofString());
            statuses.add(r.statusCode());
            Matcher link = JOIN_URL.matcher(r.body());
            if (simulated && link.find()) {
                // The plugin redirects the browser there; the browser opening it makes the meeting run.
                SimulatorBrowser.open(URI.create(link.group(1)));
            }
            String body = simulated ? r.body().replaceAll("checksum=[0-9a-f]+", "checksum=***")
                    : JOIN_URL.matcher(r.body()).replaceAll("\"joinUrl\":\"(not shown)\"");
            out.printf("%-26s %d %s%n", call[0], r.statusCode(), body);
        }
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer not-the-token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(plugin.get(1)[1])).build(), HttpResponse.BodyHandlers.ofString());
        statuses.add(forged.statusCode());
        out.printf("%-26s %d %s%n", "wrong token", forged.statusCode(), forged.body());
        return statuses;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A random bearer token for the walk-through; a deployment reads it from its secret store. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
