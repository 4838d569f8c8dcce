package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The shipped exercise drawings: drawn to the angles the steps give, in two labelled positions. */
class ExerciseDrawingsTest {

    private static final Path IMAGES = TestSites.PROJECT.resolve("content/images");

    /** Every circle with an id, by id, as {cx, cy}. */
    private static Map<String, double[]> joints(Path svg) throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setNamespaceAware(true);
        NodeList circles;
        try (InputStream in = Files.newInputStream(svg)) {
            circles = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "circle");
        }
        Map<String, double[]> byId = new HashMap<>();
        for (int i = 0; i < circles.getLength(); i++) {
            Element c = (Element) circles.item(i);
            if (!c.getAttribute("id").isEmpty()) {
                byId.put(c.getAttribute("id"), new double[] {
                        Double.parseDouble(c.getAttribute("cx")), Double.parseDouble(c.getAttribute("cy"))});
            }
        }
        return byId;
    }

    /** Knee bend in degrees: 0 when hip, knee and ankle are in a straight line. */
    private static double kneeBend(Map<String, double[]> joints, String pose) {
        double[] hip = joints.get(pose + "-hip");
        double[] knee = joints.get(pose + "-knee");
        double[] ankle = joints.get(pose + "-ankle");
        assertThat(List.of(hip, knee, ankle)).as(pose + " joints").doesNotContainNull();
        double thighX = hip[0] - knee[0], thighY = hip[1] - knee[1];
        double shinX = ankle[0] - knee[0], shinY = ankle[1] - knee[1];
        double cos = (thighX * shinX + thighY * shinY) / (Math.hypot(thighX, thighY) * Math.hypot(shinX, shinY));
        return 180 - Math.toDegrees(Math.acos(cos));
    }

    @Test
    void semiSquatEndPositionBendsTheKneeToAbout45Degrees() throws Exception {
        Map<String, double[]> joints = joints(IMAGES.resolve("semi-squat.svg"));

        assertThat(kneeBend(joints, "end")).isBetween(42.0, 48.0);
        assertThat(kneeBend(joints, "start")).isLessThan(3.0);
    }

    @Test
    void semiSquatKneeStaysBehindTheToesAndTheHipsAboveTheChairSeat() throws Exception {
        Map<String, double[]> joints = joints(IMAGES.resolve("semi-squat.svg"));
        double[] knee = joints.get("end-knee");
        double[] ankle = joints.get("end-ankle");

        assertThat(knee[0]).as("knee forward of the ankle by less than a foot length").isBetween(ankle[0], ankle[0] + 26);
        assertThat(joints.get("end-hip")[1]).as("hips well above the seat (y 206)").isLessThan(190);
    }

    @ParameterizedTest
    @ValueSource(strings = {"straight-leg-raise", "side-lying-leg-raise", "clamshell", "hip-extension-leg-raise", "semi-squat"})
    void everyDrawingShowsAStartAndAnEndPositionLargeEnoughForAPhone(String slug) throws IOException {
        String svg = Files.readString(IMAGES.resolve(slug + ".svg"));

        assertThat(svg).contains(">1 Start</text>").contains(">2 End</text>").contains("<title>")
                .contains("width=\"360\"").doesNotContainPattern("(?i)<script|\\son\\w+=|href=");
        String exercise = Files.readString(TestSites.PROJECT.resolve("content/exercises/" + slug + ".md"));
        assertThat(exercise).containsPattern("(?s)alt: >-.*(on their back|on their side|on their stomach|stands)")
                .containsPattern("(?s)alt: >-.*At the end");
    }
}
