package io.licencedesk.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A search term that is a coupon code written in groups, as people write one and as the portal's placeholder shows it
 * ("AB12 CD34", "ab12-cd34"). The code is stored without its separators, so a "contains" search for the term as typed
 * never met it (decision 0152). Searches look for the code this gives beside the term as typed, which still finds names
 * and notes that contain a space ("Lobby screens").
 */
public final class GroupedCode {

    /**
     * What may stand between the characters of a code. Besides the space and hyphen a person types, a code pasted
     * from an e-mail, a PDF or a word processor often holds a no-break or zero-width space, a soft hyphen, or an en
     * dash where the account manager typed a hyphen. Compiled once: an import parses a code on each of a million rows.
     */
    public static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Zs}\\u200B\\u2060\\uFEFF\\p{Pd}\\u00AD\\u2212-]");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{8}");

    private GroupedCode() {}

    /**
     * The code, upper-case and without separators, when the term is a whole coupon code written with at least one
     * separator; null otherwise (a code typed without separators is found by the term itself).
     */
    public static String of(String term) {
        if (term == null) {
            return null;
        }
        String stripped = term.strip();
        String compact = SEPARATORS.matcher(stripped).replaceAll("");
        if (compact.length() == stripped.length() || !CODE.matcher(compact).matches()) {
            return null;
        }
        return compact.toUpperCase(Locale.ROOT);
    }
}
