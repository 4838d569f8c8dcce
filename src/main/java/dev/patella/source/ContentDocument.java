package dev.patella.source;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Key;
import dev.patella.model.Prose;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown content file after its front matter was parsed.
 *
 * @param fileStem the file name without {@code .md}, the default slug
 */
record ContentDocument(String file, String fileStem, YNode.YMap frontMatter, Prose body) {

    /** Lower-case words joined by single hyphens: safe in a URL and a folder name on every system. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** The same document with another front matter. */
    ContentDocument withFrontMatter(YNode.YMap front) {
        return new ContentDocument(file, fileStem, front, body);
    }

    SourceSpan origin() {
        return SourceSpan.startOf(file);
    }

    /**
     * The page's slug: the {@code slug} field when set, else the file name.
     *
     * @return the slug, at its value in the front matter, or at the file's start when it is the
     *         file name (where a clash with another page's slug is reported); when it is not a safe
     *         URL segment, it is reported and the read fails
     */
    /** The name a file manager gives a copy: "clamshell copy", "clamshell (2)", "clamshell - Copy", "Copy of clamshell". */
    private static final Pattern COPY = Pattern.compile("(?i)(?:copy of (.+)|(.+?)(?: copy(?: \\d+)?| \\(\\d+\\)| - copy(?: \\(\\d+\\))?))");

    Key slug(Fields f) {
        Optional<String> declared = f.string("slug", false);
        String slug = declared.orElse(fileStem).trim();
        SourceSpan at = declared.flatMap(d -> frontMatter.find("slug")).map(e -> e.value().at()).orElse(origin());
        if (SLUG.matcher(slug).matches() && slug.length() <= 80) {
            return new Key(slug, at);
        }
        // the editor's own words as a slug ("sentadilla-fácil" as "sentadilla-facil"), or an example when none are left
        String own = FileNames.asSlug(slug);
        String example = SLUG.matcher(own).matches() && own.length() <= 80 ? own : "semi-squat";
        String fix = " use lower-case letters, digits and single hyphens only, for example \"" + example + "\"";
        if (declared.isPresent()) {
            f.invalid("slug", "the slug \"" + slug + "\" cannot be used in a web address;" + fix);
        } else if (file.split("/").length > 3) {
            // content/es/exercises/Clamshell.md: a translation keeps its source's file name, so only a slug helps
            f.error("schema.invalid-value", origin(), "the file name \"" + fileStem + ".md\" cannot be used as a web "
                    + "address, and a translation keeps its source's file name; keep the name and give this file a "
                    + "\"slug:\" line, such as \"slug: " + example + "\" (its address in this language, which may be "
                    + "in the language's own words): a web address takes lower-case letters, digits and single hyphens "
                    + "only");
        } else {
            // the name is the file's, not a line's: told at the file; a copy a file manager made is named as one
            Matcher copy = COPY.matcher(fileStem);
            f.error("schema.invalid-value", origin(), "the file name \"" + fileStem + ".md\" cannot be used as a web "
                    + "address;" + (copy.matches() ? " it looks like a copy of "
                    + (copy.group(1) != null ? copy.group(1) : copy.group(2)) + ".md, which a file manager names so: if "
                    + "it is one, delete it; if it is a page of its own," : "") + (example.equals(own) && !copy.matches()
                    ? " rename it to " + own + ".md (or keep the name and set \"slug: " + own + "\"): a web address "
                    + "takes lower-case letters, digits and single hyphens only"
                    : " rename the file or set \"slug:\";" + fix));
        }
        return new Key(slug, at);
    }
}
