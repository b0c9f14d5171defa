package io.licencedesk.web;

import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.stereotype.Component;

/**
 * A value as a history records it, shown as the page writes such values: the history keeps dates as ISO text
 * ("2027-01-06") and amounts as a currency code and a plain number ("EUR 12.00", {@link Money#toString()}), which the
 * licence page and the audit log showed as they were, beside "6 Jan 2027" and "€12.00" everywhere else. Anything else
 * (names, notes, numbers) is shown as recorded. Used by {@code fragments/changes.html} as {@code @recordedValues}.
 * A setting switched on or off ("true", "false") reads "Yes" or "No", and a moment (an endpoint's creation,
 * "2026-12-05T13:09:56.482466Z") as the log writes its own times, and a rate ("20.00") with the page's decimal
 * separator, in the page's language.
 */
@Component("recordedValues")
public class RecordedValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("([A-Z]{3}) (-?\\d{1,15}(\\.\\d{1,4})?)");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}\\.(\\d{1,4})");
    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private final MessageSource messages;

    @Autowired
    public RecordedValues(MessageSource messages) {
        this.messages = messages;
    }

    /** Without the application's words: "true" and "false" are then shown as recorded. */
    RecordedValues() {
        this(new StaticMessageSource());
    }

    public String shown(String recorded, Locale locale) {
        if (recorded == null) {
            return null;
        }
        try {
            if (recorded.equals("true") || recorded.equals("false")) {
                return messages.getMessage("history.value." + recorded, null, recorded, locale);
            }
            if (MOMENT.matcher(recorded).matches()) {
                return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", locale)
                        .format(Instant.parse(recorded).atZone(ZoneId.systemDefault()));
            }
            var decimal = DECIMAL.matcher(recorded);
            if (decimal.matches()) {
                // a rate such as the VAT rate ("20.00"): "20,00" on a French page
                NumberFormat number = NumberFormat.getNumberInstance(locale);
                number.setGroupingUsed(false);
                number.setMinimumFractionDigits(decimal.group(1).length());
                number.setMaximumFractionDigits(decimal.group(1).length());
                return number.format(new BigDecimal(recorded));
            }
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
