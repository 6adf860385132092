// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "An answer with a DOCTYPE is refused" holds for every encoding and position the parser accepts
 * (issue 12, item 2): the parser reports the declaration itself, so no byte scan can be bypassed.
 * For each form (16- and 32-bit encodings without a byte order mark carry the XML declaration that
 * lets a parser recognise them), the document without the DOCTYPE is read (the parser accepts that
 * encoding and prolog), and the same document with one is refused with a {@link BbbResponseException} naming
 * the DOCTYPE. Encodings the parser does not accept at all are refused either way.
 */
class DoctypeRefusalTest {
    private static final String BODY = "<response><returncode>SUCCESS</returncode><running>true</running></response>";
    private static final String DOCTYPE = "<!DOCTYPE response [<!ENTITY e 'x'>]>";

    private static byte[] bytes(String text, Charset charset, byte[] bom) {
        byte[] t = text.getBytes(charset);
        byte[] all = new byte[bom.length + t.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(t, 0, all, bom.length, t.length);
        return all;
    }

    static Stream<Arguments> forms() {
        Charset utf32be = Charset.forName("UTF-32BE");
        Charset utf32le = Charset.forName("UTF-32LE");
        byte[] none = new byte[0];
        List<Arguments> forms = new ArrayList<>();
        String longComment = "<!--" + "c".repeat(100_000) + "-->";
        String pi = "<?xml-stylesheet href='x'?>";
        forms.add(Arguments.of("UTF-8", "", StandardCharsets.UTF_8, none, true));
        forms.add(Arguments.of("UTF-8, lower case doctype", "lower", StandardCharsets.UTF_8, none, true));
        forms.add(Arguments.of("UTF-8 after a 100 KB comment", longComment, StandardCharsets.UTF_8, none, true));
        forms.add(Arguments.of("UTF-8 after a processing instruction", pi, StandardCharsets.UTF_8, none, true));
        forms.add(Arguments.of("UTF-8 with BOM", "", StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, true));
        forms.add(Arguments.of("UTF-16BE with BOM", "", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, true));
        forms.add(Arguments.of("UTF-16LE with BOM", "", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, true));
        forms.add(Arguments.of("UTF-16BE without BOM", "", StandardCharsets.UTF_16BE, none, true));
        forms.add(Arguments.of("UTF-16LE without BOM", "", StandardCharsets.UTF_16LE, none, true));
        forms.add(Arguments.of("UTF-16LE without BOM after a long comment", longComment, StandardCharsets.UTF_16LE, none, true));
        forms.add(Arguments.of("UTF-32BE with BOM", "", utf32be, new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, false));
        forms.add(Arguments.of("UTF-32BE without BOM", "", utf32be, none, false));
        forms.add(Arguments.of("UTF-32LE without BOM", "", utf32le, none, false));
        forms.add(Arguments.of("EBCDIC (IBM037)", "", Charset.forName("IBM037"), none, false));
        forms.add(Arguments.of("ISO-8859-1 declared", "", StandardCharsets.ISO_8859_1, none, true));
        return forms.stream();
    }

    private static Object read(byte[] body) {
        return Envelope.xml(ApiErrors.Family.MEETING, "isMeetingRunning", null, MappingProbe.raw(body));
    }

    private static boolean readable(byte[] body) {
        try {
            read(body);
            return true;
        } catch (BbbResponseException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void answer_withDoctype_isRefusedInEveryAcceptedEncodingAndPosition(String form, String before, Charset charset,
            byte[] bom, boolean mustBeAccepted) {
        // Without a byte order mark only the XML declaration tells the parser a 16- or 32-bit encoding.
        String declared = charset.name().startsWith("UTF-16") ? "UTF-16" : charset.name().startsWith("UTF-32") ? "UTF-32"
                : charset.name();
        String declaration = charset == StandardCharsets.UTF_8 ? "" : "<?xml version='1.0' encoding='" + declared + "'?>";
        String prolog = "lower".equals(before) ? "" : before;
        String doctype = "lower".equals(before) ? DOCTYPE.replace("DOCTYPE", "doctype") : DOCTYPE;
        byte[] clean = bytes(declaration + prolog + BODY, charset, bom);
        byte[] hostile = bytes(declaration + prolog + doctype + BODY, charset, bom);

        boolean accepted = readable(clean);
        if (mustBeAccepted) {
            assertThat(accepted).as(form + ": the parser reads this encoding without a DOCTYPE").isTrue();
        }
        assertThatThrownBy(() -> read(hostile)).as(form).isInstanceOfSatisfying(BbbResponseException.class, e -> {
            // A lower-case "doctype" is not even a declaration: the parser refuses it as malformed.
            if (accepted && !"lower".equals(before)) {
                assertThat(e.getMessage()).as(form).contains("DOCTYPE");
            }
        });
    }
}
