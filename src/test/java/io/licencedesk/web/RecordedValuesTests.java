package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A history's recorded dates, amounts, rates and switches read as the page writes them; anything else as recorded. */
class RecordedValuesTests {

    final RecordedValues values = new RecordedValues();
    final Locale english = Locale.forLanguageTag("en-GB");
    final Locale french = Locale.FRENCH;

    @Test
    void writesDatesAndAmountsInThePagesLanguage() {
        assertThat(values.shown("endsOn", "2027-01-06", english)).isEqualTo("6 Jan 2027");
        assertThat(values.shown("paidOn", "2027-01-06", french)).isEqualTo("6 janv. 2027");
        assertThat(values.shown("unitPrice", "EUR 12.00", english)).isEqualTo("€12.00");
        assertThat(values.shown("total", "EUR 12.00", french)).isEqualTo("12,00\u00a0€");
    }

    /** The audit log named an endpoint's events INVOICE_PAID, LICENCE_PAUSED where its page says invoice.paid. */
    @Test
    void namesAWebhookEndpointsEventsAsThePageAndTheEventsDo() {
        assertThat(values.shown("eventTypes", "INVOICE_PAID, LICENCE_EXPIRING_SOON, LICENCE_PAUSED", english))
                .isEqualTo("invoice.paid, licence.expiring_soon, licence.paused");
        assertThat(values.shown("eventTypes", "INVOICE_PAYMENT_REMOVED", french))
                .isEqualTo("invoice.payment_removed");
        assertThat(values.shown("eventTypes", "", english)).isEmpty();
        assertThat(values.shown("name", "LICENCE_PAUSED", english)).isEqualTo("LICENCE_PAUSED");
    }

    @Test
    void leavesAnythingElseAsRecorded() {
        assertThat(values.shown("name", null, english)).isNull();
        assertThat(values.shown("name", "Lobby screens", english)).isEqualTo("Lobby screens");
        assertThat(values.shown("endsOn", "2026-02-30", english)).isEqualTo("2026-02-30");
        assertThat(values.shown("unitPrice", "XYZ 1", english)).isEqualTo("XYZ 1");
        assertThat(values.shown("quantity", "12", english)).isEqualTo("12");
    }

    /**
     * The audit log showed a note "1.10" as "1,10" on a French page, and a name "true" as "Yes": values were read by
     * their look, whatever the field. Free text is now shown as it was typed.
     */
    @Test
    void showsFreeTextAsTypedWhateverItLooksLike() {
        var words = englishAndFrenchWords();
        assertThat(words.shown("note", "1.10", french)).isEqualTo("1.10");
        assertThat(words.shown("name", "true", english)).isEqualTo("true");
        assertThat(words.shown("name", "2027-01-06", english)).isEqualTo("2027-01-06");
        assertThat(words.shown("description", "2026-12-05T13:09:56Z", english)).isEqualTo("2026-12-05T13:09:56Z");
        assertThat(words.shown("paymentReference", "EUR 12.00", french)).isEqualTo("EUR 12.00");
    }

    /** The audit log showed a setting switched on as "true" and an endpoint's creation as "2026-12-05T13:09:56Z". */
    @Test
    void writesSwitchesMomentsAndRatesInThePagesLanguage() {
        var words = englishAndFrenchWords();
        assertThat(words.shown("enabled", "true", english)).isEqualTo("Yes");
        assertThat(words.shown("overduePause", "false", english)).isEqualTo("No");
        assertThat(words.shown("autoRenew", "true", french)).isEqualTo("Oui");
        assertThat(words.shown("allTypes", "false", french)).isEqualTo("Non");
        assertThat(words.shown("createdAt", "2026-12-05T13:09:56.482466Z", english))
                .matches("\\d{1,2} Dec 2026, \\d{2}:\\d{2}:56 \\S+");
        assertThat(words.shown("revokedAt", "2026-12-05T13:09:56Z", french))
                .matches("\\d{1,2} déc\\. 2026, \\d{2}:\\d{2}:56 \\S+");
        assertThat(words.shown("createdAt", "2026-12-05T25:09:56Z", english)).isEqualTo("2026-12-05T25:09:56Z");
        assertThat(words.shown("enabled", "True story", english)).isEqualTo("True story");
        assertThat(words.shown("vatRate", "19.50", english)).isEqualTo("19.50");
        assertThat(words.shown("vatRate", "19.50", french)).isEqualTo("19,50");
        assertThat(words.shown("vatRate", "1234.5", french)).isEqualTo("1234,5");
        assertThat(words.shown("vatRate", "20", french)).isEqualTo("20");
    }

    private static RecordedValues englishAndFrenchWords() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new RecordedValues(messages);
    }
}
