// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the {@code <modules>} XML body of create and insertDocument and collects the
 * presentation documents. DTDs are refused, so a hostile body cannot make the simulator read
 * files or call out (XXE).
 */
final class Modules {
    /** Thrown for a body that is not well-formed XML. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private Modules() {
    }

    static List<Document> documents(byte[] body, String source) throws MalformedException {
        List<Document> out = new ArrayList<>();
        org.w3c.dom.Document xml;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            xml = builder.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new MalformedException("body is not well-formed XML");
        }
        NodeList modules = xml.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Element module = (Element) modules.item(i);
            if (!"presentation".equals(module.getAttribute("name"))) {
                continue;
            }
            NodeList docs = module.getElementsByTagName("document");
            for (int j = 0; j < docs.getLength(); j++) {
                Element d = (Element) docs.item(j);
                String url = d.getAttribute("url");
                byte[] content = null;
                if (url.isEmpty()) {
                    try {
                        content = Base64.getMimeDecoder().decode(d.getTextContent().trim());
                    } catch (IllegalArgumentException e) {
                        content = new byte[0];
                    }
                }
                out.add(new Document(source, url.isEmpty() ? null : url, attr(d, "filename"), attr(d, "name"),
                        Boolean.parseBoolean(d.getAttribute("current")),
                        bool(d, "downloadable", false), bool(d, "removable", true), content));
            }
        }
        return out;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    // Defaults follow bbb-web's code, not api.md (REFERENCE §5.1.2).
    private static boolean bool(Element e, String name, boolean fallback) {
        return e.hasAttribute(name) ? Boolean.parseBoolean(e.getAttribute(name)) : fallback;
    }
}
