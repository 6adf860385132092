// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testsupport.EndToEnd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real headless Chromium: a pupil who comes early waits (German browser), a parent
 * is refused with the reason (English browser), the teacher opens the lesson and lands in
 * BigBlueButton (the simulator's client page), then the pupil gets in.
 */
@EndToEnd
class PortalBrowserTest extends PortalTestBase {
    /** Explicit waits only: a page is judged once the element it must show is there, however long that takes. */
    private static final Duration PAGE = Duration.ofSeconds(60);

    private static WebDriver german;
    private static WebDriver english;

    @BeforeAll
    static void browsers() {
        Browsers.requireChromium();
        german = Browsers.chromium("de-DE,de");
        english = Browsers.chromium("en-GB,en");
    }

    @AfterAll
    static void quit() {
        if (german != null) {
            german.quit();
        }
        if (english != null) {
            english.quit();
        }
    }

    private void signIn(WebDriver browser, String person) {
        browser.get(url("/"));
        click(browser, "sign-in-" + person);
        visible(browser, By.id("room-kurs-7b-mathe"));
    }

    private static void click(WebDriver browser, String id) {
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static String visible(WebDriver browser, By by) {
        return new WebDriverWait(browser, PAGE).until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aMorningInTheBrowser() throws IOException {
        String meetingId = conferences.meetingId(DemoSchool.LESSON);

        // 07:50 Kim (pupil, German browser) comes early: the rooms page, then the wait page.
        signIn(german, "kim");
        assertThat(visible(german, By.id("room-kurs-7b-mathe"))).contains("Klasse 7b – Mathematik")
                .contains("Beitreten, sobald sie begonnen hat");
        screenshot(german, "portal-rooms");
        click(german, "join-kurs-7b-mathe");
        assertThat(visible(german, By.id("wait"))).contains("Die Konferenz hat noch nicht begonnen");
        assertThat(visible(german, By.id("reason")))
                .isEqualTo(conferences.decide(DemoSchool.LESSON, inLesson("kim")).reason(java.util.Locale.GERMAN));
        screenshot(german, "portal-wait");
        assertThat(sim.meeting(meetingId)).as("a pupil never starts the meeting").isEmpty();

        // 07:55 Aylin (parent, English browser) tries the lesson: refused, with the adapter's reason.
        signIn(english, "aylin");
        assertThat(visible(english, By.id("room-kurs-7b-mathe"))).contains("No access");
        assertThat(english.findElements(By.id("join-kurs-7b-mathe"))).as("no join button where denied").isEmpty();
        // She opens the lesson anyway, from a link her child shared: the portal asks the adapter again.
        ((org.openqa.selenium.JavascriptExecutor) english).executeScript(
                "var f=document.createElement('form');f.method='post';f.action='/rooms/kurs-7b-mathe/join';"
                        + "document.body.appendChild(f);f.submit();");
        assertThat(visible(english, By.id("denied"))).contains("You cannot join this conference");
        assertThat(visible(english, By.id("reason")))
                .isEqualTo(conferences.decide(DemoSchool.LESSON, inLesson("aylin")).reason(java.util.Locale.ENGLISH));
        screenshot(english, "portal-denied");

        // 08:00 Petra (teacher) opens the lesson and lands in BigBlueButton.
        signIn(english, "petra");
        click(english, "join-kurs-7b-mathe");
        new WebDriverWait(english, PAGE).until(ExpectedConditions.urlContains("/html5client/join"));
        assertThat(english.getCurrentUrl()).startsWith(sim.baseUrl().replace("/bigbluebutton/", "/html5client/join"));
        assertThat(english.getPageSource()).contains("BigBlueButton simulator");
        assertThat(sim.meeting(meetingId).orElseThrow().attendees()).extracting(SimulatedAttendee::role)
                .containsExactly("MODERATOR");

        // 08:01 Kim tries again and gets in as a viewer.
        click(german, "retry");
        new WebDriverWait(german, PAGE).until(ExpectedConditions.urlContains("/html5client/join"));
        assertThat(sim.meeting(meetingId).orElseThrow().attendees()).extracting(SimulatedAttendee::role)
                .containsExactlyInAnyOrder("MODERATOR", "VIEWER");
    }

    private static Person inLesson(String who) {
        return new DemoSchool().person(who).orElseThrow().inRoom(DemoSchool.LESSON.id()).orElseThrow();
    }
}
