// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e;

import de.hessen.schulportal.bbb.e2e.moodle.MoodleBrowser;
import de.hessen.schulportal.bbb.e2e.moodle.School;
import de.hessen.schulportal.bbb.e2e.servers.MoodleSite;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the real Moodle against a BigBlueButton endpoint (the gateway or, to prove the privacy
 * checks, the simulator itself): the site configured for it, a fresh activity, the teacher and the
 * pupil logged in. Moodle is reconfigured with {@code cfg.php}, never reinstalled. Not thread-safe.
 */
final class RealMoodleRun {
    /** What Moodle's settings call the checksum algorithms. */
    enum Algorithm {
        SHA1, SHA256, SHA512
    }

    final MoodleSite site;
    final School school;
    final School.Activity activity;
    final MoodleBrowser teacher;
    final MoodleBrowser pupil;
    /** The pupil's browser outside Moodle (gateway, BigBlueButton): no Moodle cookies, as another origin. */
    final HttpClient web = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private RealMoodleRun(MoodleSite site, School school, School.Activity activity) {
        this.site = site;
        this.school = school;
        this.activity = activity;
        this.teacher = new MoodleBrowser(site.wwwroot());
        this.pupil = new MoodleBrowser(site.wwwroot());
    }

    /**
     * Points Moodle at a BigBlueButton endpoint with every feature a school uses switched on, adds an
     * activity and logs both people in.
     *
     * @param site the Moodle
     * @param serverUrl the endpoint's base, ending in {@code /bigbluebutton/}
     * @param secret the shared secret Moodle signs with
     * @param algorithm the checksum algorithm
     * @return the run
     */
    static RealMoodleRun start(MoodleSite site, String serverUrl, String secret, Algorithm algorithm) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bigbluebuttonbn_server_url", serverUrl);
        settings.put("bigbluebuttonbn_shared_secret", secret);
        settings.put("bigbluebuttonbn_checksum_algorithm", algorithm.name());
        settings.put("bigbluebuttonbn_default_dpa_accepted", "1");
        settings.put("bigbluebuttonbn_recordingready_enabled", "1");
        settings.put("bigbluebuttonbn_meetingevents_enabled", "1");
        settings.put("bigbluebuttonbn_profile_picture_enabled", "1");
        // Puts the creator's name and e-mail address into the create metadata (a site's choice).
        settings.put("bigbluebuttonbn_recordingstatus_enabled", "1");
        settings.put("bigbluebuttonbn_preuploadpresentation_editable", "1");
        // Moodle's curl refuses loopback addresses and other ports by default.
        settings.put("curlsecurityblockedhosts", "");
        settings.put("curlsecurityallowedport", "");
        settings.put("noemailever", "1");
        settings.forEach(site::config);
        site.purgeCaches();
        School school = School.of(site);
        RealMoodleRun run = new RealMoodleRun(site, school, school.addActivity(site));
        run.teacher.login(School.TEACHER, School.PASSWORD);
        run.pupil.login(School.PUPIL, School.PASSWORD);
        return run;
    }

    /**
     * A person presses "Join session": Moodle answers with a redirect to the BigBlueButton join URL.
     *
     * @param person the person's browser
     * @return where Moodle sends the browser
     */
    URI joinAtMoodle(MoodleBrowser person) {
        HttpResponse<String> r = person.get("/mod/bigbluebuttonbn/bbb_view.php?action=join&id=" + activity.cmid()
                + "&bn=" + activity.instanceId());
        if (r.statusCode() != 303) {
            throw new AssertionError("Moodle answered the join with HTTP " + r.statusCode() + ", not the 303 to BigBlueButton");
        }
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }

    /**
     * The browser follows one redirect outside Moodle.
     *
     * @param url where to go
     * @return the answer
     */
    HttpResponse<String> browse(URI url) {
        try {
            return web.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + url.getHost() + ":" + url.getPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The users' keys for Moodle's {@code tokenpluginfile.php} (avatar URLs carry them).
     *
     * @return the keys
     */
    List<String> fileTokens() {
        String rows = site.sql("SELECT value FROM mdl_user_private_key WHERE script = 'core_files'");
        return rows.isEmpty() ? List.of() : Arrays.asList(rows.split("\n"));
    }

    /**
     * What the privacy search looks for.
     *
     * @return the facts of this school and site
     */
    BackendLog.Facts facts() {
        return new BackendLog.Facts(School.PUPIL_LAST, School.TEACHER_LAST, School.TEACHER_FIRST + " " + School.TEACHER_LAST,
                List.of(school.teacherId(), school.pupilId()), List.of(School.TEACHER_EMAIL, School.PUPIL_EMAIL),
                School.COURSE, School.COURSE_SHORT, School.ACTIVITY, School.DESCRIPTION, site.hostAndPort(), fileTokens());
    }

    /** Simulated time passes until the backend has processed the recording (and sent its callbacks). */
    static void recordingsProcessed(BbbSimulator sim) {
        sim.clock().advance(Duration.ofMinutes(2));
    }
}
