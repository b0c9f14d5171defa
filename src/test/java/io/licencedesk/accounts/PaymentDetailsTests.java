package io.licencedesk.accounts;

import static io.licencedesk.support.InWords.english;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the payment settings accept, and how they are tidied to be printed (decision 0052). */
class PaymentDetailsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GB82WEST12345698765432",
                "DE89370400440532013000",
                "FR1420041010050500013M02606",
                "NL91ABNA0417164300",
                "BE68539007547034"
            })
    void acceptsIbansWhoseCheckDigitsAgree(String iban) {
        assertThat(PaymentDetails.validIban(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765433", "DE89370400440532013001", "FR14", "1234567890123456", "GB8"})
    void refusesIbansWhoseCheckDigitsDoNotAgreeOrThatAreNoIban(String iban) {
        assertThat(PaymentDetails.validIban(iban)).isFalse();
    }

    @Test
    void tidiesWhatItPrintsSpacesOutAndCapitals() {
        PaymentSettings tidied = PaymentDetails.tidied(new PaymentSettings(
                " fr 12 345678901 ", "  RCS Paris 123  ", "de89 3704 0044 0532 0130 00", "cobadeffxxx", "  ", null));

        assertThat(tidied)
                .isEqualTo(new PaymentSettings(
                        "FR12345678901", "RCS Paris 123", "DE89370400440532013000", "COBADEFFXXX", null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            vatNumber   | 12345              |               |          |                       | starts with its country code
            iban        |                    | DE00370400440 |          |                       | not a valid IBAN
            bic         |                    | DE89370400440532013000 | DEUT  |                  | BIC of 8 or 11
            iban        |                    |               | DEUTDEFF |                       | IBAN that goes with the BIC
            paymentLink |                    |               |          | http://pay.example.com | https address
            paymentLink |                    |               |          | javascript:alert(1)   | https address
            """)
    void refusesEachFieldThatIsNotRightNamingIt(
            String field, String vatNumber, String iban, String bic, String link, String message) {
        PaymentSettingsRefusedException refused = catchThrowableOfType(
                PaymentSettingsRefusedException.class,
                () -> PaymentDetails.tidied(new PaymentSettings(vatNumber, null, iban, bic, null, link)));

        assertThat(refused.field()).isEqualTo(field);
        assertThat(english(refused)).contains(message);
    }
}
