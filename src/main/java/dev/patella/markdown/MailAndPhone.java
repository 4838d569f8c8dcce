package dev.patella.markdown;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the address of a {@code mailto:} or {@code tel:} link, which a browser hands to the
 * reader's mail or phone program: one without an @, or a phone number without digits, goes nowhere.
 */
final class MailAndPhone {

    /** A phone number as written after tel:, once %20 is read as a space. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9()\\-. ]*[0-9][0-9()\\-. ]*");

    private MailAndPhone() {
    }

    /** What is wrong with {@code address} and how to fix it; empty when it is no mailto: or tel: link, or a good one. */
    static Optional<String> problem(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            String rest = decoded(address.substring("mailto:".length()));
            int query = rest.indexOf('?');
            String to = (query < 0 ? rest : rest.substring(0, query)).strip();
            long ats = to.chars().filter(c -> c == '@').count();
            if (ats == 1 && to.indexOf(' ') < 0 && !to.startsWith("@") && !to.endsWith("@")) {
                return Optional.empty();
            }
            String fixed = ats == 0 && to.matches("\\S+ \\S+\\.\\S+") ? to.replace(' ', '@') : "name@example.org";
            return Optional.of("the e-mail address \"" + to + "\" of this mailto: link " + (ats == 0 ? "has no @"
                    : ats > 1 ? "has more than one @" : "is not a whole address") + ", so it reaches no one; write the "
                    + "whole address, one name, @ and the domain, with no space, as in mailto:" + fixed);
        }
        if (lower.startsWith("tel:")) {
            String number = decoded(address.substring("tel:".length())).strip();
            if (PHONE.matcher(number).matches()) {
                return Optional.empty();
            }
            return Optional.of("\"" + number + "\" after tel: is not a phone number, so the link calls no one; write "
                    + "the number in digits (with + ( ) - . if you like, and %20 for a space), as in tel:+1-555-0100");
        }
        return Optional.empty();
    }

    /** {@code text} with each %xx read as its byte (UTF-8); a % not followed by two hex digits stays as it is. */
    private static String decoded(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
