// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** checkConnection tells a wrong URL, a wrong secret and a disabled algorithm apart. */
class ConnectionCheckTest {
    private WireMockSupport wm;

    @BeforeEach
    void start() {
        wm = new WireMockSupport();
    }

    @AfterEach
    void stop() {
        wm.close();
    }

    /** Answers isMeetingRunning like bbb-web with only SHA-512 enabled and the test secret. */
    private void serverWithSha512Only() {
        wm.server().stubFor(get("/bigbluebutton/api/").willReturn(aResponse()
                .withBody(Fixtures.text("littleredbutton-api-php/api_version.xml"))));
        wm.server().stubFor(get(urlPathEqualTo("/bigbluebutton/api/isMeetingRunning")).willReturn(aResponse()
                .withTransformers("bbb-checksum")));
    }

    static final class ChecksumJudge implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent event) {
            String url = event.getRequest().getUrl();
            boolean ok;
            try {
                ok = ServerChecksumVerifier.verify(url, Secrets.SECRET).algorithm.equals("SHA-512");
            } catch (AssertionError e) {
                ok = false;
            }
            String body = ok ? "<response><returncode>SUCCESS</returncode><running>false</running></response>"
                    : "<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>"
                            + "<message>Checksums do not match</message></response>";
            return Response.Builder.like(response).but().body(body).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "bbb-checksum";
        }
    }

    @Test
    void check_okWrongSecretAndAlgorithm() {
        wm.close();
        wm = new WireMockSupport(new ChecksumJudge());
        serverWithSha512Only();
        try (BbbClient ok = BbbClient.builder().baseUrl(wm.baseUrl()).secret(Secrets.SECRET)
                .checksumAlgorithm(ChecksumAlgorithm.SHA512).build()) {
            ConnectionCheck c = ok.checkConnection();
            assertThat(c.status()).isEqualTo(ConnectionCheck.Status.OK);
            assertThat(c.version()).isPresent();
            ConnectionCheck alg = ok.toBuilder().checksumAlgorithm(ChecksumAlgorithm.SHA256).build().checkConnection();
            assertThat(alg.status()).isEqualTo(ConnectionCheck.Status.ALGORITHM_NOT_SUPPORTED);
            assertThat(alg.workingAlgorithm()).contains(ChecksumAlgorithm.SHA512);
            ConnectionCheck wrong = ok.toBuilder().secret("not-the-secret").build().checkConnection();
            assertThat(wrong.status()).isEqualTo(ConnectionCheck.Status.WRONG_SECRET);
            assertThat(wrong.detail()).doesNotContain(Secrets.SECRET).doesNotContain("not-the-secret");
        }
    }

    @Test
    void check_notBbb() {
        wm.server().stubFor(get(urlPathEqualTo("/bigbluebutton/api/")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Not Found</body></html>")));
        try (BbbClient c = BbbClient.builder().baseUrl(wm.baseUrl()).secret(Secrets.SECRET).build()) {
            ConnectionCheck check = c.checkConnection();
            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.NOT_BBB);
            assertThat(check.detail()).contains("/bigbluebutton/");
        }
    }
}
