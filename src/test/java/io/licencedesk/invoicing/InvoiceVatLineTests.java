package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The VAT line each place gives, from its one source (decision 0181), in English and French, for each of the three
 * cases. The texts are those the PDF, the pages and the e-mail wrote before each wrote its own: the French rate with
 * decimals ("8,1"), the portal's rate and the e-mail in French outside the EU had no test.
 */
class InvoiceVatLineTests {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Money NET = new Money(2_997, EUR);
    static final Locale DE = Locale.GERMANY;

    static Invoice.Totals at(String rate) {
        return Invoice.Totals.of(NET, new BigDecimal(rate));
    }

    @Test
    void theRateAsPeopleWriteItInEachPlace() {
        assertThat(at("8.10").vatLine("invoice.pdf", Locale.UK)).isEqualTo("VAT 8.1%");
        assertThat(at("8.10").vatLine("invoice.pdf", Locale.FRANCE)).isEqualTo("TVA 8,1\u00a0%");
        assertThat(at("5.50").vatLine("invoice.pdf", Locale.FRANCE)).isEqualTo("TVA 5,5\u00a0%");
        assertThat(at("20.00").vatLine("invoice.pdf", Locale.UK)).isEqualTo("VAT 20%");
        assertThat(at("20.00").vatLine("invoice.pdf", Locale.FRANCE)).isEqualTo("TVA 20\u00a0%");
        assertThat(at("7.25").vatLine("invoice.pdf", Locale.UK)).isEqualTo("VAT 7.25%");

        assertThat(at("8.10").vatLine("portal.invoice", Locale.UK)).isEqualTo("8.1%: €2.43");
        assertThat(at("8.10").vatLine("portal.invoice", Locale.FRANCE)).isEqualTo("8,1\u00a0%\u00a0: 2,43\u00a0€");

        assertThat(at("8.10").vatLine("invoice.email.amounts", Locale.UK))
                .isEqualTo("Before VAT €29.97, VAT at 8.1% €2.43, total €32.40 (EUR).");
        assertThat(at("8.10").vatLine("invoice.email.amounts", Locale.FRANCE))
                .isEqualTo("Hors TVA 29,97\u00a0€, TVA à 8,1\u00a0% 2,43\u00a0€, total 32,40\u00a0€ (EUR).");
    }

    /** Each place's line for a reverse charge and for a sale outside EU VAT, in a language. */
    record NoVat(String words, Locale locale, String reverseCharge, String outsideEuVat) {}

    @Test
    void whyNoVatIsChargedInEachPlace() {
        List<NoVat> lines = List.of(
                new NoVat("invoice.pdf", Locale.UK, "VAT 0% (reverse charge)", "VAT 0% (outside EU VAT)"),
                new NoVat(
                        "invoice.pdf", Locale.FRANCE, "TVA 0\u00a0% (autoliquidation)", "TVA 0\u00a0% (hors champ UE)"),
                new NoVat(
                        "portal.invoice",
                        Locale.UK,
                        "0%: reverse charge, you account for the VAT",
                        "0%: outside the scope of EU VAT, your business being established outside the EU"),
                new NoVat(
                        "portal.invoice",
                        Locale.FRANCE,
                        "0\u00a0%\u00a0: autoliquidation, la TVA est à votre charge",
                        "0\u00a0%\u00a0: hors du champ de la TVA de l’UE, votre entreprise étant établie hors de l’UE"),
                new NoVat(
                        "invoice.email.amounts",
                        Locale.UK,
                        "Before VAT €29.97, no VAT (reverse charge), total €29.97 (EUR).",
                        "Before VAT €29.97, no VAT (outside the scope of EU VAT), total €29.97 (EUR)."),
                new NoVat(
                        "invoice.email.amounts",
                        Locale.FRANCE,
                        "Hors TVA 29,97\u00a0€, pas de TVA (autoliquidation), total 29,97\u00a0€ (EUR).",
                        "Hors TVA 29,97\u00a0€, pas de TVA (hors du champ de la TVA de l’UE), total 29,97\u00a0€ (EUR)."));
        for (NoVat line : lines) {
            assertThat(Invoice.Totals.reverseCharged(NET).vatLine(line.words(), line.locale()))
                    .as(line.words() + " " + line.locale())
                    .isEqualTo(line.reverseCharge());
            assertThat(Invoice.Totals.outsideEuVat(NET).vatLine(line.words(), line.locale()))
                    .as(line.words() + " " + line.locale())
                    .isEqualTo(line.outsideEuVat());
        }
    }

    @Test
    void whyNoVatIsChargedWithTheLawsArticleForThePdfAndTheEmail() {
        assertThat(at("8.10").noVatMention(Locale.UK)).isNull();
        assertThat(Invoice.Totals.reverseCharged(NET).noVatMention(Locale.UK))
                .isEqualTo("Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive"
                        + " 2006/112/EC).");
        assertThat(Invoice.Totals.reverseCharged(NET).noVatMention(Locale.FRANCE))
                .isEqualTo("Autoliquidation\u00a0: TVA due par le preneur (article 196 de la directive 2006/112/CE du"
                        + " Conseil).");
        assertThat(Invoice.Totals.outsideEuVat(NET).noVatMention(Locale.FRANCE))
                .isEqualTo("TVA non applicable\u00a0: prestation de services à un preneur assujetti établi hors de"
                        + " l’Union européenne (article 44 de la directive 2006/112/CE du Conseil).");
    }

    @Test
    void aLanguageNotSpokenHereReadsEnglish() {
        assertThat(at("8.10").vatLine("invoice.pdf", DE)).isEqualTo("VAT 8.1%");
        assertThat(at("8.10").vatLine("portal.invoice", null)).isEqualTo("8.1%: €2.43");
    }
}
