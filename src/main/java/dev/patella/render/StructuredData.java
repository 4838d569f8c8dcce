package dev.patella.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patella.config.SiteConfig;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.model.Condition;
import dev.patella.model.Editorial;
import dev.patella.model.Exercise;
import dev.patella.model.Person;
import dev.patella.model.Prose;
import dev.patella.model.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes each page's schema.org JSON-LD: a {@code MedicalWebPage} for patients, with its
 * authorship, review dates and citations, and as its main entity a {@code MedicalCondition} or
 * an {@code ExercisePlan}. Built with Jackson, then made safe to place inside a
 * {@code <script>} element: {@code <}, {@code >} and {@code &} are written as \\u escapes so
 * no content can close the element.
 */
final class StructuredData {

    private static final String SCHEMA = "https://schema.org";

    private final ObjectMapper json;
    private final SiteIndex index;
    private final SiteConfig config;
    private final MarkdownRenderer markdown;
    /** The words of the pages' language, for the few values that are words (an exercise's intensity). */
    private final Messages words;

    StructuredData(ObjectMapper json, SiteIndex index, MarkdownRenderer markdown, Messages words) {
        this.words = words;
        this.json = json;
        this.index = index;
        this.config = index.site().config();
        this.markdown = markdown;
    }

    /** A page Patella makes itself (home, lists): published by the site, citing {@code references}. */
    String page(String url, String title, String description, List<Reference> references) {
        ObjectNode page = webPage(url, title, description);
        page.set("author", publisher());
        citations(page, references);
        return write(page);
    }

    String condition(Condition c, List<Reference> references) {
        ObjectNode page = article(Urls.condition(c.slug()), c.title(), c.summary(), c.editorial(), references);
        ObjectNode condition = mainEntity(page, "MedicalCondition", c.title(), c.summary());
        strings(condition, "alternateName", c.otherNames());
        c.icd10().ifPresent(code -> condition.putObject("code").put("@type", "MedicalCode").put("codeValue", code)
                .put("codingSystem", "ICD-10"));
        named(condition.putArray("signOrSymptom"), "MedicalSymptom", text(c.symptoms()));
        named(condition.putArray("riskFactor"), "MedicalRiskFactor", text(c.riskFactors()));
        named(condition.putArray("associatedAnatomy"), "AnatomicalStructure", c.anatomy());
        ArrayNode treatments = condition.putArray("possibleTreatment");
        c.program().forEach(step -> step.exercises().forEach(key -> index.findExercise(key.value()).ifPresent(e ->
                treatments.addObject().put("@type", "PhysicalTherapy").put("name", e.title())
                        .put("url", absolute(Urls.exercise(e.slug()))))));
        return write(page);
    }

    String exercise(Exercise e, List<Reference> references) {
        ObjectNode page = article(Urls.exercise(e.slug()), e.title(), e.summary(), e.editorial(), references);
        var dose = e.dose();
        ObjectNode plan = mainEntity(page, "ExercisePlan", e.title(), e.summary())
                .put("category", SCHEMA + "/StrengthTraining")
                .put("exerciseType", e.title())
                .put("intensity", words.format("data.intensity", Map.of("sets", dose.sets(), "reps",
                        dose.reps().toString(), "side", String.valueOf(dose.perSide()))));
        plan.putObject("repetitions").put("@type", "QuantitativeValue").put("minValue", dose.reps().min())
                .put("maxValue", dose.reps().max());
        dose.frequency().ifPresent(f -> plan.put("activityFrequency", markdown.plainText(f.markdown())));
        dose.rest().ifPresent(r -> plan.put("restPeriods", markdown.plainText(r.markdown())));
        if (!e.variations().progressions().isEmpty()) {
            plan.put("additionalVariable", String.join(" ", text(e.variations().progressions())));
        }
        var muscles = new ArrayList<>(e.profile().muscles().primary());
        muscles.addAll(e.profile().muscles().secondary());
        named(plan.putArray("associatedAnatomy"), "Muscle", muscles);
        return write(page);
    }

    /** A page about one thing, with its authorship, dates and citations. */
    private ObjectNode article(String url, String title, String summary, Editorial editorial,
                               List<Reference> references) {
        ObjectNode page = webPage(url, title, summary);
        editorial(page, editorial);
        citations(page, references);
        return page;
    }

