package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Refuses SVG drawings that could do more than show a picture. A drawing shown with {@code <img>}
 * never runs script, but the same file opened on its own (a link, "open image in new tab") is a
 * document on the site's own address: a {@code <script>}, an {@code onload=} or a
 * {@code javascript:} link in it would run there. So a drawing may hold shapes, text, styles and
 * references to its own parts ({@code #id}), and nothing that runs, embeds a web page or reaches
 * outside the file.
 *
 * <p>The file is read by the JDK's XML parser with secure processing on, no DTD or entity loaded
 * from anywhere, and small entity limits; the values it checks are those the parser (and so the
 * browser) sees, with character references and internal entities already expanded.
 */
final class SvgCheck {

    static final String UNSAFE = "image.unsafe-svg";
    static final String MALFORMED = "image.malformed-svg";

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    /** Elements that run script, embed another document, or carry a web page inside the drawing. */
    private static final Set<String> REFUSED = Set.of("script", "handler", "listener", "foreignobject", "iframe",
            "frame", "embed", "object", "applet");
    private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animatemotion", "animatetransform",
            "animatecolor", "discard");

    private SvgCheck() {
    }

    /** Reports into {@code diagnostics} every part of the drawing that is unsafe, or why it cannot be read. */
    static void check(byte[] bytes, String rel, Diagnostics diagnostics) {
        var positions = new TextPositions(bytes);
        var handler = new Handler(rel, positions, diagnostics);
        try {
            XMLReader reader = parser().getXMLReader();
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", handler);
            reader.setContentHandler(handler);
            reader.setDTDHandler(handler);
            reader.setEntityResolver(handler);
            reader.setErrorHandler(handler);
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            int line = Math.max(1, e.getLineNumber());
            int column = Math.max(1, e.getColumnNumber());
            diagnostics.error(MALFORMED, new SourceSpan(rel, line, column), "the drawing is not well-formed SVG: "
                    + plain(e.getMessage()) + "; open it in a drawing program and save it again as plain SVG");
        } catch (SAXException | IOException e) {
            diagnostics.error(MALFORMED, SourceSpan.startOf(rel), "the drawing cannot be read as SVG ("
                    + plain(e.getMessage()) + "); open it in a drawing program and save it again as plain SVG");
        }
    }

    /** A parser that reads nothing but the bytes it is given, with small limits on entities. */
    private static SAXParser parser() throws SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.setProperty("jdk.xml.entityExpansionLimit", "1000");
            parser.setProperty("jdk.xml.totalEntitySizeLimit", "100000");
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a feature it has had since Java 9", e);
        }
    }

    /** The parser's message without its internal prefixes, and in plain words where it is about entities. */
    private static String plain(String message) {
        String text = message == null ? "unknown problem" : message;
        if (text.startsWith("JAXP")) {
            return "it declares entities that grow too large (remove the <!DOCTYPE ...> block at its top)";
        }
        if (text.contains("Content is not allowed in prolog")) {
            return "there is text before its first tag, so it may not be an SVG file at all";
        }
        if (text.contains("Premature end of file")) {
            return "the file ends before the drawing does (it may have been cut short)";
        }
        return text.replaceAll("\\s+", " ").trim().replaceAll("\\.$", "");
    }

    /** Walks the drawing and reports each unsafe part once (nothing inside a refused element). */
    private static final class Handler extends DefaultHandler2 {
        private final String rel;
        private final TextPositions positions;
        private final Diagnostics diagnostics;
        private Locator locator;
        private int depth;
        private int refusedUntil = Integer.MAX_VALUE;
        private StringBuilder style;
        private int styleTag;

        Handler(String rel, TextPositions positions, Diagnostics diagnostics) {
            this.rel = rel;
            this.positions = positions;
            this.diagnostics = diagnostics;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            depth++;
            if (depth > refusedUntil) {
                return;
            }
            int tag = positions.tagStart(locator.getLineNumber(), locator.getColumnNumber(), qName);
            String name = local.toLowerCase(Locale.ROOT);
            if (depth == 1 && (!name.equals("svg") || !SVG_NS.equals(uri))) {
                diagnostics.error(MALFORMED, positions.span(rel, tag), "the drawing's outer element is <" + qName
                        + (uri.isEmpty() ? "" : " xmlns=\"" + uri + "\"") + ">, but an SVG file must start with "
                        + "<svg xmlns=\"" + SVG_NS + "\">; save it again as SVG from a drawing program");
                refusedUntil = depth; // not a drawing at all: one error says so
                return;
            }
            if (REFUSED.contains(name) || XHTML_NS.equals(uri)) {
                refuse(positions.span(rel, tag), refusedElement(qName, name, uri));
                refusedUntil = depth;
                return;
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getQName(i);
                Optional<String> problem = attributeProblem(name, attributes.getLocalName(i), attribute,
                        attributes.getValue(i));
                if (problem.isPresent()) {
                    // one error a tag: <set attributeName="href" to="javascript:..."> is one mistake
                    refuse(positions.span(rel, positions.attribute(tag, attribute)), problem.get());
                    break;
                }
            }
            if (name.equals("style")) {
                style = new StringBuilder();
                styleTag = tag;
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (depth == refusedUntil) {
                refusedUntil = Integer.MAX_VALUE;
            } else if (style != null && local.equalsIgnoreCase("style") && depth <= refusedUntil) {
                Css.problem(style.toString()).ifPresent(p -> refuse(positions.span(rel, positions.lineWith(styleTag,
                        "</" + qName, line -> Css.problem(line).isPresent())), "the <style> element " + p));
                style = null;
            }
            depth--;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (style != null) {
                style.append(ch, start, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) {
            if (target.equalsIgnoreCase("xml-stylesheet")) {
                refuse(here("<?" + target), "the drawing asks for a stylesheet from another file (<?xml-stylesheet " + data.strip()
                        + "?>), which a web host would load; remove that line and keep the styles inside the drawing");
            }
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) {
            refuse(here("<!ENTITY"), "the drawing declares the entity \"" + name + "\" as the contents of another file (\""
                    + systemId + "\"); remove the <!DOCTYPE ...> block at its top");
        }

        @Override
        public void unparsedEntityDecl(String name, String publicId, String systemId, String notation) {
            externalEntityDecl(name, publicId, systemId);
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId) {
            return new InputSource(new StringReader("")); // never read another file or address
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        /** Where the declaration or instruction the parser has just read begins. */
        private SourceSpan here(String marker) {
            return positions.span(rel, positions.before(locator.getLineNumber(), locator.getColumnNumber(), marker));
        }

        private void refuse(SourceSpan at, String problem) {
            diagnostics.error(UNSAFE, at, problem);
        }
    }

    private static String refusedElement(String qName, String name, String uri) {
        return switch (name) {
            case "script", "handler", "listener" -> "the drawing holds a <" + qName + "> element: a program that runs "
                    + "on the site's own address when someone opens the picture; remove it (a drawing needs no script)";
            case "foreignobject" -> "the drawing holds a <" + qName + "> element, which can carry a web page inside "
                    + "the picture; remove it and draw its content with SVG shapes and <text>";
            default -> XHTML_NS.equals(uri) && !REFUSED.contains(name)
                    ? "the drawing holds the HTML element <" + qName + ">, which does not belong in a picture; "
                    + "remove it and draw its content with SVG shapes and <text>"
                    : "the drawing holds an <" + qName + "> element, which embeds another document; remove it";
        };
    }

    /** Why an attribute of an allowed element is unsafe; empty when it is fine. */
    static Optional<String> attributeProblem(String element, String local, String qName, String value) {
        String name = local.toLowerCase(Locale.ROOT);
        String squeezed = squeeze(value);
        if (name.startsWith("on")) {
            return Optional.of("the attribute " + qName + "=\"...\" runs script when the picture is opened or "
                    + "touched; remove it");
        }
        if (squeezed.contains("javascript:") || squeezed.contains("vbscript:")) {
            return Optional.of("the attribute " + qName + " holds a javascript: address, which runs script; "
                    + "remove it, or point at a part of the drawing with #id");
        }
        if (name.equals("href") && !value.isBlank() && !value.strip().startsWith("#")) {
            return Optional.of("<" + element + " " + qName + "=\"" + shorten(value.strip()) + "\"> reaches outside "
                    + "this drawing; a drawing may only refer to its own parts (#id): copy what it needs into the file");
        }
        if (ANIMATIONS.contains(element) && name.equals("attributename")) {
            String target = squeezed.substring(squeezed.indexOf(':') + 1);
            if (target.equals("href") || target.startsWith("on")) {
                return Optional.of("the animation changes the attribute " + value.strip() + ", which can turn a "
                        + "part of the drawing into a link or a script; remove the animation");
            }
        }
        return Css.problem(value).map(p -> "the attribute " + qName + " " + p);
    }

    /** The value as a browser reads an address: case folded, with spaces and control characters dropped. */
    private static String squeeze(String value) {
        var out = new StringBuilder(value.length());
        value.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
