// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The documents whose mapping {@link ResponseMappingTest} pins: every fixture, then edge cases. */
final class MappingDocuments {
    private MappingDocuments() {
    }

    static Map<String, byte[]> all() {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        Path fixtures = Paths.get("src/test/resources/fixtures");
        try (Stream<Path> files = Files.walk(fixtures)) {
            files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json")).sorted()
                    .forEach(p -> docs.put(fixtures.relativize(p).toString().replace('\\', '/'), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        };
        for (String[] e : edge) {
            docs.put(e[0], e[1].getBytes(StandardCharsets.UTF_8));
        }
        docs.put("UTF-16 with BOM", ("\uFEFF<?xml version='1.0' encoding='UTF-16'?><response><returncode>SUCCESS"
                + "</returncode><n>Jürgen Ölschläger</n></response>").getBytes(StandardCharsets.UTF_16));
        docs.put("UTF-8 with BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "<response><returncode>SUCCESS</returncode><n>Jürgen</n></response>".getBytes(StandardCharsets.UTF_8)));
        docs.put("ISO-8859-1", ("<?xml version='1.0' encoding='ISO-8859-1'?><response><returncode>SUCCESS"
                + "</returncode><n>Jürgen</n></response>").getBytes(StandardCharsets.ISO_8859_1));
        return docs;
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
}
