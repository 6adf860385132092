package de.hessen.schulportal.bbb.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The tree {@link XmlNode} builds from Jackson's token stream answers exactly as the Jackson
 * {@code JsonNode} tree it replaced ({@code XmlMapper.readTree}, kept here as the oracle): for every
 * fixture and a set of edge cases, the same outcome (tree, or the same exception and message) and,
 * for every element and attribute name in the document, the same answer from every accessor, walked
 * recursively through all children. The response types read only through these accessors, so equal
 * answers mean equal response objects.
 */
class XmlNodeEquivalenceTest {
    private static final Pattern NAMES = Pattern.compile("<\\/?([A-Za-z_][\\w.:-]*)|\\s([A-Za-z_][\\w.:-]*)\\s*=");
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    static Stream<Arguments> documents() throws IOException {
        List<Arguments> docs = new ArrayList<>();
        Path fixtures = Paths.get("src/test/resources/fixtures");
        try (Stream<Path> files = Files.walk(fixtures)) {
            files.filter(p -> p.toString().endsWith(".xml")).sorted()
                    .forEach(p -> docs.add(Arguments.of(fixtures.relativize(p).toString(), read(p))));
        }
        assertThat(docs.size()).as("fixtures found").isGreaterThanOrEqualTo(70);
        String ns = " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'";
        String[][] edge = {
            {"empty root", "<response/>"},
            {"empty root with end tag", "<response></response>"},
            {"whitespace root", "<response>  \n </response>"},
            {"text-only root", "<response>SUCCESS</response>"},
            {"root with attributes only", "<response returncode='SUCCESS' x='1'/>"},
            {"empty elements", "<response><returncode>SUCCESS</returncode><a/><b></b><c> </c><d>\n\t</d></response>"},
            {"attributes and text", "<response><returncode>SUCCESS</returncode><img width='1' height=' 2 ' alt=''>  u  </img>"
                    + "<img width='x'>v</img><img/></response>"},
            {"repeated, not adjacent, mixed kinds", "<response><returncode>SUCCESS</returncode><a k='v'> t </a><a>2</a><b/>"
                    + "<a><c>3</c></a><a/><b>x</b></response>"},
            {"mixed content", "<response>lead<returncode>SUCCESS</returncode>mid<a>1</a>tail<m>x<y>1</y>z</m></response>"},
            {"text around children", "<response>\n  <returncode>SUCCESS</returncode>\n  <m> <y>1</y> </m>\n</response>"},
            {"CDATA and entities", "<response><returncode>SUCCESS</returncode><a><![CDATA[ <b>c</b> ]]>d&amp;e&lt;&#233;&#x1F600;</a>"
                    + "<b><![CDATA[]]></b><c>x<![CDATA[y]]>z</c></response>"},
            {"attribute and element of one name", "<response returncode='FAILED'><returncode>SUCCESS</returncode>"
                    + "<e key='k1'><key>k2</key><message>m</message></e><f a='1'><a>2</a><a>3</a></f></response>"},
            {"xsi:nil", "<response" + ns + "><returncode>SUCCESS</returncode><a xsi:nil='true'/><b k='v' xsi:nil='true'/>"
                    + "<c xsi:nil='true'>text</c><m><k xsi:nil='true'/><k>2</k><l>1</l></m><n><x xsi:nil='true'/></n>"
                    + "<t at='1' xsi:nil='true'></t><a>again</a></response>"},
            {"namespaces", "<bbb:response xmlns:bbb='urn:x' xmlns='urn:d'><bbb:returncode>SUCCESS</bbb:returncode>"
                    + "<returncode>FAILED</returncode><x:a xmlns:x='urn:y' x:k='1' k='2'>t</x:a></bbb:response>"},
            {"metadata free-form", "<response><returncode>SUCCESS</returncode><metadata a='attr'>text<k1>v1</k1><k2 x='1'>v2</k2>"
                    + "<k1>v3</k1><k3/><k4><deep>1</deep></k4></metadata><metadata><z>second</z></metadata></response>"},
            {"numbers, booleans", "<response><returncode>SUCCESS</returncode><n> 42 </n><big>99999999999</big><neg>-1</neg>"
                    + "<bad>4x</bad><b>TRUE</b><b2> true </b2><t>1700000000000</t></response>"},
            {"comments and PIs", "<?xml version='1.0'?><!-- c --><?pi x?><response><!-- in --><returncode>SUC<!-- x -->CESS"
                    + "</returncode><?pi y?></response><!-- after -->"},
            {"failed with errors", "<response><returncode>FAILED</returncode><errors><error key='k' message='m'/>"
                    + "<error key='k2' message='m2'/></errors></response>"},
            {"deep but allowed", "<response>" + "<a>".repeat(60) + "x" + "</a>".repeat(60) + "</response>"},
            {"too deep", "<response>" + "<a>".repeat(100) + "x" + "</a>".repeat(100) + "</response>"},
            {"many attributes", "<response " + attributes(100) + "><returncode>SUCCESS</returncode></response>"},
            {"huge attribute", "<response a='" + "x".repeat(70 * 1024) + "'/>"},
            {"internal entity", "<response>&ent;</response>"},
            {"DOCTYPE", "<!DOCTYPE r [<!ENTITY e 'x'>]><response>&e;</response>"},
            {"DOCTYPE after comment", "<!-- c --><!doctype response SYSTEM 'http://127.0.0.1:1/x.dtd'><response/>"},
            {"truncated", "<response><returncode>SUCCESS</returncode><meetings><meeting>"},
            {"not well-formed", "<response><a></b></response>"},
            {"trailing element", "<response><returncode>SUCCESS</returncode></response><response/>"},
            {"trailing text", "<response><returncode>SUCCESS</returncode></response>junk"},
            {"whitespace only", "   \n "},
            {"not XML", "{\"returncode\":\"SUCCESS\"}"},
            {"HTML", "<html><body>502</body></html>"},
            {"undeclared prefix", "<response><x:a>1</x:a></response>"},
            {"duplicate attribute", "<response a='1' a='2'/>"},
            {"root attributes and whitespace", "<response a='1'>  </response>"},
            {"root attributes and text", "<response a='1'> t </response>"},
            {"root whitespace before child", "<response>\n <returncode>SUCCESS</returncode></response>"},
            {"root text before child", "<response>t<returncode>SUCCESS</returncode></response>"},
            {"attributes and whitespace", "<response><returncode>SUCCESS</returncode><a k='v'>  </a><b k='v'>\n</b>"
                    + "<c k='v'><d/> </c><e k='v'> <d/>x</e></response>"},
            {"non-breaking space is text", "<response><returncode>SUCCESS</returncode><m>\u00A0<y>1</y>\u00A0</m>"
                    + "<n>\u2003</n></response>"},
            {"control whitespace", "<response><returncode>SUCCESS</returncode><m>\r\n\t <y>1</y>\t</m></response>"},
            {"xsi:nil variants", "<response" + ns + "><returncode>SUCCESS</returncode><a xsi:nil='false'>t</a>"
                    + "<b xsi:nil=' 1 '/><c xsi:nil='TRUE'>u</c><d k='v' xsi:nil='false'/><e xsi:nil='true'><f>1</f></e>"
                    + "<g xmlns:o='urn:other' o:nil='true'>w</g></response>"},
            {"root xsi:nil", "<response" + ns + " xsi:nil='true'><returncode>SUCCESS</returncode></response>"},
            {"root xsi:nil false", "<response" + ns + " xsi:nil='false'><returncode>SUCCESS</returncode></response>"},
            {"xsi:type", "<response" + ns + "><returncode>SUCCESS</returncode><a xsi:type='x'>1</a>"
                    + "<b xsi:schemaLocation='u'>2</b></response>"},
            {"split text", "<response><returncode>SUCCESS</returncode><a>" + "long text &amp; more ".repeat(2000)
                    + "</a></response>"},
            {"comment in leaf", "<response><returncode>SUCCESS</returncode><a><!-- c --></a><b>x<?p?>y</b>"
                    + "<c k='v'><!-- c --></c></response>"},
            {"undeclared entity in attribute", "<response a='&x;'/>"},
            {"invalid character", "<response><a>\u0001</a></response>"},
            {"prolog only", "<?xml version='1.0'?><!-- nothing -->"},
            {"text before root", "junk<response/>"},
            {"long text", "<response><returncode>SUCCESS</returncode><a>" + "y".repeat(9 * 1024 * 1024) + "</a></response>"},
        };
        for (String[] e : edge) {
            docs.add(Arguments.of(e[0], e[1].getBytes(StandardCharsets.UTF_8)));
        }
        docs.add(Arguments.of("UTF-16 with BOM", ("\uFEFF<?xml version='1.0' encoding='UTF-16'?><response><returncode>SUCCESS"
                + "</returncode><n>Jürgen Ölschläger</n></response>").getBytes(StandardCharsets.UTF_16)));
        docs.add(Arguments.of("UTF-8 with BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "<response><returncode>SUCCESS</returncode><n>Jürgen</n></response>".getBytes(StandardCharsets.UTF_8))));
        docs.add(Arguments.of("ISO-8859-1", ("<?xml version='1.0' encoding='ISO-8859-1'?><response><returncode>SUCCESS"
                + "</returncode><n>Jürgen</n></response>").getBytes(StandardCharsets.ISO_8859_1)));
        return docs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void parse_whenAnyDocument_answersAsTheJsonNodeTreeDid(String name, byte[] body) {
        RawResponse response = new RawResponse(200, NO_HEADERS, body, 0);
        Object expected;
        try {
            expected = OldParse.parse("call", response);
        } catch (BbbResponseException e) {
            expected = e;
        }
        Object actual;
        try {
            actual = XmlResponses.parse("call", response);
        } catch (BbbResponseException e) {
            actual = e;
        }
        if (expected instanceof BbbResponseException) {
            assertThat(actual).as("outcome").isInstanceOf(BbbResponseException.class);
            assertThat(((BbbResponseException) actual).getMessage()).isEqualTo(((BbbResponseException) expected).getMessage());
            return;
        }
        assertThat(actual).as("outcome").isInstanceOf(XmlNode.class);
        List<String> names = names(new String(body, StandardCharsets.UTF_8));
        int compared = compare("/", (XmlNode) actual, (JsonTreeXmlNode) expected, names);
        assertThat(compared).isPositive();
    }

    /** Compares every accessor for every name, recursing into every child; returns the nodes compared. */
    private static int compare(String path, XmlNode actual, JsonTreeXmlNode expected, List<String> names) {
        assertThat(actual.exists()).as(path + " exists").isEqualTo(expected.exists());
        assertThat(actual.text()).as(path + " text").isEqualTo(expected.text());
        if (!expected.exists()) {
            return 1;
        }
        int count = 1;
        for (String n : names) {
            String at = path + " [" + n + "]";
            assertThat(actual.text(n)).as(at + " text").isEqualTo(expected.text(n));
            assertThat(actual.optionalText(n)).as(at + " optionalText").isEqualTo(expected.optionalText(n));
            assertThat(actual.attribute(n)).as(at + " attribute").isEqualTo(expected.attribute(n));
            assertThat(actual.bool(n)).as(at + " bool").isEqualTo(expected.bool(n));
            assertThat(actual.longValue(n, -7)).as(at + " long").isEqualTo(expected.longValue(n, -7));
            assertThat(actual.intValue(n, -7)).as(at + " int").isEqualTo(expected.intValue(n, -7));
            assertThat(actual.instant(n)).as(at + " instant").isEqualTo(expected.instant(n));
            assertThat(actual.minutes(n)).as(at + " minutes").isEqualTo(expected.minutes(n));
            assertThat(actual.map(n)).as(at + " map").containsExactlyEntriesOf(expected.map(n));
            assertThat(new ArrayList<>(actual.map(n).keySet())).as(at + " map order")
                    .isEqualTo(new ArrayList<>(expected.map(n).keySet()));
            XmlNode child = actual.child(n);
            JsonTreeXmlNode expectedChild = expected.child(n);
            assertThat(child.exists()).as(at + " child exists").isEqualTo(expectedChild.exists());
            assertThat(child.text()).as(at + " child text").isEqualTo(expectedChild.text());
            List<XmlNode> children = actual.children(n);
            List<JsonTreeXmlNode> expectedChildren = expected.children(n);
            assertThat(children).as(at + " children").hasSameSizeAs(expectedChildren);
            for (int i = 0; i < children.size(); i++) {
                count += compare(path + n + "[" + i + "]/", children.get(i), expectedChildren.get(i), names);
            }
        }
        return count;
    }

    private static List<String> names(String xml) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = NAMES.matcher(xml);
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            names.add(n);
            int colon = n.indexOf(':');
            if (colon > 0) {
                names.add(n.substring(colon + 1));
            }
        }
        names.add("");
        names.add("notInTheDocument");
        names.add("RETURNCODE");
        return new ArrayList<>(names);
    }

    private static String attributes(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(" a").append(i).append("='").append(i).append('\'');
        }
        return b.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code XmlResponses.parse} as it was before the streaming tree, on the same hardened factory. */
    private static final class OldParse {
        private static final XmlMapper MAPPER = mapper();

