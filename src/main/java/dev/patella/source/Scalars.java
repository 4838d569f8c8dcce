package dev.patella.source;

import dev.patella.model.RepRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads single values (numbers, truth values, dates, ranges, choices) for {@link Fields}. Each
 * method returns the value, or empty after reporting through the {@link Fields} why the value
 * cannot be used; the read then fails.
 */
final class Scalars {

    /** The first year a date on a page may have: an earlier one is a year typed wrong. */
    static final int FIRST_YEAR = 1900;
    /** A date's form, YYYY-MM-DD, whether or not the day exists. */
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** A whole number of a few digits, as text: "3" written in quotes. */
    private static final Pattern QUOTED_NUMBER = Pattern.compile("\\s*\\d{1,6}\\s*");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,4})\\s*(?:[-\u2013]\\s*(\\d{1,4}))?\\s*");

    private Scalars() {
    }

    /** @param noneByLeavingOut whether leaving the field out says "none", which a 0 below {@code min} meant */
    static Optional<Integer> integer(Fields f, String key, YNode n, int min, int max, boolean noneByLeavingOut) {
        if (n instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.INTEGER) {
            try {
                int value = Integer.parseInt(s.text().replace("_", ""));
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
                f.error("schema.invalid-value", n.at(), "\"" + key + "\" in the " + f.what() + " must be from " + min
                        + " to " + max + ", but it is " + value + (noneByLeavingOut && value == 0 && min > 0
                        ? "; for none, remove the line" : ""));
                return Optional.empty();
            } catch (NumberFormatException e) {
                // too large for an int: reported below
            }
        }
        if (n instanceof YNode.YScalar s && quotedNumber(s, min, max)) {
            // "sets: "3"", quoted as the shipped reps: "10-15" is: the quotes make it a text
            f.error("schema.wrong-type", n.at(), "\"" + key + "\" in the " + f.what() + " must be a whole number, "
                    + "but it is in quotes, which makes it a text; remove the quotes: " + key + ": "
                    + s.text().strip());
            return Optional.empty();
        }
        boolean zero = n instanceof YNode.YScalar s && s.text().strip().equals("0");
        return f.wrong(key, n, "a whole number from " + min + " to " + max + (noneByLeavingOut && zero && min > 0
                ? " (for none, remove the line)" : ""));
    }

    /** Whether {@code s} is a number from {@code min} to {@code max} written in quotes, so read as text. */
    private static boolean quotedNumber(YNode.YScalar s, int min, int max) {
        if (s.type() != YNode.YScalar.Type.STRING || !QUOTED_NUMBER.matcher(s.text()).matches()) {
            return false;
        }
        int value = Integer.parseInt(s.text().strip());
        return value >= min && value <= max;
    }

    /**
     * A truth value: {@code true} or {@code false}, or one of the words the YAML reader takes for
     * them ({@code yes} and {@code on}; {@code no} and {@code off}), which editors write too:
     * {@code draft: yes} is a draft. Anything else is an error that asks for true or false.
     */
    /** A truth value written in quotes, which YAML reads as a text. */
    private static final Pattern QUOTED_TRUTH = Pattern.compile("(?i)true|false|yes|no|on|off");

    static Optional<Boolean> truth(Fields f, String key, YNode n) {
        if (n instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.BOOLEAN) {
            return Optional.of(s.truth());
        }
        if (n instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.STRING
                && QUOTED_TRUTH.matcher(s.text().strip()).matches()) {
            // draft: "true": the quotes make it a text
            f.error("schema.wrong-type", n.at(), "\"" + key + "\" in the " + f.what() + " must be true or false, "
                    + "but it is in quotes, which makes it a text; remove the quotes: " + key + ": "
                    + s.text().strip().toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
        return f.wrong(key, n, "true or false");
    }

    static Optional<LocalDate> date(Fields f, String key, YNode n) {
        if (n instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.STRING) {
            String text = s.text().trim();
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() < FIRST_YEAR) {
                    f.error("schema.invalid-value", n.at(), mistypedYear(key, date.getYear()));
                    return Optional.empty();
                }
                return Optional.of(date);
            } catch (DateTimeParseException e) {
                Matcher written = ISO_DAY.matcher(text);
                if (written.matches()) { // the right form, but no such day: say which part is wrong
                    f.error("schema.invalid-value", n.at(), "\"" + key + "\" in the " + f.what() + " is " + text
                            + ", which is not a day of the calendar (" + noSuchDay(written) + "); write the real date");
                    return Optional.empty();
                }
            }
        }
        return f.wrong(key, n, "a date written as YYYY-MM-DD, for example 2026-11-21");
    }

    /**
     * What to say of a date whose year is before {@link #FIRST_YEAR}: a year typed wrong
     * ({@code 0206} for 2026), which a page would print as "November 21, 206".
     */
    static String mistypedYear(String key, int year) {
        return "the year of \"" + key + "\" is " + year + ", which looks mistyped (a page's dates are not before "
                + FIRST_YEAR + "); write the year with all four digits, such as 2026";
    }

    /** Why a date written as YYYY-MM-DD is not a day: its month, or the month's length. */
    private static String noSuchDay(Matcher written) {
        return notADate(List.of(Integer.parseInt(written.group(1)), Integer.parseInt(written.group(2)),
                Integer.parseInt(written.group(3))), "01").map(NotADate::why).orElse("no such day");
    }

    /** Which of a date's numbers (0 the year, 1 the month, 2 the day) makes it no date, and why. */
    record NotADate(int part, String why) {
    }

    /**
     * Why a year, then a month and a day if known, are no date of the calendar; empty when they are one.
     *
     * @param one how 1 is written in the form the date was given in ({@code 01} in YYYY-MM-DD)
     */
    static Optional<NotADate> notADate(List<Integer> parts, String one) {
        if (parts.get(0) < 1) {
            return Optional.of(new NotADate(0, "years start at " + one));
        }
        if (parts.size() < 2) {
            return Optional.empty();
        }
        int month = parts.get(1);
        if (month < 1 || month > 12) {
            return Optional.of(new NotADate(1, "the month is " + month + ", and months go from " + one + " to 12"));
        }
        if (parts.size() < 3) {
            return Optional.empty();
        }
        int day = parts.get(2);
        if (day < 1) {
            return Optional.of(new NotADate(2, "days start at " + one));
        }
        YearMonth ym = YearMonth.of(parts.get(0), month);
        if (day > ym.lengthOfMonth()) {
            return Optional.of(new NotADate(2, ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + ym.getYear() + " has " + ym.lengthOfMonth() + " days"));
        }
        return Optional.empty();
    }

    /** One number, or a range {@code 10-15}, from 1 to {@code max}, the smaller first. */
    static Optional<RepRange> range(Fields f, String key, YNode n, int max) {
        if (n instanceof YNode.YScalar s) {
            Matcher m = RANGE.matcher(s.text());
            if (m.matches()) {
                int low = Integer.parseInt(m.group(1));
                int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
                if (low >= 1 && high >= low && high <= max) {
                    return Optional.of(new RepRange(low, high));
                }
                f.error("schema.invalid-value", n.at(), "\"" + key + "\" in the " + f.what() + " must be from 1 to "
                        + max + ", with the smaller number first, as in 10-15; it is \"" + s.text().strip() + "\"");
                return Optional.empty();
            }
        }
        return f.wrong(key, n, "a number such as 10, or a range such as 10-15 with the smaller number first");
    }

    /** One of the constants of {@code type}, written in any case. */
    static <E extends Enum<E>> Optional<E> choice(Fields f, String key, YNode n, Class<E> type) {
        if (n instanceof YNode.YScalar s) {
            for (E option : type.getEnumConstants()) {
                if (option.name().equalsIgnoreCase(s.text().trim())) {
                    return Optional.of(option);
                }
            }
        }
        List<String> words = new ArrayList<>();
        for (E option : type.getEnumConstants()) {
            words.add(option.name().toLowerCase(Locale.ROOT));
        }
        return f.wrong(key, n, "one of: " + String.join(", ", words));
    }
}
