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

    @Test
    void namesEveryFieldThatIsNotRightAtOnceInTheFormsOrder() {
        var refusals = PaymentDetails.refusals(new PaymentSettings(
                "12345",
                "R".repeat(PaymentDetails.COMPANY_REGISTRATION_MAX + 1),
                "DE00370400440",
                "DEUT",
                "I".repeat(PaymentDetails.INSTRUCTIONS_MAX + 1),
                "http://pay.example.com"));

        assertThat(refusals)
                .extracting(PaymentSettingsRefusedException::field)
                .containsExactly("vatNumber", "companyRegistration", "iban", "bic", "instructions", "paymentLink");
    }

    @Test
    void aBicWithoutItsIbanIsRefusedOnTheIbanOnlyWhenTheBicItselfIsRight() {
        assertThat(PaymentDetails.refusals(new PaymentSettings(null, null, null, "DEUTDEFF", null, null)))
                .extracting(PaymentSettingsRefusedException::field)
                .containsExactly("iban");
        assertThat(PaymentDetails.refusals(new PaymentSettings(null, null, null, "DEUT", null, null)))
                .extracting(PaymentSettingsRefusedException::field)
                .containsExactly("bic");
        assertThat(PaymentDetails.refusals(
                        new PaymentSettings(null, null, "DE89370400440532013000", "DEUTDEFF", null, null)))
                .isEmpty();
    }

    @Test
    void anOverlongLinkIsRefusedForItsLengthOnly() {
        var refusals = PaymentDetails.refusals(new PaymentSettings(
                null, null, null, null, null, "ftp://" + "x".repeat(PaymentDetails.PAYMENT_LINK_MAX)));

        assertThat(refusals).singleElement().satisfies(refused -> {
            assertThat(refused.field()).isEqualTo("paymentLink");
            assertThat(english(refused)).contains(String.valueOf(PaymentDetails.PAYMENT_LINK_MAX));
        });
    }
}
