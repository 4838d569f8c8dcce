package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.cite.FormattedReference;
import dev.patella.cite.ReferenceFormatter;
import dev.patella.config.BuildOptions;
import dev.patella.config.SiteConfig;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.index.Urls;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.GlossaryTerm;
import dev.patella.model.Page;
import dev.patella.model.Person;
import dev.patella.model.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The promise of {@code serve}: a live build session that is told about one edit gives, file for
 * file and byte for byte, what a fresh full build of the same input gives. Every edit is tried:
 * each value of every content type (found from a fixture that sets every field, which a check
 * below holds to the model's records), each list grown, each key removed, each body, template,
 * asset and image changed. After each edit the file is put back, and the session must give the
 * first build again. The pages a live build hands out first (for the preview to serve before the
 * build ends) must be, byte for byte, the pages it ends with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBuildEqualsFullBuildTest {

    /** Record components that are not keys in content: where a thing was read, its file name, its body, groups. */
    private static final Set<String> NOT_KEYS = Set.of("slug", "origin", "slugAt", "typeAt", "at", "dueAt", "reviewedAt", "places", "lines", "id", "body", "editorial",
            "min", "max", "profile", "instructions", "variations", "safety");
    /**
     * Components named otherwise in the content: CSL calls the author list "author"; a term's other
     * forms are "also"; an exercise's equipment groups {@code equipment} and {@code optional_equipment}.
     */
    private static final Map<String, String> KEY_OF = Map.of("authors", "author", "forms", "also",
            "required", "equipment", "optional", "optional_equipment",
            "defaultLanguage", "language", "all", "languages");

    private final Map<List<Reference>, Map<String, FormattedReference>> formatted = new java.util.HashMap<>();
    private Path project;
    private SiteSession session;
    private Built first;
    /** How many live builds handed pages out first: most edits change a page, so most do. */
    private int handedOut;
    private int editsTried;
    /** How many handed a page out ahead of loading the site again too: each body edit of a page or exercise. */
    private int aheadOfLoading;

    /** A build, everything it reported, and each handful of pages it handed out before it ended. */
    private record Built(SiteBuild build, List<Diagnostic> diagnostics, List<Map<String, byte[]>> firstPages) {
    }

    @BeforeAll
    void firstBuild() throws IOException {
        project = TestSites.project(Files.createTempDirectory("live-build"), "every-field");
        Edits.keys(project); // one regular YAML layout, so the first build is of what the edits start from
        session = new SiteSession(new BuildOptions(project, project.resolve("site"), Optional.empty(), false, false,
                TestSites.TODAY), System::nanoTime);
        first = build(session, Changes.everything());
        assertThat(first.diagnostics().stream().filter(Diagnostic::isError)).as("the fixture builds").isEmpty();
    }

    @AfterAll
    void tidy() throws IOException {
        if (editsTried > 100) { // when every edit ran, not one picked out
            assertThat(handedOut).as("live builds that handed pages out first, of " + 2 * editsTried)
                    .isGreaterThan(editsTried);
            // a paragraph added to a page's, an exercise's and a condition's body, and each put back
            assertThat(aheadOfLoading).as("live builds that handed a page out before loading the site again")
                    .isGreaterThanOrEqualTo(6);
        }
        try (Stream<Path> walk = Files.walk(project)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theFixtureSetsEveryFieldOfEveryContentType() {
        Set<String> keys = new java.util.TreeSet<>();
        Edits.keys(project).forEach(k -> keys.add(normal(k)));
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(SiteConfig.class, Person.class, Reference.class, Condition.class,
                Exercise.class, Page.class, GlossaryTerm.class)) {
            fields(type, type.getSimpleName(), missing, keys);
        }
        assertThat(missing).as("fields the every-field fixture does not set; add them to it").isEmpty();
    }

    @TestFactory
    @Timeout(600) // a hang detector only
    Stream<DynamicTest> everyEditInALiveSessionGivesWhatAFullBuildGives() {
        return Edits.of(project).stream().map(edit -> DynamicTest.dynamicTest(edit.name(), () -> {
            String before = TestSites.read(edit.file());
            editsTried++;
            try {
                TestSites.write(edit.file(), edit.text());
                var live = build(session, Changes.of(List.of(edit.file())), edit);
                var fresh = build(newSession(), Changes.everything(), edit);
                assertSame(live, fresh, edit + ", live session against a fresh build");
                assertFirstPagesFinal(live, edit + ", live session");
            } finally {
                TestSites.write(edit.file(), before);
                var back = build(session, Changes.of(List.of(edit.file())), edit);
                assertSame(back, first, edit + ", then put back: the live session against its first build");
                assertFirstPagesFinal(back, edit + ", then put back");
            }
        }));
    }

    private static void assertSame(Built live, Built fresh, String what) {
        assertThat(live.diagnostics()).as(what).isEqualTo(fresh.diagnostics());
        Map<String, byte[]> liveFiles = files(live);
        assertThat(liveFiles).as(what).containsOnlyKeys(files(fresh).keySet());
        files(fresh).forEach((path, bytes) -> assertThat(new String(liveFiles.get(path), StandardCharsets.UTF_8))
                .as(what + ": " + path).isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
    }

    private void assertFirstPagesFinal(Built live, String what) {
        handedOut += live.firstPages().isEmpty() ? 0 : 1;
        aheadOfLoading += live.firstPages().size() > 1 ? 1 : 0;
        for (Map<String, byte[]> handed : live.firstPages()) {
            handed.forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .as(what + ": " + path + " handed out first").isEqualTo(new String(
                            live.build().files().generated().get(path), StandardCharsets.UTF_8)));
            assertThat(live.build().rendered().stream().map(Urls::file)).as(what + ": the pages rendered again")
                    .containsAll(handed.keySet());
        }
    }

    /** Every file of the site, generated or copied, by site path. */
    private static Map<String, byte[]> files(Built built) {
        Map<String, byte[]> out = new TreeMap<>(built.build().files().generated());
        built.build().files().copied().forEach((path, source) -> {
            try {
                out.put(path, Files.readAllBytes(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out;
    }

    /**
     * A new session, as a fresh {@code build} makes. Formatting references is a pure function of
     * them and the slowest step of a build this small, so fresh sessions share one memo of it.
     */
    private SiteSession newSession() {
        return new SiteSession(new BuildOptions(project, project.resolve("site"), Optional.empty(), false, false,
                TestSites.TODAY), System::nanoTime, references -> formatted.computeIfAbsent(references,
                ReferenceFormatter.ama()::format));
    }

    private static Built build(SiteSession session, Changes changes) {
        var diagnostics = new Diagnostics();
        List<Map<String, byte[]>> first = new ArrayList<>();
        SiteBuild build = session.build(changes, diagnostics, first::add);
        return new Built(build, diagnostics.sorted(), first);
    }

    /** A build after {@code edit}; a build that throws is a bug in Patella, named by the edit that found it. */
    private static Built build(SiteSession session, Changes changes, Edits.Edit edit) {
        try {
            return build(session, changes);
        } catch (RuntimeException e) {
            throw new AssertionError(edit + ": the build threw", e);
        }
    }

    /** Adds to {@code missing} each component of {@code type} (and of the records it holds) with no key in {@code keys}. */
    private static void fields(Class<?> type, String where, List<String> missing, Set<String> keys) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = c.getName();
            if (!NOT_KEYS.contains(name) && !keys.contains(normal(KEY_OF.getOrDefault(name, name)))) {
                missing.add(where + "." + name);
            }
            for (Class<?> held : held(c.getGenericType())) {
                if (held.isRecord() && held.getPackageName().startsWith("dev.patella")
                        && !Set.of("Key", "Prose", "RepRange", "SourceSpan").contains(held.getSimpleName())) {
                    fields(held, where + "." + name, missing, keys);
                }
            }
        }
    }

    /** The type itself, or what a list or optional holds. */
    private static List<Class<?>> held(Type type) {
        List<Class<?>> out = new ArrayList<>();
        if (type instanceof Class<?> c) {
            out.add(c);
        } else if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                out.addAll(held(arg));
            }
        }
        return out;
    }

    /** A key or component name without case or separators: {@code container-title-short}, {@code containerTitleShort}. */
    private static String normal(String name) {
        return name.replaceAll("[-_]", "").toLowerCase(Locale.ROOT);
    }
}
