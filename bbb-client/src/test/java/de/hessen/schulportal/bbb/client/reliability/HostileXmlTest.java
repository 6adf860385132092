// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile answers (the base URL may point at an attacker, or a proxy may be compromised): DTDs,
 * external and parameter entities, entity expansion, deep nesting, huge or many attributes. Each is
 * rejected with {@link BbbResponseException} within seconds (an expansion or a quadratic parse would
 * take minutes; the bound is loose so that a busy machine does not fail it), nothing is read from disk (the file's
 * content appears nowhere) and nothing from the network (a second server that would serve the DTD
 * or entity receives no request at all).
 */
class HostileXmlTest {
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final String FILE_CONTENT = "TOP-SECRET-FILE-CONTENT";

    private final AtomicReference<String> body = new AtomicReference<>();
    private LoopbackServer bbb;
    private LoopbackServer attacker;
    private BbbClient client;
    private Path secretFile;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, FILE_CONTENT);
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"" + FILE_CONTENT + "\">");
        bbb = new LoopbackServer(line -> LoopbackServer.status(200, "text/xml;charset=utf-8", body.get()));
        attacker = new LoopbackServer(line -> LoopbackServer.status(200, "application/xml-dtd",
                "<!ENTITY leak \"FROM-THE-NETWORK\">"));
        client = BbbClient.builder().baseUrl(bbb.baseUrl()).secret(Secrets.SECRET).maxRetries(0).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        bbb.close();
        attacker.close();
    }

    private String evil() {
        return attacker.baseUrl() + "evil.dtd";
    }

    private void assertRejected(String xml) {
        body.set(xml);
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            Throwable thrown = null;
            try {
                if (run == 0) {
                    client.getMeetingInfo("room-1");
                } else {
                    client.async().getMeetings().join();
                }
            } catch (java.util.concurrent.CompletionException e) {
                thrown = e.getCause();
            } catch (BbbException e) {
                thrown = e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(thrown).isInstanceOf(BbbResponseException.class);
            assertThat(took).as("rejection time").isLessThan(FAST);
            assertThat(thrown.getMessage()).doesNotContain(FILE_CONTENT).doesNotContain("FROM-THE-NETWORK")
                    .contains(run == 0 ? "getMeetingInfo" : "getMeetings");
            Secrets.assertNoLeak("message", thrown.getMessage());
        }
        assertThat(attacker.requests()).as("requests that reached the attacker's server").isZero();
    }

    @Test
    void doctypeAlone_isRejected() {
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE response><response><returncode>SUCCESS</returncode>"
                + "<meetingName>x</meetingName></response>");
    }

    @Test
    void externalDtdOverHttp_isRejectedWithoutFetchingIt() {
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE response SYSTEM \"" + evil() + "\"><response>"
                + "<returncode>SUCCESS</returncode><meetingName>&leak;</meetingName></response>");
    }

    @Test
    void externalDtdWithoutEntityUse_isRejectedWithoutFetchingIt() {
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE response PUBLIC \"-//X//Y\" \"" + evil() + "\"><response>"
                + "<returncode>SUCCESS</returncode><meetingName>x</meetingName></response>");
    }

    @Test
    void externalParameterEntityOverHttp_isRejectedWithoutFetchingIt() {
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"" + evil() + "\"> %p;]><response>"
                + "<returncode>SUCCESS</returncode><meetingName>&leak;</meetingName></response>");
    }

    @Test
    void externalParameterEntityFromDisk_isRejectedWithoutReadingIt() {
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"" + secretFile.getParent()
                .resolve("evil.dtd").toUri() + "\"> %p;]><response><returncode>SUCCESS</returncode>"
                + "<meetingName>&leak;</meetingName></response>");
    }

    @Test
    void externalGeneralEntityOverHttp_isRejectedWithoutFetchingIt() {
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + evil() + "\">]><response>"
                + "<returncode>SUCCESS</returncode><meetingName>&x;</meetingName></response>");
    }

    @Test
    void quadraticBlowup_isRejectedFast() {
        String big = "A".repeat(50_000);
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"" + big + "\">]><response>"
                + "<returncode>SUCCESS</returncode><meetingName>" + "&a;".repeat(20_000) + "</meetingName></response>");
    }

    @Test
    void undeclaredEntity_isRejected() {
        assertRejected("<response><returncode>SUCCESS</returncode><meetingName>&undeclared;</meetingName></response>");
    }

    @Test
    void hugeAttribute_isRejected() {
        assertRejected("<response a=\"" + "x".repeat(1 << 20) + "\"><returncode>SUCCESS</returncode></response>");
    }

    @Test
    void manyAttributes_areRejected() {
        StringBuilder sb = new StringBuilder("<response");
        for (int i = 0; i < 5_000; i++) {
            sb.append(" a").append(i).append("=\"v\"");
        }
        assertRejected(sb.append("><returncode>SUCCESS</returncode></response>").toString());
    }

    @Test
    void nestingJustBeyondTheLimit_isRejected() {
        assertRejected("<response><returncode>SUCCESS</returncode>" + "<a>".repeat(100) + "</a>".repeat(100) + "</response>");
    }

    @Test
    void veryDeepNesting_isRejectedFast() {
        assertRejected("<response><returncode>SUCCESS</returncode>" + "<a>".repeat(200_000) + "</response>");
    }
}
