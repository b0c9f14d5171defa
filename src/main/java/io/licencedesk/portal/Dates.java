package io.licencedesk.portal;

import io.licencedesk.shared.Language;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;

/** Dates in messages, written as the pages show them: "29 Nov 2026", "29 nov. 2026" (decision 0053). */
final class Dates {

    private Dates() {}

    static String format(LocalDate date) {
        var context = LocaleContextHolder.getLocaleContext();
        var language = Language.of(context == null ? null : context.getLocale()).orElse(Language.DEFAULT);
        return date == null
                ? ""
                : DateTimeFormatter.ofPattern("d MMM yyyy", language.locale()).format(date);
    }
}
