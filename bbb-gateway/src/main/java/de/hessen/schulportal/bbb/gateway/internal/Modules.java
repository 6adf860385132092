// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.meeting.Document;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the presentation documents of a create POST body ({@code <modules><module name="presentation">}),
 * so they reach the backend through bbb-client's typed {@link Document}. A document's URL (Moodle's
 * {@code pluginfile.php} with a file token) is replaced by the gateway URL that seals it
 * ({@link SlideRelay} serves it), so the backend never learns the client's address or token.
 * Other modules (e.g. {@code clientSettingsOverride}) are dropped. DOCTYPEs are refused (no
 * entity expansion, no XXE).
 */
final class Modules {
    private Modules() {
    }

    static List<Document> presentations(byte[] body, UnaryOperator<String> sealUrl) {
        List<Document> out = new ArrayList<>();
        if (body == null || body.length == 0) {
            return out;
        }
        org.w3c.dom.Document xml;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // Parse errors become the exception below; the default handler would also print them to stderr.
            b.setErrorHandler(new DefaultHandler());
            xml = b.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ApiError("malformedXml", "The XML body of the request could not be parsed");
        }
        NodeList modules = xml.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Element module = (Element) modules.item(i);
            if (!"presentation".equals(module.getAttribute("name"))) {
                continue;
            }
            NodeList docs = module.getElementsByTagName("document");
            for (int j = 0; j < docs.getLength(); j++) {
                out.add(document((Element) docs.item(j), sealUrl));
            }
        }
        return out;
    }

    private static Document document(Element e, UnaryOperator<String> sealUrl) {
        try {
            Document.Builder d;
            if (!e.getAttribute("url").isEmpty()) {
                String url = e.getAttribute("url").strip();
                if (!ParameterTable.isHttpUrl(url)) {
                    throw new IllegalArgumentException("the url must be an absolute http(s) URL");
                }
                d = Document.fromUrl(URI.create(sealUrl.apply(url)));
                if (!e.getAttribute("filename").isEmpty()) {
                    d.filename(e.getAttribute("filename"));
                }
            } else {
                d = Document.inline(e.getAttribute("name"), Base64.getMimeDecoder().decode(e.getTextContent().strip()));
            }
            if (!e.getAttribute("current").isEmpty()) {
                d.current(ParameterTable.bool(e.getAttribute("current")));
            }
            if (!e.getAttribute("downloadable").isEmpty()) {
                d.downloadable(ParameterTable.bool(e.getAttribute("downloadable")));
            }
            if (!e.getAttribute("removable").isEmpty()) {
                d.removable(ParameterTable.bool(e.getAttribute("removable")));
            }
            return d.build();
        } catch (IllegalArgumentException ex) {
            throw new ApiError("invalidPresentationUrl", "A document in the XML body is not valid: " + ex.getMessage());
        }
    }
}
