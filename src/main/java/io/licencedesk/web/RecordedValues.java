package io.licencedesk.web;

import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A value as a history records it, shown as the page writes such values: the history keeps dates as ISO text
 * ("2027-01-06") and amounts as a currency code and a plain number ("EUR 12.00", {@link Money#toString()}), which the
 * licence page and the audit log showed as they were, beside "6 Jan 2027" and "€12.00" everywhere else. Anything else
 * (names, notes, numbers) is shown as recorded. Used by {@code fragments/changes.html} as {@code @recordedValues}.
 */
@Component("recordedValues")
public class RecordedValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("([A-Z]{3}) (-?\\d{1,15}(\\.\\d{1,4})?)");

    public String shown(String recorded, Locale locale) {
        if (recorded == null) {
            return null;
        }
        try {
            if (DATE.matcher(recorded).matches()) {
                return DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(LocalDate.parse(recorded));
            }
            var amount = AMOUNT.matcher(recorded);
            if (amount.matches()) {
                return Money.of(new BigDecimal(amount.group(2)), Currency.getInstance(amount.group(1)))
                        .formatted(locale);
            }
        } catch (RuntimeException notSuchAValue) {
            // a name that merely looks like a date or an amount ("2026-02-30", "ABC 1"): shown as it was recorded
        }
        return recorded;
    }
}
