package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an invoice carries the reverse charge instead of VAT (decision 0052). */
class VatRuleTests {

    @ParameterizedTest(name = "seller {0}, buyer {1}: reverse charge {2}")
    @CsvSource(nullValues = "none", textBlock = """
            FR12345678901, DE123456789,   true
            FR12345678901, de 123 456 789, true
            FR12345678901, EL123456789,   true
            FR12345678901, GR123456789,   true
            FR12345678901, FR98765432109, false
            FR12345678901, none,          false
            FR12345678901, GB123456789,   false
            FR12345678901, CHE123456789,  false
            none,          DE123456789,   false
            GB123456789,   DE123456789,   false
            """)
    void reverseChargesOnlyBetweenTwoEuCountriesWithTheBuyersVatNumber(String seller, String buyer, boolean reverse) {
        assertThat(VatRule.reverseCharged(seller, buyer)).isEqualTo(reverse);
    }

    /** Decision 0175: a business with a VAT number of a country outside the EU is outside the scope of EU VAT. */
    @ParameterizedTest(name = "seller {0}, buyer {1}: outside the EU {2}")
    @CsvSource(nullValues = "null", textBlock = """
            FR12345678901, GB123456789,       true
            FR12345678901, CHE-123.456.789,   true
            FR12345678901, no 123456789 mva,  true
            FR12345678901, DE123456789,       false
            FR12345678901, GR123456789,       false
            FR12345678901, FR98765432109,     false
            FR12345678901, 123456789,         false
            FR12345678901, null,              false
            null,          GB123456789,       false
            GB123456789,   CHE123456789,      false
            FR12345678901, XI123456789,       true
            FR12345678901, UK 123 4567 89,    true
            FR12345678901, GB 123 4567 89, true
            FR12345678901, VAT FR12345678901, false
            FR12345678901, TVA FR12345678901, false
            FR12345678901, USt-IdNr. DE123456789, false
            FR12345678901, BTW NL123456789B01, false
            FR12345678901, none,              false
            FR12345678901, Not registered,    false
            FR12345678901, pending,           false
            FR12345678901, RCS Paris 123 456 789, false
            FR12345678901, GBX,               false
            """)
    void aBusinessWithAVatNumberOfACountryOutsideTheEuIsOutsideItsScope(String seller, String buyer, boolean outside) {
        assertThat(VatRule.outsideEu(seller, buyer)).isEqualTo(outside);
        assertThat(VatRule.reverseCharged(seller, buyer) && outside).isFalse();
    }
}
