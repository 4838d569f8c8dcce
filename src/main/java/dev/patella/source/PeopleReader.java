package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Person;
import dev.patella.model.TranslatedPerson;
import dev.patella.model.UnreadEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code content/people.yaml}: a mapping from an id to a person; and its translations,
 * {@code content/<code>/people.yaml}, which give only the words a reader sees ({@link #TRANSLATED}).
 */
final class PeopleReader {

    /**
     * The fields of a person that a translation gives: the rest is the same in every language, but
     * for a team's or body's name ({@link #TRANSLATED_NAME}).
     */
    static final List<String> TRANSLATED = List.of("role", "bio");
    /** The field a translation gives for a team or body ({@code organization: true}) besides {@link #TRANSLATED}. */
    static final String TRANSLATED_NAME = "name";
    /** The fields of a person that only {@code content/people.yaml} gives. */
    private static final List<String> SHARED = List.of("credentials", "organization");

    private PeopleReader() {
    }

    /**
     * @return the people that were read correctly, and the ids of those that were not (reported), as written
     *         and as an id is written ({@code Jane-Doe} is {@code jane-doe}), so that a page naming one is not
     *         told the name is unknown; all of them when the file is not a mapping of ids
     */
    static EntriesRead<Person> read(YNode root, Diagnostics diagnostics) {
        return read(root, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(YNode, Diagnostics)}, noting every field asked for in {@code log}. */
    static EntriesRead<Person> read(YNode root, Diagnostics diagnostics, FieldLog log) {
        if (!(root instanceof YNode.YMap map)) {
            diagnostics.error("schema.wrong-type", root.at(), "people.yaml must map each person's id to their "
                    + "details, for example \"jane-doe:\" followed by indented \"name:\" and \"role:\" lines");
            return EntriesRead.nothing();
        }
        var file = new Fields(map, "people file", diagnostics, log);
        List<Person> people = new ArrayList<>();
        Set<String> unread = new TreeSet<>();
        for (YNode.Entry entry : map.entries().values()) {
            if (!ContentDocument.SLUG.matcher(entry.key()).matches()) {
                diagnostics.error("slug.invalid", entry.keyAt(), "the person id \"" + entry.key() + "\" must use "
                        + "lower-case letters, digits and hyphens only, for example \"jane-doe\"");
                unread.add(entry.key());
                Optional.of(FileNames.asSlug(entry.key())).filter(id -> !id.isEmpty()).ifPresent(unread::add);
                continue;
            }
            file.separateEntry(entry, "person \"" + entry.key() + "\"").flatMap(f -> {
                var name = f.requiredText("name");
                var credentials = f.string("credentials", false).orElse("");
                var role = f.requiredText("role");
                var bio = f.prose("bio", false);
                boolean organization = f.bool("organization").orElse(false);
                return f.build(() -> new Person(entry.key(), entry.keyAt(), name, credentials.trim(), role, bio,
                        organization));
            }).ifPresentOrElse(people::add, () -> unread.add(entry.key()));
        }
        return new EntriesRead<>(people, new UnreadEntries(false, unread));
    }

    /**
     * Reads a translation of the people: each id mapped to the person's {@code role} (required, as in
     * the source) and {@code bio} (optional) in that language, and for a team or body its {@code name}
     * (optional). Credentials or an organization flag are refused at their line: those are the same in
     * every language. Whether each id is in {@code content/people.yaml}, and whether a translated name
     * is a team's, is for the edition to check, which knows both files.
     *
     * @param root the file with its {@code translated_from} line taken out
     * @return the people that read without error, in file order; empty when none (problems reported)
     */
    static List<TranslatedPerson> readTranslated(YNode root, String file, Diagnostics diagnostics) {
        if (!(root instanceof YNode.YMap map)) {
            diagnostics.error("schema.wrong-type", root.at(), file + " must map each person's id (as in "
                    + "content/people.yaml) to their words in this language, for example \"jane-doe:\" followed by "
                    + "indented \"role:\" and \"bio:\" lines");
            return List.of();
        }
        var fields = new Fields(map, "translated people file", diagnostics);
        List<TranslatedPerson> people = new ArrayList<>();
        for (YNode.Entry entry : map.entries().values()) {
            fields.separateEntry(entry, "translated person \"" + entry.key() + "\"").flatMap(f -> {
                var name = f.string(TRANSLATED_NAME, false).map(text -> new TranslatedPerson.Name(text.trim(),
                        f.keyAt(TRANSLATED_NAME).orElse(entry.keyAt())));
                var role = f.requiredText("role");
                var bio = f.prose("bio", false);
                for (String shared : SHARED) {
                    f.keyAt(shared).ifPresent(at -> {
                        f.node(shared);
                        f.error("schema.unknown-key", at, "\"" + shared + "\" is not translated: a person's "
                                + "credentials and organization flag are the same in every language and come from "
                                + "content/people.yaml; remove this line (a translated person gives only "
                                + String.join(" and ", TRANSLATED) + ", and a team or body also its name)");
                    });
                }
                return f.build(() -> new TranslatedPerson(entry.key(), entry.keyAt(), name, role, bio));
            }).ifPresent(people::add);
        }
        return people;
    }
}
