package de.hessen.schulportal.bbb.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The test signer must produce what the verifiers (and the independent test crypto) accept. */
class CallbackTestSignerTest {
    static final String SECRET = "test-secret";

    @Test
    void recordingReady_roundTripsAndMatchesIndependentJwt() {
        String token = CallbackTestSigner.recordingReadyToken(SECRET, "m-1", "r-1");
        assertThat(token).isEqualTo(IndependentCrypto.hs256("{\"meeting_id\":\"m-1\",\"record_id\":\"r-1\"}", SECRET));
        RecordingReadyVerifier v = RecordingReadyVerifier.builder().secrets(SECRET).build();
        assertThat(v.verifyFormBody(CallbackTestSigner.recordingReadyFormBody(SECRET, "m-1", "r-1")).recordId()).isEqualTo("r-1");
        assertThat(v.verifyToken(CallbackTestSigner.recordingReadyToken(JwtAlgorithm.HS512, SECRET, "m \"2\"", "r")).meetingId())
                .isEqualTo("m \"2\"");
    }

    @Test
    void webhook_roundTripsAndMatchesIndependentChecksum() {
        String body = CallbackTestSigner.webhookBody("bbb.example.org", "[{\"data\":{\"id\":\"meeting-ended\"}}]", 1700000000000L);
        String registered = "https://app.example.org/hook?x=1";
        String url = CallbackTestSigner.webhookUrl(registered, body, SECRET, ChecksumAlgorithm.SHA256);
        assertThat(url).isEqualTo(registered + "&checksum=" + IndependentCrypto.hexDigest("SHA-256", registered + body + SECRET));
        WebhookDelivery d = WebhookVerifier.builder().secrets(SECRET).build().verify(url, body);
        assertThat(d.events().get(0).type()).isEqualTo(WebhookEventType.MEETING_ENDED);
        assertThat(d.domain()).contains("bbb.example.org");
    }

    @Test
    void meetingEnded_roundTrips() {
        byte[] key = new byte[32];
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
        MeetingEndedCallbackSigner signer = MeetingEndedCallbackSigner.builder().key(key).clock(clock).build();
        String url = CallbackTestSigner.meetingEndedRequestUrl(signer, "https://p.example/ended", "m-1", true);
        MeetingEnded ended = MeetingEndedCallbackVerifier.builder().keys(key).clock(clock).build().verify(url);
        assertThat(ended.meetingId()).isEqualTo("m-1");
        assertThat(ended.recordingMarks()).isTrue();
    }
}
