package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Person;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code content/people.yaml}: a mapping from an id to a person. */
final class PeopleReader {

    private PeopleReader() {
    }

    /** @return the people that were read correctly; empty when none (problems reported) */
    static List<Person> read(YNode root, Diagnostics diagnostics) {
        return read(root, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(YNode, Diagnostics)}, noting every field asked for in {@code log}. */
    static List<Person> read(YNode root, Diagnostics diagnostics, FieldLog log) {
        if (!(root instanceof YNode.YMap map)) {
            diagnostics.error("schema.wrong-type", root.at(), "people.yaml must map each person's id to their "
                    + "details, for example \"jane-doe:\" followed by indented \"name:\" and \"role:\" lines");
            return List.of();
        }
        var file = new Fields(map, "people file", diagnostics, log);
        List<Person> people = new ArrayList<>();
        for (YNode.Entry entry : map.entries().values()) {
            if (!ContentDocument.SLUG.matcher(entry.key()).matches()) {
                diagnostics.error("slug.invalid", entry.keyAt(), "the person id \"" + entry.key() + "\" must use "
                        + "lower-case letters, digits and hyphens only, for example \"jane-doe\"");
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
            }).ifPresent(people::add);
        }
        return people;
    }
}
