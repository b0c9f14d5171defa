package io.licencedesk.web;

import io.licencedesk.shared.Money;
import io.licencedesk.shared.ShownTimes;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.stereotype.Component;

/**
 * A value as a history records it, shown as the page writes such values: the history keeps dates as ISO text
 * ("2027-01-06") and amounts as a currency code and a plain number ("EUR 12.00", {@link Money#toString()}), which the
 * licence page and the audit log showed as they were, beside "6 Jan 2027" and "€12.00" everywhere else. Used by
 * {@code fragments/changes.html} as {@code @recordedValues}.
 *
 * <p>The field says what kind of value it holds, not the value's look: a note "1.10" or a name "true" is shown as it
 * was typed, while the VAT rate "20.00" reads "20,00" on a French page. A field ending in "On" holds a day
 * ({@code endsOn}), one ending in "At" a moment ({@code createdAt}, shown as the log writes its own times); switches
 * read "Yes" or "No", amounts and rates as the page writes them. Any other field (names, notes, numbers, codes) is
 * shown as recorded.
 */
@Component("recordedValues")
public class RecordedValues {

    private static final Set<String> SWITCHES = Set.of(
            "autoRenew",
            "overduePause",
            "allTypes",
            "enabled",
            "webhooksToPrivateAddresses",
            "paused",
            "pausedForOverdue",
            "reverseCharge");
    private static final Set<String> AMOUNTS = Set.of("unitPrice", "subtotal", "vat", "total", "amount");
    private static final Set<String> RATES = Set.of("vatRate");

    private static final Pattern AMOUNT = Pattern.compile("([A-Z]{3}) (-?\\d{1,15}(\\.\\d{1,4})?)");
    /** A webhook endpoint's events, recorded by their constants' names ("INVOICE_PAID, LICENCE_PAUSED"). */
    private static final Pattern EVENT_TYPES = Pattern.compile("[A-Z]+_[A-Z_]+(?:, [A-Z]+_[A-Z_]+)*");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(?:\\.(\\d{1,4}))?");

    private final MessageSource messages;

    @Autowired
    public RecordedValues(MessageSource messages) {
        this.messages = messages;
    }

    /** Without the application's words: "true" and "false" are then shown as recorded. */
    RecordedValues() {
        this(new StaticMessageSource());
    }

    public String shown(String field, String recorded, Locale locale) {
        if (recorded == null || field == null) {
            return recorded;
        }
        try {
            if (SWITCHES.contains(field) && (recorded.equals("true") || recorded.equals("false"))) {
                return messages.getMessage("history.value." + recorded, null, recorded, locale);
            }
            if (field.equals("eventTypes") && EVENT_TYPES.matcher(recorded).matches()) {
                return wireNames(recorded);
            }
            if (field.endsWith("At")) {
                return ShownTimes.second(Instant.parse(recorded), locale);
            }
            if (field.endsWith("On")) {
                return DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(LocalDate.parse(recorded));
            }
            var decimal = DECIMAL.matcher(recorded);
            if (RATES.contains(field) && decimal.matches()) {
                int places = decimal.group(1) == null ? 0 : decimal.group(1).length();
                NumberFormat number = NumberFormat.getNumberInstance(locale);
                number.setGroupingUsed(false);
                number.setMinimumFractionDigits(places);
                number.setMaximumFractionDigits(places);
                return number.format(new BigDecimal(recorded));
            }
            var amount = AMOUNT.matcher(recorded);
            if (AMOUNTS.contains(field) && amount.matches()) {
                return Money.of(new BigDecimal(amount.group(2)), Currency.getInstance(amount.group(1)))
                        .formatted(locale);
            }
        } catch (RuntimeException notSuchAValue) {
            // a value its field does not usually hold ("2026-02-30", "ABC 1"): shown as it was recorded
        }
        return recorded;
    }

    /**
     * The events as the Webhooks page, the guide and the events themselves name them ("invoice.paid, licence.paused"):
     * each constant's name is its wire name in capitals, with an underscore for the dot after the object.
     */
    private static String wireNames(String recorded) {
        return Arrays.stream(recorded.split(", "))
                .map(name -> name.toLowerCase(Locale.ROOT).replaceFirst("_", "."))
                .collect(Collectors.joining(", "));
    }
}