        private static XmlMapper mapper() {
            try {
                // The mapper as it was built before: on the same hardened factory.
                Field f = XmlResponses.class.getDeclaredField("FACTORY");
                f.setAccessible(true);
                return XmlMapper.builder((XmlFactory) f.get(null)).build();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        static JsonTreeXmlNode parse(String call, RawResponse response) {
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
            if (XmlResponses.hasDoctype(body)) {
                throw new BbbResponseException(call, response.status(), "The answer to " + call
                        + " is not well-formed, safe XML (HTTP " + response.status()
                        + "): it declares a DOCTYPE, which BigBlueButton never sends", null);
            }
            JsonNode tree;
            try {
                tree = MAPPER.readTree(body);
            } catch (JacksonException e) {
                throw new BbbResponseException(call, response.status(), "The answer to " + call
                        + " is not well-formed, safe XML (HTTP " + response.status() + "): " + describe(e), null);
            } catch (RuntimeException e) {
                throw new BbbResponseException(call, response.status(), "The answer to " + call
                        + " could not be read as XML (HTTP " + response.status() + "): " + e.getClass().getSimpleName(), null);
            }
            if (tree == null || !tree.isObject()) {
                throw new BbbResponseException(call, response.status(), "The answer to " + call
                        + " is not a BigBlueButton envelope (HTTP " + response.status() + ")", null);
            }
            return JsonTreeXmlNode.of(tree);
        }

        private static boolean looksLikeHtml(byte[] body) {
            int n = Math.min(body.length, 512);
            String head = new String(body, 0, n, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
            return head.startsWith("<!doctype html") || head.startsWith("<html");
        }

        private static String describe(JacksonException e) {
            String m = e.getOriginalMessage();
            if (m == null) {
                return e.getClass().getSimpleName();
            }
            int nl = m.indexOf('\n');
            return abbreviate(nl > 0 ? m.substring(0, nl) : m);
        }

        private static String abbreviate(String s) {
            return s.length() > 160 ? s.substring(0, 160) + "…" : s;
        }
    }

    /** {@code XmlNode} as it was before the streaming tree: a view of Jackson's {@code JsonNode} tree. */
    private static final class JsonTreeXmlNode {
        private static final JsonTreeXmlNode MISSING = new JsonTreeXmlNode(null);

        private final JsonNode node;

        private JsonTreeXmlNode(JsonNode node) {
            this.node = node;
        }

        static JsonTreeXmlNode of(JsonNode node) {
            return node == null || node.isMissingNode() || node.isNull() ? MISSING : new JsonTreeXmlNode(node);
        }

        boolean exists() {
            return node != null;
        }

        JsonTreeXmlNode child(String name) {
            if (node == null || !node.isObject()) {
                return MISSING;
            }
            JsonNode c = node.get(name);
            if (c != null && c.isArray()) {
                return c.isEmpty() ? MISSING : of(c.get(0));
            }
            return of(c);
        }

        List<JsonTreeXmlNode> children(String name) {
            if (node == null || !node.isObject()) {
                return List.of();
            }
            JsonNode c = node.get(name);
            if (c == null) {
                return List.of();
            }
            if (c.isArray()) {
                List<JsonTreeXmlNode> list = new ArrayList<>(c.size());
                for (JsonNode e : c.values()) {
                    list.add(of(e));
                }
                return list;
            }
            return List.of(of(c));
        }

        String text() {
            if (node == null) {
                return "";
            }
            if (node.isObject()) {
                JsonNode t = node.get("");
                return t == null || !t.isValueNode() ? "" : t.asString().trim();
            }
            return node.isValueNode() ? node.asString().trim() : "";
        }

        String text(String name) {
            return child(name).text();
        }

        Optional<String> optionalText(String name) {
            String t = text(name);
            return t.isEmpty() ? Optional.empty() : Optional.of(t);
        }

        Optional<String> attribute(String name) {
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            JsonNode a = node.get(name);
            return a != null && a.isValueNode() ? Optional.of(a.asString()) : Optional.empty();
        }

        boolean bool(String name) {
            return Boolean.parseBoolean(text(name));
        }

        long longValue(String name, long fallback) {
            String t = text(name);
            if (t.isEmpty()) {
                return fallback;
            }
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        int intValue(String name, int fallback) {
            long v = longValue(name, fallback);
            return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? fallback : (int) v;
        }

        Optional<java.time.Instant> instant(String name) {
            long v = longValue(name, 0);
            return v <= 0 ? Optional.empty() : Optional.of(java.time.Instant.ofEpochMilli(v));
        }

        java.time.Duration minutes(String name) {
            return java.time.Duration.ofMinutes(Math.max(0, longValue(name, 0)));
        }

        Map<String, String> map(String name) {
            JsonTreeXmlNode c = child(name);
            if (c.node == null || !c.node.isObject()) {
                return Map.of();
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : c.node.properties()) {
                if (e.getKey().isEmpty()) {
                    continue;
                }
                JsonNode v = e.getValue();
                JsonNode first = v.isArray() && !v.isEmpty() ? v.get(0) : v;
                m.put(e.getKey(), of(first).text());
            }
            return Collections.unmodifiableMap(m);
        }
    }
}
