// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12 item 7: OpsCli never prints terminal control characters a server sent. */
class TerminalTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'Klasse\u001B[2J\u001B[1;1H7b'|Klasse7b",
        "'\u001B]0;pwned\u0007Titel'|Titel",
        "'\u001B]8;;http://evil\u001B\\Link\u001B]8;;\u001B\\'|Link",
        "'a\u009B31mb'|a31mb",
        "'a\u0085b\u007Fc\u0000d'|abcd",
        "'a\u202Eb\u2066c'|abc",
        "'Zeile 1\nZeile\t2'|Zeile 1 Zeile 2",
        "'trailing\u001B'|trailing",
        "'Grüße, 李, Ωmega'|Grüße, 李, Ωmega",
    })
    void clean_removesEscapeSequencesAndControls(String raw, String shown) {
        assertThat(Terminal.clean(raw)).isEqualTo(shown);
    }

    @Test
    void opsCli_printsNoControlCharactersFromTheServer() throws Exception {
        // XML 1.0 cannot carry ESC, but it can carry C1 controls (U+009B is a one-character CSI),
        // NEL and direction overrides.
        String hostile = "Klasse\u009B2J\u0085\u202Egnuhcilneg";
        String meetings = "<response><returncode>SUCCESS</returncode><meetings><meeting>"
                + "<meetingName>" + hostile + "</meetingName><meetingID>m\u009B1</meetingID>"
                + "<createTime>1</createTime><running>true</running><participantCount>0</participantCount>"
                + "</meeting></meetings></response>";
        String failed = "<response><returncode>FAILED</returncode><messageKey>notFound</messageKey>"
                + "<message>no \u009B2J meeting \u202Ehere</message></response>";
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/bigbluebutton/api/", ex -> {
            byte[] body = (ex.getRequestURI().getPath().endsWith("getMeetings") ? meetings : failed)
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        fake.start();
        try (ExampleServer server = ExampleServer.fromEnvironment(Map.of("BBB_URL",
                "http://127.0.0.1:" + fake.getAddress().getPort() + "/bigbluebutton/", "BBB_SECRET", "fake-secret-fake"))) {
            for (String[] args : new String[][] {{"meetings"}, {"meetings", "--json"}, {"meeting", "xy"},
                    {"meeting", "xy", "--json"}}) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                OpsCli.run(server, args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
                String printed = bytes.toString(StandardCharsets.UTF_8);
                assertThat(printed).as(String.join(" ", args)).isNotEmpty();
                printed.chars().forEach(c -> assertThat(c == '\n' || (c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F)
                        && (c < 0x202A || c > 0x202E))).as("U+%04X in %s", c, String.join(" ", args)).isTrue());
            }
        } finally {
            fake.stop(0);
        }
    }
}
