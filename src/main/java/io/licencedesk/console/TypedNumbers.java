package io.licencedesk.console;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Numbers as people type them in the page's language, turned into the plain form ({@code 1234.5}) that
 * {@link WholeNumber} and {@link DecimalNumber} check, and back for a form's initial value.
 *
 * <p>A French page writes {@code 1 234,50}: a comma marks the decimals and spaces group the thousands, so a French
 * owner typing the price "2,50" or the screens "1 000" the way the page writes them was refused. An English page
 * writes {@code 1,234.50}: commas group the thousands, and are taken out only where they group by three, so that
 * "2,50" on an English page stays refused rather than read as 250 or 2.5.
 */
final class TypedNumbers {

    /** A space, a no-break space or a narrow no-break space between digits, as French groups thousands. */
    private static final Pattern FRENCH_GROUPING = Pattern.compile("(?<=\\d)[ \\u00A0\\u202F](?=\\d{3}(\\D|$))");

    private static final Pattern ENGLISH_GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    private TypedNumbers() {}

    /** What was typed, stripped, with the page language's grouping taken out and its decimal mark made a dot. */
    static String plain(String typed) {
        String stripped = typed.strip();
        if (isFrench()) {
            String ungrouped = FRENCH_GROUPING.matcher(stripped).replaceAll("");
            return ungrouped.indexOf('.') < 0 ? ungrouped.replace(',', '.') : ungrouped;
        }
        return ENGLISH_GROUPED.matcher(stripped).matches() ? stripped.replace(",", "") : stripped;
    }

    /** A form's initial value as the page writes decimals: {@code 10,00} on a French page, {@code 10.00} else. */
    static String forPage(BigDecimal number) {
        String plain = number.toPlainString();
        return isFrench() ? plain.replace('.', ',') : plain;
    }

    private static boolean isFrench() {
        return Locale.FRENCH
                .getLanguage()
                .equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
