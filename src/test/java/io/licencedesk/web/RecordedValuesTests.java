package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

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
}