    private static ObjectNode mainEntity(ObjectNode page, String type, String name, String description) {
        return page.putObject("mainEntity").put("@type", type).put("name", name).put("description", description);
    }

    private ObjectNode webPage(String url, String title, String description) {
        ObjectNode page = json.createObjectNode().put("@context", SCHEMA).put("@type", "MedicalWebPage")
                .put("@id", absolute(url)).put("url", absolute(url)).put("name", title)
                .put("description", description).put("inLanguage", config.language());
        page.putObject("isPartOf").put("@type", "WebSite").put("name", config.title())
                .put("url", config.baseUrl().toString());
        page.putObject("medicalAudience").put("@type", "MedicalAudience").put("audienceType", "Patient");
        page.set("publisher", publisher());
        return page;
    }

    private ObjectNode publisher() {
        ObjectNode publisher = json.createObjectNode().put("@type", "Organization").put("name", config.publisher().name());
        config.publisher().url().ifPresent(u -> publisher.put("url", u));
        return publisher;
    }

    private void editorial(ObjectNode page, Editorial e) {
        index.findPerson(e.author().value()).ifPresent(p -> page.set("author", person(p)));
        page.put("datePublished", e.published().toString()).put("dateModified", e.reviewed().toString());
        // a review is claimed only for a named clinician; an editorial check is only a modification date
        e.reviewer().flatMap(r -> index.findPerson(r.value())).filter(Person::clinician).ifPresent(p -> {
            page.set("reviewedBy", person(p));
            page.put("lastReviewed", e.reviewed().toString());
        });
    }

    /** The about page of this edition, or of the default language when this edition has none translated. */
    private String about() {
        String about = Urls.page("about");
        return index.urls().contains(about) ? absolute(about) : config.siteBaseUrl().toString() + about.substring(1);
    }

    private ObjectNode person(Person p) {
        ObjectNode node = json.createObjectNode().put("@type", p.organization() ? "Organization" : "Person")
                .put("name", p.name()).put("url", about() + "#" + p.id());
        if (!p.credentials().isBlank()) {
            node.put("honorificSuffix", p.credentials());
        }
        if (!p.organization()) {
            node.put("jobTitle", p.role());
        }
        return node;
    }

    private void citations(ObjectNode page, List<Reference> references) {
        if (references.isEmpty()) {
            return;
        }
        ArrayNode list = page.putArray("citation");
        for (Reference r : references) {
            ObjectNode item = list.addObject()
                    .put("@type", r.type().startsWith("article") ? "ScholarlyArticle" : "CreativeWork")
                    .put("name", r.title()).put("headline", r.title());
            ArrayNode authors = item.putArray("author");
            r.authors().forEach(a -> authors.addObject().put("@type", "Person").put("familyName", a.family())
                    .put("givenName", a.given()).put("name", (a.given() + " " + a.family()).strip()));
            if (!r.issued().isEmpty()) {
                item.put("datePublished", r.issued().stream().map(n -> String.format(Locale.ROOT, "%02d", n))
                        .collect(Collectors.joining("-")));
            }
            r.containerTitle().or(r::containerTitleShort).ifPresent(t ->
                    item.putObject("isPartOf").put("@type", "Periodical").put("name", t));
            r.doiUrl().or(r::url).ifPresent(u -> item.put("sameAs", u).put("url", u));
            r.pmid().ifPresent(id -> item.putObject("identifier").put("@type", "PropertyValue")
                    .put("propertyID", "PMID").put("value", id));
        }
    }

    private List<String> text(List<Prose> items) {
        return items.stream().map(p -> markdown.plainText(p.markdown())).toList();
    }

    private static void named(ArrayNode array, String type, List<String> names) {
        names.forEach(n -> array.addObject().put("@type", type).put("name", n));
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private String absolute(String url) {
        return config.baseUrl().toString() + url.substring(1);
    }

    /**
     * A JSON object of these names and texts, in their order, for a page's script to read (from an
     * attribute, which the template escapes as any other).
     */
    String object(Map<String, String> entries) {
        ObjectNode node = json.createObjectNode();
        entries.forEach(node::put);
        return write(node);
    }

    private String write(ObjectNode node) {
        try {
            return escapeForScript(json.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** JSON that can sit inside {@code <script>}: these characters only occur in strings, where \\u escapes mean the same. */
    static String escapeForScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
