package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A history's recorded dates and amounts read as the page writes them; anything else as it was recorded. */
class RecordedValuesTests {

    final RecordedValues values = new RecordedValues();
    final Locale english = Locale.forLanguageTag("en-GB");
    final Locale french = Locale.FRENCH;

    @Test
    void writesDatesAndAmountsInThePagesLanguage() {
        assertThat(values.shown("2027-01-06", english)).isEqualTo("6 Jan 2027");
        assertThat(values.shown("2027-01-06", french)).isEqualTo("6 janv. 2027");
        assertThat(values.shown("EUR 12.00", english)).isEqualTo("€12.00");
        assertThat(values.shown("EUR 12.00", french)).isEqualTo("12,00\u00a0€");
    }

    @Test
    void leavesAnythingElseAsRecorded() {
        assertThat(values.shown(null, english)).isNull();
        assertThat(values.shown("Lobby screens", english)).isEqualTo("Lobby screens");
        assertThat(values.shown("2026-02-30", english)).isEqualTo("2026-02-30");
        assertThat(values.shown("XYZ 1", english)).isEqualTo("XYZ 1");
        assertThat(values.shown("12", english)).isEqualTo("12");
    }

    /** The audit log showed a setting switched on as "true" and an endpoint's creation as "2026-12-05T13:09:56Z". */
    @Test
    void writesSwitchesAndMomentsInThePagesLanguage() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var words = new RecordedValues(messages);
        assertThat(words.shown("true", english)).isEqualTo("Yes");
        assertThat(words.shown("false", english)).isEqualTo("No");
        assertThat(words.shown("true", french)).isEqualTo("Oui");
        assertThat(words.shown("false", french)).isEqualTo("Non");
        assertThat(words.shown("2026-12-05T13:09:56.482466Z", english)).matches("\\d{1,2} Dec 2026, \\d{2}:\\d{2}:56");
        assertThat(words.shown("2026-12-05T13:09:56Z", french)).matches("\\d{1,2} déc\\. 2026, \\d{2}:\\d{2}:56");
        assertThat(words.shown("2026-12-05T25:09:56Z", english)).isEqualTo("2026-12-05T25:09:56Z");
        assertThat(words.shown("True story", english)).isEqualTo("True story");
        assertThat(words.shown("19.50", english)).isEqualTo("19.50");
        assertThat(words.shown("19.50", french)).isEqualTo("19,50");
        assertThat(words.shown("1234.5", french)).isEqualTo("1234,5");
    }
}
