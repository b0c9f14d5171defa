package io.licencedesk.invoicing;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.licence.BillableLicence;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An invoice for one term of a licence, recording seller, buyer, line and totals as they were on the issue
 * date. It is issued from a billable licence, then paid or voided by its own methods, which refuse what
 * its status or dates do not allow; what it records when issued never changes.
 */
public final class Invoice {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /**
     * Who issued the invoice, and how to pay them (decision 0052): VAT number, company registration and payment
     * details as they were on the issue date; any may be null.
     */
    public record Seller(
            String name, String address, String email, String vatNumber, String registration, Payment payment) {

        /** A seller who gave no VAT number, registration or payment details. */
        public Seller(String name, String address, String email) {
            this(name, address, email, null, null, Payment.NONE);
        }
    }

    /** How to pay: a bank account (IBAN and BIC), free instructions, a payment link; any may be null. */
    public record Payment(String iban, String bic, String instructions, String link) {

        static final Payment NONE = new Payment(null, null, null, null);

        /** Whether it says anything at all. */
        public boolean given() {
            return iban != null || instructions != null || link != null;
        }

        /** The IBAN in groups of four, as people read it out. */
        public String ibanGrouped() {
            return iban == null ? null : iban.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    /** Who is billed. */
    public record Buyer(String name, String company, String email, String address, String vatNumber) {

        /** The buyer block's first line: the company when there is one, else the person. */
        public String displayName() {
            return company == null || company.isBlank() ? name : company;
        }
    }

    /** What is billed: a licence's term. An Assigned licence's term has no dates until it is activated. */
    public record Line(
            long licenceId,
            int termNumber,
            String licenceName,
            String couponCode,
            String planName,
            int quantity,
            Money unitPrice,
            LocalDate termStart,
            LocalDate termEnd,
            String termLabel) {

        /**
         * The term in the language of the request being answered, English outside a request, as
         * {@code Money.formatted()} does: its dates, or its length from the day it is first used. {@link #termLabel}
         * is the English recorded when the invoice was issued.
         */
        public String term() {
            LocaleContext context = LocaleContextHolder.getLocaleContext();
            return term(context == null ? null : context.getLocale());
        }

        /** The term in a named reader's language (English for one LicenceDesk does not speak). */
        public String term(Locale locale) {
            return InvoiceTerms.describe(this, locale);
        }
    }

    /**
     * The amounts, in the invoice's one currency: VAT is the subtotal at the seller's rate, rounded half up, or none
     * when the buyer accounts for it (reverse charge, decision 0052) or the sale is outside the scope of EU VAT (a
     * business established outside the EU, decision 0175).
     */
    public record Totals(
            Money subtotal, BigDecimal vatRate, Money vat, Money total, boolean reverseCharge, boolean outsideEuVat) {

        /**
         * The VAT line in a reader's language, chosen here for the PDF, the e-mail and the console's and the portal's
         * pages (decision 0181): at the seller's rate as people write it ("8.1" in English, "8,1" in French, "20" for
         * 20.00), or why none is charged. {@code words} names the place's messages {@code words.vatRate}, {@code
         * words.vatReverseCharge} and {@code words.vatOutsideEu}; each is given the rate {0}, the VAT {1}, the amount
         * before VAT {2}, the total {3} and the currency's code {4}, and uses those it needs.
         */
        public String vatLine(String words, Locale locale) {
            Locale language = InvoiceTerms.language(locale);
            ResourceBundle messages = InvoiceTerms.words(language);
            String rate = vatRate.stripTrailingZeros()
                    .toPlainString()
                    .replace(".", messages.getString("invoice.decimalSeparator"));
            String line = reverseCharge ? "vatReverseCharge" : outsideEuVat ? "vatOutsideEu" : "vatRate";
            return InvoiceTerms.text(
                    messages,
                    language,
                    words + "." + line,
                    rate,
                    vat.formatted(language),
                    subtotal.formatted(language),
                    total.formatted(language),
                    total.currency().getCurrencyCode());
        }

        /**
         * Why no VAT is charged, with the law's article, as the PDF's terms and the e-mail give it (decisions 0052,
         * 0175); null when VAT is charged. Chosen beside {@link #vatLine}, for the same reasons.
         */
        public String noVatMention(Locale locale) {
            if (!reverseCharge && !outsideEuVat) {
                return null;
            }
            return InvoiceTerms.words(InvoiceTerms.language(locale))
                    .getString(reverseCharge ? "invoice.pdf.reverseChargeVatToBe" : "invoice.pdf.outsideEuVat");
        }

        static Totals of(Money subtotal, BigDecimal vatRate) {
            Money vat = subtotal.percent(vatRate);
            return new Totals(subtotal, vatRate, vat, subtotal.plus(vat), false, false);
        }

        /** No VAT charged: the buyer, VAT-registered in another EU country, accounts for it. */
        static Totals reverseCharged(Money subtotal) {
            return new Totals(
                    subtotal, BigDecimal.ZERO.setScale(2), subtotal.percent(BigDecimal.ZERO), subtotal, true, false);
        }

        /** No VAT charged: the buyer is a business established outside the EU (article 44 of the VAT Directive). */
        static Totals outsideEuVat(Money subtotal) {
            return new Totals(
                    subtotal, BigDecimal.ZERO.setScale(2), subtotal.percent(BigDecimal.ZERO), subtotal, false, true);
        }

        static Totals of(Money subtotal, BigDecimal vatRate, String sellerVatNumber, String buyerVatNumber) {
            if (VatRule.reverseCharged(sellerVatNumber, buyerVatNumber)) {
                return reverseCharged(subtotal);
            }
            return VatRule.outsideEu(sellerVatNumber, buyerVatNumber) ? outsideEuVat(subtotal) : of(subtotal, vatRate);
        }
    }

    private final long id;
    private final long organisationId;
    private final String number;
    private final long clientId;
    private final LocalDate issuedOn;
    private final LocalDate dueOn;
    private final Seller seller;
    private final Buyer buyer;
    private final Line line;
    private final Totals totals;
    private InvoiceStatus status;
    private LocalDate paidOn;
    private String paymentReference;
    private String voidReason;
    private Boolean paymentResumedLicence;

    Invoice(
            long id,
            long organisationId,
            String number,
            long clientId,
            InvoiceStatus status,
            LocalDate issuedOn,
            LocalDate dueOn,
            Seller seller,
            Buyer buyer,
            Line line,
            Totals totals,
            LocalDate paidOn,
            String paymentReference,
            String voidReason,
            Boolean paymentResumedLicence) {
        this.id = id;
        this.organisationId = organisationId;
        this.number = number;
        this.clientId = clientId;
        this.status = status;
        this.issuedOn = issuedOn;
        this.dueOn = dueOn;
        this.seller = seller;
        this.buyer = buyer;
        this.line = line;
        this.totals = totals;
        this.paidOn = paidOn;
        this.paymentReference = paymentReference;
        this.voidReason = voidReason;
        this.paymentResumedLicence = paymentResumedLicence;
    }

    /**
     * A new invoice, not yet saved (its id is 0), for the licence's current term, billed to its client with
     * the organisation's seller details, payment details, VAT rate (or the reverse charge, {@link VatRule}) and
     * payment terms.
     */
    static Invoice issue(
            String number,
            Organisation organisation,
            PaymentSettings payment,
            Client client,
            BillableLicence licence,
            LocalDate today) {
        ensureBillable(licence);
        if (client.id() != licence.clientId()) {
            throw new IllegalArgumentException("Client " + client.id() + " is not licence " + licence.id() + "'s");
        }
        return new Invoice(
                0,
                organisation.id(),
                number,
                client.id(),
                InvoiceStatus.ISSUED,
                today,
                today.plusDays(organisation.paymentTermsDays()),
                new Seller(
                        organisation.sellerName(),
                        organisation.address(),
                        organisation.senderEmail(),
                        payment.vatNumber(),
                        payment.companyRegistration(),
                        new Payment(payment.iban(), payment.bic(), payment.instructions(), payment.paymentLink())),
                new Buyer(client.name(), client.company(), client.email(), client.billingAddress(), client.vatNumber()),
                line(licence),
                Totals.of(licence.amount(), organisation.vatRate(), payment.vatNumber(), client.vatNumber()),
                null,
                null,
                null,
                null);
    }

    /** @throws InvalidSelectionException when the licence has no client to bill */
    static void ensureBillable(BillableLicence licence) {
        if (licence.clientId() == null) {
            throw new InvalidSelectionException(Reason.of("reason.invoice.licenceHasNoClient", licence.couponCode()));
        }
    }

    private static Line line(BillableLicence licence) {
        boolean started = licence.termStartsOn() != null;
        return new Line(
                licence.id(),
                licence.termNumber(),
                licence.name(),
                licence.couponCode(),
                licence.planName(),
                licence.quantity(),
                licence.unitPrice(),
                started ? licence.termStartsOn() : null,
                started ? licence.endsOn() : null,
                started
                        ? DATE.format(licence.termStartsOn()) + " – " + DATE.format(licence.endsOn())
                        : licence.termLength() + " from the day it is first used");
    }

    /** This invoice as saved under the given id. */
    Invoice savedAs(long savedId) {
        return new Invoice(
                savedId,
                organisationId,
                number,
                clientId,
                status,
                issuedOn,
                dueOn,
                seller,
                buyer,
                line,
                totals,
                paidOn,
                paymentReference,
                voidReason,
                paymentResumedLicence);
    }

    /**
     * Records the payment. The date can be neither in the future nor before the invoice was issued.
     *
     * @throws IllegalInvoiceChangeException when the invoice is already paid, or void
     * @throws PaymentDateRefusedException when the date is one the payment cannot have
     */
    void markPaid(LocalDate date, String reference, LocalDate latestToday) {
        // The date first: one no payment can have is refused whatever the invoice's status (a 422, not the 409 of a
        // paid invoice, docs/api.md), as the form's other refusals are.
        Reason dateRefusal = paymentDateRefusal(date, latestToday);
        if (dateRefusal != null) {
            throw new PaymentDateRefusedException(dateRefusal);
        }
        if (!payable()) {
            throw new IllegalInvoiceChangeException(Reason.of(
                    "reason.invoice.notPayable",
                    number,
                    new DefaultMessageSourceResolvable("invoice.status.inSentence." + status.name())));
        }
        status = InvoiceStatus.PAID;
        paidOn = date;
        paymentReference = reference == null || reference.isBlank() ? null : reference.strip();
    }

    /**
     * Why a payment cannot have this date (in the future, or before the invoice was issued), or null when it can: the
     * rule {@link #markPaid} applies, which a form asks before it is sent so as to show it beside its other refusals.
     * {@code latestToday} is the latest date any time zone has reached (decision 0131): the server's own date refused
     * the today of a manager east of it.
     */
    public Reason paymentDateRefusal(LocalDate date, LocalDate latestToday) {
        if (date.isAfter(latestToday)) {
            return Reason.of("reason.invoice.paidInTheFuture");
        }
        if (date.isBefore(issuedOn)) {
            return Reason.of("reason.invoice.paidBeforeIssue", issuedOn);
        }
        return null;
    }

    /**
     * Voids the invoice: it keeps its number, but no longer counts for its term, which can be billed again. A paid
     * invoice cannot be voided (decision 0082): the money was received for it, and voiding would leave the licence
     * unbilled with the payment recorded nowhere.
     *
     * @throws IllegalInvoiceChangeException when it is already void, or paid
     */
    void voidFor(String reason) {
        Reason refusal = voidRefusal();
        if (refusal != null) {
            throw new IllegalInvoiceChangeException(refusal);
        }
        status = InvoiceStatus.VOID;
        voidReason = reason.strip();
    }

    /**
     * Removes the payment recorded by mistake (decision 0086): the invoice is to be paid again, Sent if its e-mail went
     * out, else Issued, as it was before it was marked paid, with no payment date or reference.
     *
     * @param sent whether an e-mail carrying it was delivered: the status {@link #markPaid} replaced is not kept
     * @throws IllegalInvoiceChangeException when it is not paid
     */
    void removePayment(boolean sent) {
        if (status != InvoiceStatus.PAID) {
            throw new IllegalInvoiceChangeException(Reason.of(
                    "reason.invoice.notPaid",
                    number,
                    new DefaultMessageSourceResolvable("invoice.status.inSentence." + status.name())));
        }
        status = sent ? InvoiceStatus.SENT : InvoiceStatus.ISSUED;
        paidOn = null;
        paymentReference = null;
    }

    /**
     * Whether marking it paid, the last time it was, resumed its licence, which its overdue renewal invoice had paused
     * (decision 0093): removing the payment pauses again only such a licence. Null for a payment recorded before this
     * was kept (not known).
     */
    public Boolean paymentResumedLicence() {
        return paymentResumedLicence;
    }

    void recordPaymentResumedLicence(boolean resumed) {
        paymentResumedLicence = resumed;
    }

    /** Whether a payment is recorded on it that can be removed: only while it is paid. */
    public boolean paid() {
        return status == InvoiceStatus.PAID;
    }

    /** @throws IllegalInvoiceChangeException when the invoice is void, and so may not be sent */
    void ensureSendable() {
        if (status == InvoiceStatus.VOID) {
            throw new IllegalInvoiceChangeException(Reason.of("reason.invoice.voidNotSent"));
        }
    }

    /**
     * Sent again by hand only when no e-mail carrying it is waiting in the outbox: another would follow it out, and
     * saying it was sent again while nothing was queued would not be true (decision 0088).
     */
    void ensureResendable(boolean emailWaiting) {
        ensureSendable();
        if (emailWaiting) {
            throw new IllegalInvoiceChangeException(Reason.of("reason.invoice.emailWaiting", number));
        }
    }

    /** The recorded state for the audit log: what a person compares before and after a change. */
    Map<String, Object> snapshot() {
        var recorded = new LinkedHashMap<String, Object>();
        recorded.put("number", number);
        recorded.put("status", status.label());
        recorded.put("client", buyer.email());
        recorded.put("couponCode", line.couponCode());
        recorded.put("total", totals.total().toString());
        recorded.put("issuedOn", issuedOn.toString());
        recorded.put("dueOn", dueOn.toString());
        recorded.put("paidOn", paidOn == null ? null : paidOn.toString());
        recorded.put("paymentReference", paymentReference);
        recorded.put("voidReason", voidReason);
        return recorded;
    }

    /** Whether it counts for its licence's term: every invoice but a void one. */
    boolean counts() {
        return status != InvoiceStatus.VOID;
    }

    public boolean payable() {
        return status == InvoiceStatus.ISSUED || status == InvoiceStatus.SENT;
    }

    /** Whether its client is late: still to pay after its due date. */
    public boolean overdueOn(LocalDate today) {
        return payable() && dueOn.isBefore(today);
    }

    /** Whether it can still be voided: only while it is to be paid (decision 0082). */
    public boolean voidable() {
        return voidRefusal() == null;
    }

    /** Why it cannot be voided (already void, or paid), or null when it can. */
    public Reason voidRefusal() {
        return switch (status) {
            case ISSUED, SENT -> null;
            case PAID -> Reason.of("reason.invoice.paidNotVoidable", number);
            case VOID -> Reason.of("reason.invoice.alreadyVoid", number);
        };
    }

    public long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public String number() {
        return number;
    }

    public long clientId() {
        return clientId;
    }

    public InvoiceStatus status() {
        return status;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Seller seller() {
        return seller;
    }

    public Buyer buyer() {
        return buyer;
    }

    public Line line() {
        return line;
    }

    public Totals totals() {
        return totals;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public String paymentReference() {
        return paymentReference;
    }

    public String voidReason() {
        return voidReason;
    }
}
