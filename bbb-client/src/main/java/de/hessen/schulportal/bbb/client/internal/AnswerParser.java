// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Reads answers into Jackson's tree: XML through Jackson XML, hardened once here, JSON through
 * Jackson's JSON mapper. The XML reader refuses what BigBlueButton never sends and a hostile base
 * URL could: a document type declaration (reported by the parser itself, whatever the encoding or
 * what precedes it), entities, depth beyond 64, more than 64 attributes on an element, attributes
 * over 64 KiB, texts over 8 MiB. Reading is linear in the answer's size (Jackson's object nodes are
 * hash maps), and bytes are handed to the parser through a stream that ends the read once the
 * attempt's deadline has passed, so no answer can hold a call past its timeout.
 */
public final class AnswerParser {
    private static final int MAX_DEPTH = 64;

    private AnswerParser() {
    }

    /** Created on the first XML answer, not with the client: a signed URL needs no parser. */
    private static final class XmlHolder {
        static final XmlMapper MAPPER = createMapper();
        static final XMLInputFactory INPUT = MAPPER.tokenStreamFactory().getXMLInputFactory();

        private static XmlMapper createMapper() {
            XmlFactory factory = XmlFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build();
            XMLInputFactory input = factory.getXMLInputFactory();
            input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
            input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
            input.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
            // Woodstox's own limits, by property name: no compile-time use of its classes.
            limit(input, "com.ctc.wstx.maxElementDepth", MAX_DEPTH);
            limit(input, "com.ctc.wstx.maxAttributeSize", 64 * 1024);
            limit(input, "com.ctc.wstx.maxAttributesPerElement", 64);
            limit(input, "com.ctc.wstx.maxTextLength", 8 * 1024 * 1024);
            return XmlMapper.builder(factory).build();
        }

        private static void limit(XMLInputFactory input, String property, int value) {
            if (input.isPropertySupported(property)) {
                input.setProperty(property, value);
            }
        }
    }

    /**
     * The one JSON mapper, for answers (the text-track calls, redirected join errors) and callbacks
     * alike; created on first use. Duplicate keys and content after the first value are refused: a
     * signed callback must not mean two things to two parsers, and no BigBlueButton answer has either.
     */
    private static final class JsonHolder {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Reads an XML answer into a tree in which the root element is an object, each child element a
     * property (repeated ones an array), attributes properties too, and text beside child elements
     * the property {@code ""}.
     *
     * @return the root element
     * @throws UnreadableAnswer if the body is empty, HTML, not well-formed or breaks a limit
     * @throws TransportFailure with {@link TransportFailure.Reason#TIMEOUT} if the deadline passed
     */
    public static JsonNode xml(byte[] body, long deadlineNanos) {
        if (body.length == 0) {
            throw new UnreadableAnswer("was empty");
        }
        if (looksLikeHtml(body)) {
            throw new UnreadableAnswer("is an HTML page, not BigBlueButton XML; a proxy or web server answered"
                    + " instead of BigBlueButton");
        }
        DeadlineStream in = new DeadlineStream(body, deadlineNanos);
        XMLStreamReader reader = null;
        try {
            reader = XmlHolder.INPUT.createXMLStreamReader(in);
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (reader.getEventType() == XMLStreamConstants.DTD) {
                    throw new UnreadableAnswer("is not well-formed, safe XML: it declares a DOCTYPE, which"
                            + " BigBlueButton never sends");
                }
                if (!reader.hasNext()) {
                    throw new UnreadableAnswer("is not well-formed, safe XML: no root element");
                }
                reader.next();
            }
            JsonNode root;
            try (JsonParser parser = XmlHolder.MAPPER.createParser(reader)) {
                root = XmlHolder.MAPPER.readTree(parser);
            }
            if (root == null || !root.isObject()) {
                throw new UnreadableAnswer("is not a BigBlueButton envelope");
            }
            return root;
        } catch (XMLStreamException | IOException | JacksonException e) {
            if (in.expired) {
                throw timeout();
            }
            throw new UnreadableAnswer("is not well-formed, safe XML: " + describe(e));
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (in.expired) {
                throw timeout();
            }
            throw new UnreadableAnswer("could not be read as XML: " + e.getClass().getSimpleName());
        } finally {
            close(reader);
        }
    }

    /**
     * Reads a JSON answer, bounded by the attempt's deadline as {@link #xml(byte[], long)} is.
     *
     * @return the root, or {@code null} for an empty document
     * @throws UnreadableAnswer if it is not JSON
     * @throws TransportFailure with {@link TransportFailure.Reason#TIMEOUT} if the deadline passed
     */
    public static JsonNode json(byte[] body, long deadlineNanos) {
        DeadlineStream in = new DeadlineStream(body, deadlineNanos);
        try {
            return JsonHolder.MAPPER.readTree(in);
        } catch (JacksonException e) {
            if (in.expired) {
                throw timeout();
            }
            throw new UnreadableAnswer("is not valid JSON");
        }
    }

    /**
     * Ends a call whose answer was mapped to values only after its deadline, so that the deadline
     * covers the mapping too; {@code value} is what the mapping made of it. As for parsing, an
     * answer within the first 64 KiB that arrived in time is kept.
     *
     * @return {@code value}
     * @throws TransportFailure with {@link TransportFailure.Reason#TIMEOUT} if the deadline passed
     */
    public static <T> T inTime(RawResponse response, T value) {
        if (response.body().length > DeadlineStream.GRACE_BYTES && System.nanoTime() - response.deadlineNanos() >= 0) {
            throw timeout();
        }
        return value;
    }

    /**
     * Reads a JSON text: the error list of a redirected join (bounded by the header size cap), a
     * callback's JSON (bounded by the verifier's caps).
     * @throws UnreadableAnswer if it is not JSON
     */
    public static JsonNode json(String text) {
        try {
            return JsonHolder.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new UnreadableAnswer("is not valid JSON");
        }
    }

    private static TransportFailure timeout() {
        return new TransportFailure(TransportFailure.Reason.TIMEOUT, "", "reading the answer ran past the request timeout",
                null);
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

    private static String describe(Exception e) {
        // The innermost cause's message, as the parser reported it.
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : e.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        // Parser messages can quote document content; keep the first line and bound it.
        int nl = m.indexOf('\n');
        String line = nl > 0 ? m.substring(0, nl) : m;
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    /**
     * The body as the parser sees it: once the deadline has passed, the next read fails, so the
     * parse ends within one buffer's work of the deadline. The first {@value #GRACE_BYTES} bytes are
     * always handed over: an ordinary answer that arrived in time is read even if the clock passed
     * the deadline in between, while a large hostile one is still cut off.
     */
    private static final class DeadlineStream extends InputStream {
        static final int GRACE_BYTES = 64 * 1024;
        private final ByteArrayInputStream bytes;
        private final long deadlineNanos;
        private long handedOver;
        volatile boolean expired;

        DeadlineStream(byte[] body, long deadlineNanos) {
            this.bytes = new ByteArrayInputStream(body);
            this.deadlineNanos = deadlineNanos;
        }

        private void check() throws IOException {
            if (handedOver >= GRACE_BYTES && System.nanoTime() - deadlineNanos >= 0) {
                expired = true;
                throw new IOException("request timeout passed while parsing");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            handedOver++;
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = bytes.read(b, off, Math.min(len, 8192));
            handedOver += Math.max(n, 0);
            return n;
        }

        @Override
        public int available() {
            return bytes.available();
        }
    }
}
