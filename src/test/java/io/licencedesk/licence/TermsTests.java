package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.Language;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 month            | P1M
            3 months           | P3M
            1 Year             | P1Y
            1 year 6 months    | P1Y6M
            1 year, 6 months   | P1Y6M
            1 year and 6 months| P1Y6M
            18 months          | P18M
            30 days            | P30D
            3,652 days         | P3652D
            1 an               | P1Y
            2 ans              | P2Y
            3 mois             | P3M
            3 mois        | P3M
            1 an 6 mois        | P1Y6M
            1 an et 6 mois     | P1Y6M
            1 année            | P1Y
            3 652 jours   | P3652D
            6mois              | P6M
            P3M                | P3M
            """)
    void readsATermAsPeopleWriteItInEnglishOrFrench(String text, String term) {
        assertThat(Terms.parseWrittenOrNull(text)).as(text).isEqualTo(Period.parse(term));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1 week",
                "2 semaines",
                "1 month 1 day",
                "11 years",
                "121 months",
                "3653 days",
                "0 months",
                "month",
                "1",
                "1 month 2 months",
                "1 mois 1 month",
                "-1 month",
                "1.5 months",
                "1 fortnight",
                "1 year6 months",
                "un mois",
                "P1W",
                "10 years 1 month"
            })
    void refusesWrittenTermsThatAreNotOnesPlansAreSoldFor(String text) {
        assertThat(Terms.parseWrittenOrNull(text)).as(text).isNull();
    }

    @Test
    void refusesALongTextAtOnceWithoutReadingItAsATerm() {
        assertThat(Terms.parseWrittenOrNull("1 month ".repeat(100_000))).isNull();
        assertThat(Terms.parseWrittenOrNull(null)).isNull();
    }

    /** Every term a plan may have reads back from the words the console shows it in, in each language. */
    @Test
    void everySupportedTermReadsBackFromItsDescriptionInEachLanguage() {
        List<Period> terms = new ArrayList<>();
        for (int months = 1; months <= 120; months++) {
            terms.add(Period.ofMonths(months));
            terms.add(Period.ofMonths(months).normalized());
        }
        for (int days = 1; days <= 3652; days++) {
            terms.add(Period.ofDays(days));
        }
        for (Period term : terms) {
            for (Language language : Language.values()) {
                String written = Terms.describe(term, language.locale());
                assertThat(Terms.parseWrittenOrNull(written))
                        .as("%s written in %s as %s", term, language, written)
                        .isEqualTo(term);
            }
        }
    }

    /** A price is "per month", not "per 1 month" (the console's amount read "par 1 mois" in French). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            P1M    | per month     | par mois
            P3M    | per 3 months  | tous les 3 mois
            P1Y    | per year      | par an
            P2Y    | per 2 years   | tous les 2 ans
            P1Y6M  | per 18 months | tous les 18 mois
            P1D    | per day       | par jour
            P30D   | per 30 days   | tous les 30 jours
            """)
    void saysWhatAPriceIsForWithoutCountingOneUnit(String term, String english, String french) {
        assertThat(Terms.per(Period.parse(term), Language.EN.locale())).isEqualTo(english);
        assertThat(Terms.per(Period.parse(term), Language.FR.locale())).isEqualTo(french);
    }

    /** No supported term is said "per 1 …", "par 1 …" or with a plural after 1, in either language. */
    @Test
    void noSupportedTermIsSaidPerOneUnitOrOneInThePlural() {
        for (int months = 1; months <= 120; months++) {
            for (Period term :
                    List.of(Period.ofMonths(months), Period.ofMonths(months).normalized())) {
                for (Language language : Language.values()) {
                    String per = Terms.per(term, language.locale());
                    String described = Terms.describe(term, language.locale());
                    assertThat(per)
                            .as(term + " " + language)
                            .doesNotContainPattern("\\b1 |\\b1\\s*(months|years|days)");
                    assertThat(described)
                            .as(term + " " + language)
                            .doesNotContainPattern("\\b1 (months|years|days|ans|jours)\\b");
                }
            }
        }
    }
}
