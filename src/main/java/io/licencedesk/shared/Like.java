package io.licencedesk.shared;

import java.util.Locale;

/** Builds SQL LIKE patterns from what a user typed, so that % and _ match themselves. */
public final class Like {

    private Like() {}

    /**
     * Whether anything stored can contain this term. Text with control characters (NUL among them, which
     * PostgreSQL refuses in a query) is never accepted into a field, so a search for it matches nothing and is
     * not run.
     */
    public static boolean canMatch(String term) {
        return term == null || !ControlCharacters.in(term);
    }

    /** A lower-case "contains" pattern for the trimmed term, or null when there is nothing to search for. */
    public static String containing(String term) {
        String trimmed = term == null ? "" : term.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String escaped = trimmed.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
