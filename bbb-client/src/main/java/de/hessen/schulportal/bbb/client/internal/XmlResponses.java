package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.BbbResponseException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.xml.XmlFactory;

/**
 * Reads BigBlueButton's XML envelope. The parser is hardened against hostile answers (the base URL
 * may point at something that is not BigBlueButton): no DTDs, no external or internal entities,
 * bounded depth, attribute and text sizes. {@code returncode} is read before the HTTP status,
 * because BigBlueButton answers its errors with HTTP 200.
 */
public final class XmlResponses {
    /**
     * Jackson XML's factory, kept as the owner of the hardened StAX input factory (Jackson also
     * sets its own reader properties there). Answers are read from that factory's
     * {@code XMLStreamReader} into {@link XmlNode}'s tree directly, not through Jackson's
     * {@code FromXmlParser} token stream and {@code JsonNode} tree, which cost more than the
     * parse itself (BENCHMARKS.md §2).
     */
    private static final XmlFactory FACTORY = createFactory();
    private static final XMLInputFactory INPUT = FACTORY.getXMLInputFactory();

    private XmlResponses() {
    }

    private static XmlFactory createFactory() {
        XMLInputFactory input = woodstox();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        input.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        limit(input, "com.ctc.wstx.maxElementDepth", 64);
        limit(input, "com.ctc.wstx.maxAttributeSize", 64 * 1024);
        limit(input, "com.ctc.wstx.maxAttributesPerElement", 64);
        limit(input, "com.ctc.wstx.maxTextLength", 8 * 1024 * 1024);
        return XmlFactory.builder()
                .xmlInputFactory(input)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build();
    }

    /**
     * Woodstox, which Jackson XML depends on, looked up by name: its class carries an annotation
     * from a build tool that is not on our compile path, which javac would warn about.
     */
    private static XMLInputFactory woodstox() {
        try {
            return (XMLInputFactory) Class.forName("com.ctc.wstx.stax.WstxInputFactory")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return XMLInputFactory.newFactory();
        }
    }

    private static void limit(XMLInputFactory input, String property, int value) {
        if (input.isPropertySupported(property)) {
            input.setProperty(property, value);
        }
    }

    /**
     * Parses an answer and checks the envelope.
     *
     * @param call the call name, for messages
     * @param meetingId the meeting ID or {@code null}
     * @param response the raw answer
     * @return the {@code <response>} element
     * @throws de.hessen.schulportal.bbb.client.BbbApiException for {@code FAILED}
     * @throws BbbResponseException for anything that is not a BigBlueButton envelope
     */
    public static XmlNode read(String call, String meetingId, RawResponse response) {
        XmlNode root = parse(call, response);
        String returncode = root.text("returncode");
        if ("SUCCESS".equals(returncode)) {
            return root;
        }
        if ("FAILED".equals(returncode)) {
            throw failed(call, meetingId, root);
        }
        throw new BbbResponseException(call, response.status(), "The answer to " + call
                + " is XML but not a BigBlueButton envelope (HTTP " + response.status() + ", returncode '"
                + abbreviate(returncode) + "'); check the base URL", null);
    }

    private static RuntimeException failed(String call, String meetingId, XmlNode root) {
        String key = root.text("messageKey");
        String message = root.text("message");
        if (key.isEmpty()) {
            XmlNode error = root.child("errors").child("error");
            if (error.exists()) {
                key = error.text("key");
                message = error.text("message");
                if (key.isEmpty()) {
                    key = error.attribute("key").orElse("");
                    message = error.attribute("message").orElse(message);
                }
            }
        }
        return ApiErrors.toException(call, meetingId, key, message);
    }

    /**
     * Parses XML without checking the envelope.
     *
     * @param call the call name, for messages
     * @param response the raw answer
     * @return the root element
     * @throws BbbResponseException if the body is empty, HTML, or not well-formed, safe XML
     */
    public static XmlNode parse(String call, RawResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call + " was empty (HTTP "
                    + response.status() + ")", null);
        }
        if (looksLikeHtml(body)) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " is an HTML page, not BigBlueButton XML (HTTP " + response.status()
                    + "); a proxy or web server answered instead of BigBlueButton", null);
        }
        if (hasDoctype(body)) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " is not well-formed, safe XML (HTTP " + response.status()
                    + "): it declares a DOCTYPE, which BigBlueButton never sends", null);
        }
        XmlNode root;
        XMLStreamReader reader = null;
        try {
            reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            root = XmlNode.read(reader);
        } catch (XMLStreamException e) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " is not well-formed, safe XML (HTTP " + response.status() + "): " + describe(e), null);
        } catch (RuntimeException e) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " could not be read as XML (HTTP " + response.status() + "): " + e.getClass().getSimpleName(), null);
        } finally {
            close(reader);
        }
        if (root == null) {
            throw new BbbResponseException(call, response.status(), "The answer to " + call
                    + " is not a BigBlueButton envelope (HTTP " + response.status() + ")", null);
        }
        return root;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was held open: the input is a byte array
            }
        }
    }

    private static boolean looksLikeHtml(byte[] body) {
        int n = Math.min(body.length, 512);
        String head = new String(body, 0, n, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /**
     * Whether the prolog (before the root element) holds a document type declaration. The parser
     * does not process DTDs, but it would skip one silently; an answer with one is not from
     * BigBlueButton and is refused as a whole.
     */
    static boolean hasDoctype(byte[] body) {
        int n = Math.min(body.length, 64 * 1024);
        boolean utf16 = n >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF) || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
        String head = new String(body, 0, n, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < head.length()) {
            char c = head.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF' || c == 0xEF || c == 0xBB || c == 0xBF) {
                i++;
            } else if (head.startsWith("<?", i)) {
                int end = head.indexOf("?>", i + 2);
                i = end < 0 ? head.length() : end + 2;
            } else if (head.startsWith("<!--", i)) {
                int end = head.indexOf("-->", i + 4);
                i = end < 0 ? head.length() : end + 3;
            } else {
                return head.regionMatches(true, i, "<!DOCTYPE", 0, 9);
            }
        }
        return false;
    }

    private static String describe(XMLStreamException e) {
        // The innermost cause's message, as Jackson XML reported it (StaxUtil).
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : e.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        // Parser messages can quote document content; keep the first line and bound it.
        int nl = m.indexOf('\n');
        return abbreviate(nl > 0 ? m.substring(0, nl) : m);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
