package io.licencedesk.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in messages, written as the pages show them ("29 Nov 2026"). */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Dates() {}

    static String format(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
