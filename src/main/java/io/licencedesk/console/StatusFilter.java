package io.licencedesk.console;

import java.util.Arrays;
import java.util.Locale;

/** Reads a status filter from the query string: an unknown or empty value means "All". */
final class StatusFilter {

    private StatusFilter() {}

    static <E extends Enum<E>> E parse(Class<E> statuses, String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(statuses.getEnumConstants())
                .filter(candidate -> candidate.name().equals(wanted))
                .findFirst()
                .orElse(null);
    }
}
