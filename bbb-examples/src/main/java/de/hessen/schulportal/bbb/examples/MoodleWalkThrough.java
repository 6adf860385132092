// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.moodle.MoodleRoleMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link MoodleBridge} walk-through: starts the bridge against the embedded simulator (or
 * {@code BBB_URL}), sends a few requests the way the SchulMoodle plugin would, and prints the
 * answers. Run:
 * {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.MoodleWalkThrough}
 */
public final class MoodleWalkThrough {
    private static final Pattern SESSION_URL = Pattern.compile("\"sessionUrl\":\"([^\"]*)\"");

    private MoodleWalkThrough() {
    }

    /**
     * Starts the bridge against the embedded simulator (or {@code BBB_URL}) and plays the Moodle
     * plugin for a few users of one course.
     *
     * @param args unused
     * @throws Exception if the walk-through fails
     */
    public static void main(String[] args) throws Exception {
        String key = System.getenv("BBB_PSEUDONYM_KEY");
        Pseudonyms pseudonyms = key == null || key.isBlank() ? Pseudonyms.of(SchoolMorningDemo.randomKey())
                : Pseudonyms.fromBase64(key);
        String token = randomToken();
        ServerLimits.apply();
        try (ExampleServer bbb = ExampleServer.fromEnvironment();
                MoodleBridge bridge = new MoodleBridge(0, SchoolConferences.builder()
                        .tenants(TenantDirectory.single(bbb.client())).pseudonyms(pseudonyms).build(),
                        MoodleRoleMapping.defaults(), Map.of("6021", token))) {
            System.out.println("Connected to " + bbb.describe());
            System.out.println("Moodle bridge listening at " + bridge.joinEndpoint());
            System.out.println();
            run(bridge.joinEndpoint(), token, bbb.isSimulated(), System.out);
        }
    }

    /**
     * Plays the Moodle plugin: posts a join request for each user of the sample course and prints
     * the status and the answer. Session URLs of the simulator are opened as the browser would and printed with the
     * session token masked; those of a real server are not printed at all.
     *
     * @param endpoint the bridge's join endpoint
     * @param token the bearer token
     * @param simulated whether session URLs may be printed masked (simulator) or not at all
     * @param out where to print
     * @return the HTTP status of each request, in order
     * @throws IOException if the bridge cannot be reached
     * @throws InterruptedException if interrupted
     */
    static List<Integer> run(URI endpoint, String token, boolean simulated, PrintStream out)
            throws IOException, InterruptedException {
        String course = "site=6021&course=314&courseName=" + enc("Mathematik 7b") + "&guests=0";
        List<String[]> plugin = List.of(
                new String[] {"pupil before the lesson", course + "&userId=1001&username=kim.yilmaz&firstName=Kim"
                        + "&lastName=Yilmaz&roles=student&consent=1"},
                new String[] {"teacher (editingteacher)", course + "&userId=2001&username=p.schmidt&firstName=Petra"
                        + "&lastName=Schmidt&roles=editingteacher&consent=1&lang=de"},
                new String[] {"pupil again", course + "&userId=1001&username=kim.yilmaz&firstName=Kim"
                        + "&lastName=Yilmaz&roles=student&consent=1"},
                new String[] {"site manager", course + "&userId=9001&username=admin&firstName=Sabine"
                        + "&lastName=Berger&roles=manager&consent=1"},
                new String[] {"course guest", course + "&userId=1&username=guest&firstName=Jana&lastName=Roth"
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
            Matcher link = SESSION_URL.matcher(r.body());
            if (simulated && link.find()) {
                // The plugin redirects the browser there: the client's entry page.
                SimulatorBrowser.open(URI.create(link.group(1)));
            }
            String body = simulated ? r.body().replaceAll("sessionToken=[A-Za-z0-9]+", "sessionToken=***")
                    : SESSION_URL.matcher(r.body()).replaceAll("\"sessionUrl\":\"(not shown)\"");
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
