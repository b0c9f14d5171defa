package io.licencedesk.invoicing;

import io.licencedesk.shared.Language;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invoice line's term in a reader's words: its dates, or for a term not started yet its length "from the day it
 * is first used". The invoice recorded the term's label in English when it was issued (decision 0053); a term not
 * started is read back from it. The messages files are read as they are, without falling back to the server's own
 * language, as {@code licence.Terms} does, so that pages, e-mails and PDFs say the same.
 */
final class InvoiceTerms {

    private static final Pattern NOT_STARTED = Pattern.compile("(.+) from the day it is first used");
    private static final Pattern TERM_PART = Pattern.compile("(\\d+) (year|month|day)s?");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private InvoiceTerms() {}

    /** "1 Dec 2026 – 31 Dec 2026", "1 déc. 2026 – 31 déc. 2026", "1 mois à compter du jour de la première utilisation". */
    static String describe(Invoice.Line line, Locale locale) {
        Locale language = language(locale);
        ResourceBundle words = words(language);
        if (line.termStart() != null && line.termEnd() != null) {
            var day = DateTimeFormatter.ofPattern("d MMM yyyy", language);
            return text(
                    words, language, "invoice.term.dates", day.format(line.termStart()), day.format(line.termEnd()));
        }
        Matcher notStarted = NOT_STARTED.matcher(line.termLabel());
        if (!notStarted.matches()) {
            return line.termLabel();
        }
        List<String> parts = new ArrayList<>();
        Matcher part = TERM_PART.matcher(notStarted.group(1));
        while (part.find()) {
            parts.add(text(words, language, "term." + part.group(2), Integer.parseInt(part.group(1))));
        }
        return text(words, language, "invoice.term.fromFirstUse", String.join(" ", parts));
    }

    /** The language an invoice is written in for this reader: English for one LicenceDesk does not speak. */
    static Locale language(Locale locale) {
        return Language.of(locale).orElse(Language.DEFAULT).locale();
    }

    /** The messages files of that language, without the server's own language as a fallback. */
    static ResourceBundle words(Locale language) {
        return ResourceBundle.getBundle("messages", language, NO_FALLBACK);
    }

    static String text(ResourceBundle words, Locale language, String key, Object... arguments) {
        return new MessageFormat(words.getString(key), language).format(arguments);
    }
}
