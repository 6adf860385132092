// SPDX-License-Identifier: Apache-2.0
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
            assertThat(lines).anyMatch(l -> l.startsWith("TRACE") && l.contains("checksum=****"));
            String raw = link.rawUrl();
            String checksum = raw.substring(raw.indexOf("checksum=") + 9);
            for (String line : lines) {
                assertThat(line).doesNotContain(Secrets.SECRET).doesNotContain(checksum).doesNotContain(raw)
                        .doesNotContain("rbe7bbkjzx5mnoda");
                assertThat(Secrets.leakIn(line)).as(line).isNull();
            }
            assertThat(failure).isInstanceOf(ChecksumErrorException.class);
            assertThat(failure.getMessage()).doesNotContain(Secrets.SECRET);
            assertThat(link.toString()).doesNotContain(checksum).contains("checksum=****");
            assertThat(bbb.toString()).doesNotContain(Secrets.SECRET).contains("secret=****");
            assertThat(BbbClient.builder().secret(Secrets.SECRET).toString()).doesNotContain(Secrets.SECRET);
        }
    }

    @Test
    void redactor_masksEveryCredentialParameter() {
        String url = "https://h/bigbluebutton/api/join?fullName=A&password=pw1&attendeePW=pw2&moderatorPW=pw3"
                + "&sessionToken=tok&checksum=abcdef&CHECKSUM=x";
        String redacted = Redactor.redact(url);
        assertThat(redacted).doesNotContain("pw1", "pw2", "pw3", "tok", "abcdef", "=x")
                .contains("fullName=****", "password=****", "attendeePW=****", "moderatorPW=****", "checksum=****");
        assertThat(Redactor.redact("checksum=abc")).isEqualTo("checksum=****");
        assertThat(Redactor.redact("no query")).isEqualTo("no query");
        assertThat(Redactor.redact("a=1&cbtoken=t1&access_token=t2&secret=t3&apikey=t4&jwt=t5&b=2"))
                .isEqualTo("a=1&cbtoken=****&access_token=****&secret=****&apikey=****&jwt=****&b=2");
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
                        "meta_endCallbackUrl=https%3A%2F%2Fportal.example%2Fbbb%2Fended%3Fcbtoken%3D****%26x%3D****",
                        "meetingEndedURL=https://portal.example/ended?cbtoken=****",
                        "logoutURL=https%3A%2F%2Fportal.example%2Fbye", "checksum=****");
    }

    /** Issue 12 item 4: any parameter whose value is a URL loses its query values, fragment and user info. */
    @Test
    void redactor_masksQueryValuesOfEveryUrlValuedParameter() {
        String create = "https://h/bigbluebutton/api/create?meetingID=m-1"
                + "&meta_bbb-recording-ready-url=https%3A%2F%2Fportal.example%2Fready%3Ftenant%3Ds42%26key%3Dk-123%23frag-tok"
                + "&logoutURL=https://portal.example/bye?sid=s-456"
                + "&meta_homepage=https%3A%2F%2Fschool.example%2F%3Fsession%3Ds-789"
                + "&welcome=see+http%3A%2F%2Fx.example%2F%3Fq%3Dv-111"
                + "&presentationUploadExternalUrl=https%3A%2F%2Fuser%3Apw-222%40files.example%2Fup";
        String redacted = Redactor.redact(create);
        assertThat(redacted).doesNotContain("s42", "k-123", "frag-tok", "s-456", "s-789", "pw-222")
                .contains("meta_bbb-recording-ready-url=https%3A%2F%2Fportal.example%2Fready%3Ftenant%3D****%26key%3D****%23****",
                        "logoutURL=https://portal.example/bye?sid=****",
                        "meta_homepage=https%3A%2F%2Fschool.example%2F%3Fsession%3D****",
                        "presentationUploadExternalUrl=https%3A%2F%2F****%40files.example%2Fup", "meetingID=m-1");
        assertThat(Redactor.redact("/api/hooks/create?callbackURL=https%3A%2F%2Fportal.example%2Fhook%3Fschool%3D12%26token%3Dabc%23x"))
                .isEqualTo("/api/hooks/create?callbackURL=https%3A%2F%2Fportal.example%2Fhook%3Fschool%3D****%26token%3D****%23****");
        assertThat(Redactor.redact("/api/hooks/create?callbackURL=https%3A%2F%2Fportal.example%2Fhook"))
                .isEqualTo("/api/hooks/create?callbackURL=https%3A%2F%2Fportal.example%2Fhook");
    }

    @Test
    void redactor_neverLetsUserInfoThrough() {
        assertThat(Redactor.redact("http://admin:hunter2@bbb.example/bigbluebutton/api/create?meetingID=m"))
                .isEqualTo("http://****@bbb.example/bigbluebutton/api/create?meetingID=m");
        assertThat(Redactor.redact("https://admin:hunter2@bbb.example/bigbluebutton/")).doesNotContain("hunter2", "admin");
        assertThat(Redactor.redact("connect to https://u:hunter2@bbb.example/api failed")).doesNotContain("hunter2");
        assertThat(Redactor.redact("/api/hooks/create?callbackURL=https://u:hunter2@portal.example/x"))
                .isEqualTo("/api/hooks/create?callbackURL=https://****@portal.example/x");
    }

    @Test
    void redactor_masksChatTextsUserNamesAndUserdataValues() {
        String chat = "https://h/bigbluebutton/api/sendChatMessage?meetingID=m-1&message=Hallo+Klasse+7b&userName=Frau+Schmidt&checksum=ab";
        assertThat(Redactor.redact(chat)).isEqualTo(
                "https://h/bigbluebutton/api/sendChatMessage?meetingID=m-1&message=****&userName=****&checksum=****");
        String join = "https://h/bigbluebutton/api/join?meetingID=m&fullName=Ada&userdata-bbb_custom_style=x&USERDATA-School=Schule+42&role=VIEWER";
        assertThat(Redactor.redact(join)).doesNotContain("Schule+42", "bbb_custom_style=x", "Ada")
                .contains("userdata-bbb_custom_style=****", "USERDATA-School=****", "role=VIEWER");
    }

    /**
     * One list decides: every name masked in a query is masked in every free-text form too (the text
     * patterns once named fewer credentials than the query rule). {@code message} is the one name kept
     * readable in text, where it is BigBlueButton's own error message.
     */
    @ParameterizedTest
    @ValueSource(strings = {"checksum", "password", "attendeePW", "moderatorPW", "sessionToken", "session_token",
            "auth_token", "token", "signed_parameters", "cbToken", "access_token", "secret", "Authorization", "apiKey",
            "api_key", "jwt", "fullName", "userName"})
    void redactor_masksEachNameInEveryForm(String name) {
        String value = "v4lue-of-" + name.length();
        assertThat(Redactor.redact("https://h/x?a=1&" + name + "=" + value)).doesNotContain(value);
        assertThat(Redactor.redact("echoed: " + name + "=" + value)).doesNotContain(value);
        assertThat(Redactor.redact("echoed: " + name + ": " + value)).doesNotContain(value);
        assertThat(Redactor.redact("echoed: {\"" + name + "\":\"" + value + "\"}")).doesNotContain(value);
        assertThat(Redactor.redact("echoed: " + name + "%3D" + value)).doesNotContain(value);
        assertThat(Redactor.redact("echoed: <" + name + ">" + value + "</" + name + ">")).doesNotContain(value);
    }

    @Test
    void redactor_keepsTheServerMessageReadableInText() {
        assertThat(Redactor.redact("https://h/x?message=Hallo")).doesNotContain("Hallo");
        assertThat(Redactor.redact("<message>Checksums do not match</message>")).contains("Checksums do not match");
    }

    /** Server messages may echo the request in another shape: prose, JSON, XML, encoded pairs, a bare digest. */
    @Test
    void redactor_masksCredentialsInEchoedServerText() {
        String digest = "0123456789abcdef0123456789abcdef01234567";
        String text = "Refused request: moderatorPW=mp-1, \"attendeePW\":\"ap-2\", password: pw-3, checksum%3D" + digest
                + " <moderatorPW>mp-4</moderatorPW> Authorization: Bearer tok-5 and digest " + digest + " for meeting 183f"
                + "0bf3a0982a127bdb8161e0c44eb696b3e75c-1700000000000 via /bigbluebutton/api/join?fullName=Ada&checksum=" + digest;
        String redacted = Redactor.redact(text);
        assertThat(redacted).doesNotContain("mp-1", "ap-2", "pw-3", "mp-4", "tok-5", digest, "Ada")
                .contains("183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1700000000000", "Refused request:");
        assertThat(Redactor.redact(redacted)).isEqualTo(redacted);
        assertThat(Redactor.redact("The meeting ID that you supplied did not match any existing meetings"))
                .isEqualTo("The meeting ID that you supplied did not match any existing meetings");
    }

    @Test
    void logGuard_detectsLeaks() {
        assertThat(Secrets.leakIn("x " + Secrets.SECRET)).isNotNull();
        assertThat(Secrets.leakIn("/api/join?a=b&checksum=" + "a".repeat(64))).isNotNull();
        assertThat(Secrets.leakIn("/api/join?a=b&checksum=****")).isNull();
    }
}
