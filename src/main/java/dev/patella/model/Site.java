package dev.patella.model;

import dev.patella.config.SiteConfig;
import java.util.List;
import java.util.Set;

/**
 * Everything read from {@code content/}, checked field by field but not yet cross-referenced.
 *
 * @param unreadableExercises the file names (without {@code .md}) of exercise files that had
 *                            errors, so references to them are not reported a second time
 */
public record Site(
        SiteConfig config,
        List<Person> people,
        List<Reference> references,
        List<Condition> conditions,
        List<Exercise> exercises,
        List<Page> pages,
        List<StaticFile> files,
        Set<String> unreadableExercises) {

    public Site {
        people = List.copyOf(people);
        references = List.copyOf(references);
        conditions = List.copyOf(conditions);
        exercises = List.copyOf(exercises);
        pages = List.copyOf(pages);
        files = List.copyOf(files);
        unreadableExercises = Set.copyOf(unreadableExercises);
    }
}
