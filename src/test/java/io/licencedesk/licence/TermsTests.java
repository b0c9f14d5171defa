package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The terms a plan may have: months or years, or days alone, up to 10 years (decision 0083). */
class TermsTests {

    @ParameterizedTest
    @CsvSource({
        "P1M, P1M",
        "p3m, P3M",
        " P1Y , P1Y",
        "P1Y6M, P1Y6M",
        "P18M, P18M",
        "P10Y, P10Y",
        "P120M, P120M",
        "P7D, P7D",
        "P30D, P30D",
        "P3652D, P3652D"
    })
    void readsTheTermsPlansAreSoldFor(String text, String term) {
        assertThat(Terms.parseOrNull(text)).isEqualTo(Period.parse(term));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "P1W", "P2W", "P1M1D", "P1Y1D", "P1Y2M3D", "P1W2D", "-P-1M", "+P1M", "P-1M", "P0D", "P0M", "P0Y0M", "P",
                "", "P11Y", "P121M", "P10Y1M", "P3653D", "P99999D", "1M", "monthly", "PT24H"
            })
    void refusesWeeksMonthsWithDaysSignsAndTermsOverTenYears(String text) {
        assertThat(Terms.parseOrNull(text)).as(text).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M1D", "P7D", "P1Y"})
    void aPeriodIsSupportedAsItsTextIs(String term) {
        Period period = Period.parse(term);
        assertThat(Terms.isSupported(period)).isEqualTo(Terms.parseOrNull(term) != null);
        assertThat(Terms.isSupported(Period.ofWeeks(1))).isTrue(); // seven days, however it was built
        assertThat(Terms.isSupported(null)).isFalse();
    }
}
