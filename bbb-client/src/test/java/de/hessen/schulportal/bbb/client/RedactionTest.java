package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.internal.Redactor;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The secret, checksums, passwords and join URLs never leave through logs, messages or toString. */
class RedactionTest {

    @Test
    void fullScenarioAtTrace_logsOneLinePerCallAndNoSecret() {
        try (WireMockSupport wm = new WireMockSupport();
                BbbClient bbb = BbbClient.builder().baseUrl(wm.baseUrl()).secret(Secrets.SECRET).maxRetries(0).build()) {
            wm.answer("create", Fixtures.text("littleredbutton-api-php/create_meeting.xml"));
            wm.answer("getMeetingInfo", Fixtures.text("bigbluebutton-api-php/responses__get_meeting_info.xml"));
            wm.answer("join", Fixtures.text("littleredbutton-api-php/join_meeting.xml"));
            wm.answer("end", "<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>"
                    + "<message>Checksums do not match</message></response>");
            CapturingLoggerProvider.clear();

            CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder("room-1", "Room").build());
            SignedUrl link = bbb.joinUrl(JoinMeetingRequest.builder("room-1", "Ada", Role.MODERATOR)
                    .createTime(created.createTime()).build());
            bbb.join(JoinMeetingRequest.builder("room-1", "Bob", Role.VIEWER).build());
            bbb.getMeetingInfo("room-1");
            BbbException failure = null;
            try {
                bbb.end("room-1");
            } catch (BbbException e) {
                failure = e;
            }

            List<String> lines = CapturingLoggerProvider.lines();
            assertThat(lines).anyMatch(l -> l.contains("[call=create status=200 returncode=SUCCESS"));
            assertThat(lines).anyMatch(l -> l.contains("[call=end status=200 returncode=FAILED messageKey=checksumError"));
            assertThat(lines).anyMatch(l -> l.startsWith("TRACE") && l.contains("checksum=***"));
            String raw = link.rawUrl();
            String checksum = raw.substring(raw.indexOf("checksum=") + 9);
            for (String line : lines) {
                assertThat(line).doesNotContain(Secrets.SECRET).doesNotContain(checksum).doesNotContain(raw)
                        .doesNotContain("rbe7bbkjzx5mnoda");
                assertThat(Secrets.leakIn(line)).as(line).isNull();
            }
            assertThat(failure).isInstanceOf(ChecksumErrorException.class);
            assertThat(failure.getMessage()).doesNotContain(Secrets.SECRET);
            assertThat(link.toString()).doesNotContain(checksum).contains("checksum=***");
            assertThat(bbb.toString()).doesNotContain(Secrets.SECRET).contains("secret=***");
            assertThat(BbbClient.builder().secret(Secrets.SECRET).toString()).doesNotContain(Secrets.SECRET);
        }
    }

    @Test
    void redactor_masksEveryCredentialParameter() {
        String url = "https://h/bigbluebutton/api/join?fullName=A&password=pw1&attendeePW=pw2&moderatorPW=pw3"
                + "&sessionToken=tok&checksum=abcdef&CHECKSUM=x";
        String redacted = Redactor.redact(url);
        assertThat(redacted).doesNotContain("pw1", "pw2", "pw3", "tok", "abcdef", "=x")
                .contains("fullName=***", "password=***", "attendeePW=***", "moderatorPW=***", "checksum=***");
        assertThat(Redactor.redact("checksum=abc")).isEqualTo("checksum=***");
        assertThat(Redactor.redact("no query")).isEqualTo("no query");
        assertThat(Redactor.redact("a=1&cbtoken=t1&access_token=t2&secret=t3&apikey=t4&jwt=t5&b=2"))
                .isEqualTo("a=1&cbtoken=***&access_token=***&secret=***&apikey=***&jwt=***&b=2");
    }

    /** A callback URL inside create carries the portal's own token (meeting-ended): its query is masked. */
    @Test
    void redactor_masksTheQueryOfNestedCallbackUrls() {
        String create = "https://h/bigbluebutton/api/create?meetingID=m-1&name=Mathe"
                + "&meta_endCallbackUrl=https%3A%2F%2Fportal.example%2Fbbb%2Fended%3Fcbtoken%3Dsecret-token%26x%3D1"
                + "&meetingEndedURL=https://portal.example/ended?cbtoken=raw-token"
                + "&logoutURL=https%3A%2F%2Fportal.example%2Fbye&checksum=abc";
        String redacted = Redactor.redact(create);
        assertThat(redacted).doesNotContain("secret-token", "raw-token", "abc")
                .contains("meetingID=m-1", "name=Mathe",
                        "meta_endCallbackUrl=https%3A%2F%2Fportal.example%2Fbbb%2Fended%3F***",
                        "meetingEndedURL=https://portal.example/ended%3F***",
                        "logoutURL=https%3A%2F%2Fportal.example%2Fbye", "checksum=***");
    }

    @Test
    void logGuard_detectsLeaks() {
        assertThat(Secrets.leakIn("x " + Secrets.SECRET)).isNotNull();
        assertThat(Secrets.leakIn("/api/join?a=b&checksum=" + "a".repeat(64))).isNotNull();
        assertThat(Secrets.leakIn("/api/join?a=b&checksum=***")).isNull();
    }
}
