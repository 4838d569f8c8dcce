package dev.patella.render;

import dev.patella.diag.SourceSpan;
import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one page's HTML is written while its template runs, with a budget: at most
 * {@link #MAX_CHARS} characters, {@link #MAX_STEPS} template elements entered, and
 * {@link #MAX_TIME} of wall-clock time. A page of the site is tens of kilobytes and renders in
 * milliseconds, so only a runaway template (a loop over a huge range, say) meets a limit; it is
 * then stopped at the template line it was running.
 *
 * <p>The budget also follows the template as it runs (as Freemarker's processing tracer), so a
 * loop that writes nothing is stopped too: every pass of a {@code #list} visits at least the
 * check {@link TemplateSet} adds to its body, and each visit counts a step; every 64th step or
 * write looks at the clock (looking each time was a hundredth of a large build's CPU). Steps stop a runaway loop after the same work on a quiet machine and a busy one; the
 * clock is the backstop for work that takes few steps (one huge string built again and again),
 * set high enough that a machine busy with other work never stops a sound template. The element
 * last entered is remembered, to place an error that unwinds the template (a string too long).
 */
final class RenderBudget extends Writer implements TemplateProcessingTracer {

    /** 8 million characters: a few hundred times the largest page of the site. */
    static final int MAX_CHARS = 8 * 1024 * 1024;
    /** 10 million elements entered: hundreds of times what the largest page of a 4,000-page site needs. */
    static final long MAX_STEPS = 10_000_000L;
    /** Generous, so a busy machine never stops a sound template: steps stop most runaways first. */
    static final Duration MAX_TIME = Duration.ofSeconds(60);

    private static final Pattern PLACE = Pattern.compile("\\[in template \"([^\"]+)\" at line (\\d+), column (\\d+)]");

    /** Thrown when the budget runs out; carries where the template was. */
    static final class Exceeded extends IOException {
        private final transient SourceSpan at;

        Exceeded(SourceSpan at, String message) {
            super(message);
            this.at = at;
        }

        SourceSpan at() {
            return at;
        }
    }

    /** Thrown from the tracer when the time runs out (the tracer may not throw a checked exception). */
    static final class OverTime extends RuntimeException {
        private final transient SourceSpan at;

        OverTime(SourceSpan at, String message) {
            super(message, null, false, false);
            this.at = at;
        }

        SourceSpan at() {
            return at;
        }
    }

    private static final String OVER_TIME = "the template ran for more than " + MAX_TIME.toSeconds() + " seconds for "
            + "one page, so it was stopped here; look for a #list over a range or list that is far too long";

    private static final String OVER_STEPS = "the template took more than " + MAX_STEPS / 1_000_000
            + " million steps for one page, so it was stopped here; look for a #list over a range or list that is "
            + "far too long";

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final String template;
    private final LongSupplier nanoTime;
    private final long deadline;

    RenderBudget(String template, LongSupplier nanoTime) {
        this.template = template;
        this.nanoTime = nanoTime;
        this.deadline = nanoTime.getAsLong() + MAX_TIME.toNanos();
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        check(length);
        out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        check(length);
        out.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) throws IOException {
        check(1);
        out.append((char) c);
    }

    private void check(int more) throws Exceeded {
        if (out.length() + (long) more > MAX_CHARS) {
            throw exceeded("the template wrote more than " + MAX_CHARS / (1024 * 1024) + " million characters for "
                    + "one page, so it was stopped here; look for a #list over a range or list that is far too long");
        }
        if (overTime()) {
            throw exceeded(OVER_TIME);
        }
    }

    /** Steps and writes since the budget began, for {@link #overTime}. */
    private int ticks;

    /** Whether the time is up, looking at the clock on every 64th call only. */
    private boolean overTime() {
        return (++ticks & 63) == 0 && nanoTime.getAsLong() - deadline > 0;
    }

    private TracedElement current;

    private long steps;

    @Override
    public void enterElement(Environment env, TracedElement element) {
        current = element;
        if (++steps > MAX_STEPS) {
            throw new OverTime(place(element), OVER_STEPS);
        }
        if (overTime()) {
            throw new OverTime(place(element), OVER_TIME);
        }
        if (Thread.currentThread().isInterrupted()) {
            // answered here, before Freemarker's own check would throw its internal exception
            throw new OverTime(place(element), "the page was not finished because Patella is stopping; build again");
        }
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        // where an element was entered is what places an error
    }

    /** The template element entered last, or the start of the page's template before any. */
    SourceSpan lastPlace() {
        return current == null ? SourceSpan.startOf("templates/" + template) : place(current);
    }

    private SourceSpan place(TracedElement element) {
        String source = element.getTemplate() == null ? null : element.getTemplate().getSourceName();
        return new SourceSpan("templates/" + (source == null ? template : source), Math.max(1, element.getBeginLine()),
                Math.max(1, element.getBeginColumn()));
    }

    /** The budget error, placed at the instruction the template is running, as Freemarker reports it. */
    private Exceeded exceeded(String message) {
        var trace = new StringWriter();
        Environment env = Environment.getCurrentEnvironment();
        if (env != null) {
            env.outputInstructionStack(new PrintWriter(trace));
        }
        Matcher m = PLACE.matcher(trace.toString());
        SourceSpan at = m.find()
                ? new SourceSpan("templates/" + m.group(1), Math.max(1, Integer.parseInt(m.group(2))),
                        Math.max(1, Integer.parseInt(m.group(3))))
                : SourceSpan.startOf("templates/" + template);
        return new Exceeded(at, message);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
