package dev.patella.cite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A CSL style whose full dates follow the language of the bibliography. A style may spell out a
 * date part by part ({@code <date variable="accessed">} with month, day and year in that order),
 * which fixes the order for every language: the AMA style writes "Accedido noviembre 21, 2026" in
 * Spanish. Such a date becomes a localized one ({@code form="text"}), whose order and words come
 * from the CSL locale: "November 21, 2026" in US English as before, "21 de noviembre de 2026" in
 * Spanish, "21 November 2026" in British English. Dates of fewer parts (a year) are left alone.
 * The style also gets the terms of {@code terms.xml}, beside this class, as locales of its own.
 */
final class LocalizedDates {

    private static final String CSL = "http://purl.org/net/xbiblio/csl";

    private LocalizedDates() {
    }

    /** The style {@code name} of the CSL repository, as XML, with its full dates localized. */
    static String style(String name) {
        try (InputStream in = LocalizedDates.class.getResourceAsStream("/" + name + ".csl")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the citation style " + name
                        + ".csl is not on the class path"));
            }
            return localize(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the citation style " + name, e);
        }
    }

    static String localize(byte[] xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            addTerms(doc, factory);
            NodeList dates = doc.getElementsByTagNameNS(CSL, "date");
            for (int i = 0; i < dates.getLength(); i++) {
                Element date = (Element) dates.item(i);
                if (date.hasAttribute("variable") && !date.hasAttribute("form") && fullDate(date)) {
                    while (date.getFirstChild() != null) {
                        date.removeChild(date.getFirstChild());
                    }
                    date.setAttribute("form", "text");
                    date.setAttribute("date-parts", "year-month-day");
                }
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            var out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException e) {
            throw new IllegalStateException("the citation style cannot be read", e);
        }
    }

    /**
     * Adds the {@code <locale>} elements of {@code terms.xml} (words Patella's readers are given otherwise
     * than the CSL locale files give them, such as Spanish "consultado el" for "accessed") to the style,
     * after its own locales: a style's locale comes before the locale files.
     */
    private static void addTerms(Document style, DocumentBuilderFactory factory)
            throws ParserConfigurationException, SAXException, IOException {
        try (InputStream in = LocalizedDates.class.getResourceAsStream("terms.xml")) {
            if (in == null) {
                throw new IOException("terms.xml is not on the class path");
            }
            Document terms = factory.newDocumentBuilder().parse(in);
            Element root = style.getDocumentElement();
            Node before = null;
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && !"info".equals(e.getLocalName()) && !"locale".equals(e.getLocalName())) {
                    before = n;
                    break;
                }
            }
            NodeList locales = terms.getElementsByTagNameNS(CSL, "locale");
            for (int i = 0; i < locales.getLength(); i++) {
                root.insertBefore(style.importNode(locales.item(i), true), before);
            }
        }
    }

    /** Whether the date element writes year, month and day with its own parts, in plain (not numeric) form. */
    private static boolean fullDate(Element date) {
        boolean year = false;
        boolean month = false;
        boolean day = false;
        for (Node n = date.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element part && "date-part".equals(part.getLocalName())) {
                if (part.hasAttribute("form")) {
                    return false;
                }
                switch (part.getAttribute("name")) {
                    case "year" -> year = true;
                    case "month" -> month = true;
                    case "day" -> day = true;
                    default -> {
                        return false;
                    }
                }
            }
        }
        return year && month && day;
    }
}
