package io.licencedesk.invoicing;

import static io.licencedesk.support.InWords.says;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.licence.BillableLicence;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.shared.Language;
import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The invoice's own rules, without a database. */
class InvoiceTests {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 10);
    static final Organisation SELLER = new Organisation(
            1,
            "Org",
            EUR,
            30,
            "Org Ltd",
            "1 High St",
            new BigDecimal("20.00"),
            "INV",
            14,
            null,
            "billing@org.test",
            Language.EN);
    static final Client ALICE = new Client(7, "Alice", "alice@example.test", "Alice Co", "2 Low St", "GB1");

    static BillableLicence licence(Long clientId, LocalDate activatedOn) {
        return new BillableLicence(
                3,
                "AB12CD34",
                "Lobby",
                "Yearly",
                clientId,
                3,
                new Money(10_000, EUR),
                new Money(30_000, EUR),
                Period.ofYears(1),
                1,
                activatedOn,
                activatedOn == null ? null : activatedOn.plusYears(1),
                LifecycleStatus.ASSIGNED,
                BillingStatus.UNBILLED);
    }

    static Invoice issued() {
        return Invoice.issue("INV-2026-000001", SELLER, PaymentSettings.NONE, ALICE, licence(7L, null), ISSUED);
    }

    @Test
    void issuesWithTheSellersTermsAndTotals() {
        Invoice invoice = issued();

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.dueOn()).isEqualTo(ISSUED.plusDays(14));
        assertThat(invoice.seller()).isEqualTo(new Invoice.Seller("Org Ltd", "1 High St", "billing@org.test"));
        assertThat(invoice.buyer().displayName()).isEqualTo("Alice Co");
        assertThat(invoice.line().termLabel()).isEqualTo("1 year from the day it is first used");
        assertThat(invoice.line().termStart()).isNull();
        assertThat(invoice.totals())
                .isEqualTo(new Invoice.Totals(
                        new Money(30_000, EUR),
                        new BigDecimal("20.00"),
                        new Money(6_000, EUR),
                        new Money(36_000, EUR),
                        false,
                        false));
    }

    @Test
    void labelsAStartedTermWithItsDates() {
        Invoice invoice =
                Invoice.issue("INV-2026-000002", SELLER, PaymentSettings.NONE, ALICE, licence(7L, ISSUED), ISSUED);

        assertThat(invoice.line().termLabel()).isEqualTo("10 Mar 2026 – 10 Mar 2027");
        assertThat(invoice.line().termStart()).isEqualTo(ISSUED);
    }

    @Test
    void refusesALicenceWithoutAClient() {
        assertThatThrownBy(() -> Invoice.issue(
                        "INV-2026-000003", SELLER, PaymentSettings.NONE, ALICE, licence(null, null), ISSUED))
                .isInstanceOf(InvalidSelectionException.class)
                .satisfies(says("Licence AB12CD34 has no client: assign it before invoicing."));
    }

    @Test
    void recordsAPaymentOnOrAfterTheIssueDateUpToToday() {
        Invoice invoice = issued();

        invoice.markPaid(ISSUED, "  Bank transfer ", ISSUED.plusDays(3));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.paidOn()).isEqualTo(ISSUED);
        assertThat(invoice.paymentReference()).isEqualTo("Bank transfer");
        assertThat(invoice.payable()).isFalse();
    }

    @Test
    void refusesAPaymentDateInTheFutureOrBeforeTheIssueDate() {
        Invoice invoice = issued();

        assertThatThrownBy(() -> invoice.markPaid(ISSUED.plusDays(2), null, ISSUED.plusDays(1)))
                .isInstanceOf(PaymentDateRefusedException.class)
                .satisfies(says("The payment date cannot be in the future."));
        assertThatThrownBy(() -> invoice.markPaid(ISSUED.minusDays(1), null, ISSUED))
                .isInstanceOf(PaymentDateRefusedException.class)
                .satisfies(says("The payment date cannot be before the invoice was issued, on 10 Mar 2026."));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void refusesToPayAPaidOrVoidInvoice() {
        Invoice paid = issued();
        paid.markPaid(ISSUED, " ", ISSUED);
        Invoice voided = issued();
        voided.voidFor("  Wrong client ");

        assertThat(paid.paymentReference()).isNull();
        assertThatThrownBy(() -> paid.markPaid(ISSUED, null, ISSUED))
                .isExactlyInstanceOf(IllegalInvoiceChangeException.class)
                .satisfies(says("Invoice INV-2026-000001 is paid."));
        assertThatThrownBy(() -> voided.markPaid(ISSUED, null, ISSUED))
                .isExactlyInstanceOf(IllegalInvoiceChangeException.class)
                .satisfies(says("Invoice INV-2026-000001 is void."));
    }

    @Test
    void voidsOnceAndNoLongerCountsOrSends() {
        Invoice invoice = issued();

        invoice.voidFor("  Wrong client ");

        assertThat(invoice.voidReason()).isEqualTo("Wrong client");
        assertThat(invoice.counts()).isFalse();
        assertThatThrownBy(() -> invoice.voidFor("again"))
                .isInstanceOf(IllegalInvoiceChangeException.class)
                .satisfies(says("Invoice INV-2026-000001 is already void."));
        assertThatThrownBy(invoice::ensureSendable)
                .isInstanceOf(IllegalInvoiceChangeException.class)
                .satisfies(says("A void invoice cannot be sent."));
    }

    /**
     * A paid invoice is not voided (decision 0082): voiding gave its licence's term back to Unbilled with the payment
     * recorded nowhere. Its status and payment stay as they were.
     */
    @Test
    void refusesToVoidAPaidInvoice() {
        Invoice paid = issued();
        paid.markPaid(ISSUED, "BANK-1", ISSUED);

        assertThat(paid.voidable()).isFalse();
        assertThatThrownBy(() -> paid.voidFor("Refunded"))
                .isExactlyInstanceOf(IllegalInvoiceChangeException.class)
                .satisfies(says(
                        "Invoice INV-2026-000001 is paid, so it cannot be voided: the payment is recorded on it."));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.voidReason()).isNull();
        assertThat(paid.counts()).isTrue();
        assertThat(issued().voidable()).isTrue();
        assertThat(issued().voidRefusal()).isNull();
    }

    /**
     * A payment marked by mistake is removed (decision 0086): the invoice is to be paid again, in the status it had
     * before, with no payment date or reference, and can then be paid or voided like any unpaid invoice.
     */
    @Test
    void removesAPaymentBackToSentOrIssued() {
        Invoice sent = issued();
        sent.markPaid(ISSUED, "BANK-1", ISSUED);
        Invoice neverSent = issued();
        neverSent.markPaid(ISSUED, "BANK-2", ISSUED);

        sent.removePayment(true);
        neverSent.removePayment(false);

        assertThat(sent.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(neverSent.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(sent.paidOn()).isNull();
        assertThat(sent.paymentReference()).isNull();
        assertThat(sent.snapshot()).containsEntry("status", "Sent").containsEntry("paidOn", null);
        assertThat(sent.payable()).isTrue();
        assertThat(sent.voidable()).isTrue();
        assertThat(sent.paid()).isFalse();
        assertThat(sent.counts()).isTrue();
    }

    @Test
    void refusesToRemoveThePaymentOfAnInvoiceThatIsNotPaid() {
        Invoice unpaid = issued();
        Invoice voided = issued();
        voided.voidFor("Wrong client");

        assertThatThrownBy(() -> unpaid.removePayment(true))
                .isExactlyInstanceOf(IllegalInvoiceChangeException.class)
                .satisfies(says("Invoice INV-2026-000001 is issued, so it has no payment to remove."));
        assertThatThrownBy(() -> voided.removePayment(false))
                .isExactlyInstanceOf(IllegalInvoiceChangeException.class)
                .satisfies(says("Invoice INV-2026-000001 is void, so it has no payment to remove."));
        assertThat(unpaid.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
    }

    /** The date rule a form asks before sending is the one markPaid applies. */
    @Test
    void saysWhyAPaymentDateIsRefusedWithoutRecordingIt() {
        Invoice invoice = issued();

        assertThat(invoice.paymentDateRefusal(ISSUED.minusDays(1), ISSUED).code())
                .isEqualTo("reason.invoice.paidBeforeIssue");
        assertThat(invoice.paymentDateRefusal(ISSUED.plusDays(1), ISSUED).code())
                .isEqualTo("reason.invoice.paidInTheFuture");
        assertThat(invoice.paymentDateRefusal(ISSUED, ISSUED)).isNull();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
    }
}
