package io.licencedesk.shared;

import java.util.Locale;

/** Builds SQL LIKE patterns from what a user typed, so that % and _ match themselves. */
public final class Like {

    private Like() {}

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
