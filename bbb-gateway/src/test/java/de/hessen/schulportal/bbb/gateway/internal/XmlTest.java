// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The answer writer: what an XML parser reads back is the text given, less the characters XML 1.0 cannot carry. */
class XmlTest {
    private static final String POOL = "abcXYZ019 -_.:/?=&<>\"'\t\n\r\u0000\u0001\u001f\u007fäöüßé€\u00a0漢";

    static LongStream seeds() {
        return LongStream.range(0, 20).map(i -> 0x5EED0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void text_readsBackAsGiven_lessControlCharacters(long seed) throws Exception {
        Random rnd = new Random(seed);
        String[] values = new String[8];
        Xml x = Xml.response("SUCCESS");
        for (int i = 0; i < values.length; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.append(POOL.charAt(rnd.nextInt(POOL.length())));
            }
            values[i] = sb.toString();
            if (i % 2 == 0) {
                x.el("v" + i, values[i]);
            } else {
                x.elWithAttributes("v" + i, new String[] {"a", values[i]}, values[i]);
            }
        }
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(x.finish().getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < values.length; i++) {
            Element e = (Element) doc.getElementsByTagName("v" + i).item(0);
            String kept = values[i].replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
            // The parser normalises line ends (\r\n and \r to \n) in text and all whitespace in attributes.
            String lines = kept.replace("\r\n", "\n").replace('\r', '\n');
            assertThat(e.getTextContent()).as("seed %d, value %d", seed, i).isEqualTo(lines);
            if (i % 2 == 1) {
                assertThat(e.getAttribute("a")).as("seed %d, attribute %d", seed, i).isEqualTo(lines.replaceAll("[\t\n]", " "));
            }
        }
    }

    @Test
    void reserve_keepsWhatIsWritten() {
        assertThat(Xml.response("SUCCESS").reserve(100_000).el("a", "x<y").finish())
                .isEqualTo("<response><returncode>SUCCESS</returncode><a>x&lt;y</a></response>");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void metadataKeys_areWrittenExactlyWhenTheyAreXmlNames(long seed) {
        Pattern name = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
        Random rnd = new Random(seed);
        String pool = "aZ_09.-:ä <";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(6);
            for (int j = 0; j < len; j++) {
                sb.append(pool.charAt(rnd.nextInt(pool.length())));
            }
            String key = sb.toString();
            assertThat(MeetingXml.isXmlName(key)).as("seed %d, key '%s'", seed, key).isEqualTo(name.matcher(key).matches());
        }
    }
}
