package dev.patella.render;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;

/** What ICU knows of a language: its name in itself and its writing direction. */
final class LanguageNames {

    private LanguageNames() {
    }

    /** The language's name in itself, capitalised as a switcher shows it: {@code Español}, {@code English}. */
    static String name(String code) {
        ULocale locale = ULocale.forLanguageTag(code);
        String name = locale.getDisplayName(locale);
        if (name.isEmpty()) {
            return code;
        }
        int first = name.offsetByCodePoints(0, 1);
        return UCharacter.toUpperCase(locale, name.substring(0, first)) + name.substring(first);
    }

    /** {@code rtl} for a language written right to left (Arabic, Hebrew), else {@code ltr}. */
    static String dir(String code) {
        return ULocale.forLanguageTag(code).isRightToLeft() ? "rtl" : "ltr";
    }
}
