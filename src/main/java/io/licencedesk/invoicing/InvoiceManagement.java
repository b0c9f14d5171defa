package io.licencedesk.invoicing;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.licence.BillableLicence;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.mail.EmailDelivered;
import io.licencedesk.mail.Outbox;
import io.licencedesk.mail.OutboxEntry;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.PageOf;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoicing façade. Sending a selection issues one invoice per licence for its current term, in
 * one transaction with the e-mails that carry them; a licence whose term is already invoiced has that
 * invoice sent again instead, so double clicks and concurrent sends never bill twice.
 */
@Service
@Transactional
public class InvoiceManagement {

    public static final int MAX_SELECTION = 20;

    private static final DateTimeFormatter TERM_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final InvoiceRepository invoices;
    private final InvoiceMessages messages;
    private final InvoicePdf pdf;
    private final LicenceManagement licences;
    private final AccountManagement accounts;
    private final Outbox outbox;
    private final Clock clock;

    InvoiceManagement(
            InvoiceRepository invoices,
            InvoiceMessages messages,
            InvoicePdf pdf,
            LicenceManagement licences,
            AccountManagement accounts,
            Outbox outbox,
            Clock clock) {
        this.invoices = invoices;
        this.messages = messages;
        this.pdf = pdf;
        this.licences = licences;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The selection to invoice with one more licence, checked by the same rules as {@link #send}: at most
     * {@link #MAX_SELECTION} licences, each with a client. A licence already selected changes nothing.
     *
     * @throws InvalidSelectionException with the reason, when the licence may not join the selection
     */
    @Transactional(readOnly = true)
    public Set<Long> addToSelection(Caller caller, Set<Long> selection, long licenceId) {
        requireStaff(caller);
        if (selection.contains(licenceId)) {
            return selection;
        }
        if (selection.size() >= MAX_SELECTION) {
            throw new InvalidSelectionException("You can select at most " + MAX_SELECTION
                    + " licences at a time. Send these first, or clear the selection.");
        }
        if (licences.billableAmounts(caller, Set.of(licenceId)).isEmpty()) {
            throw new InvalidSelectionException("Only licences assigned to a client can be invoiced.");
        }
        var added = new LinkedHashSet<>(selection);
        added.add(licenceId);
        return added;
    }

    public SendOutcome send(Caller caller, List<Long> licenceIds) {
        requireStaff(caller);
        var ids = new LinkedHashSet<>(licenceIds);
        if (ids.isEmpty()) {
            throw new InvalidSelectionException("Select at least one licence.");
        }
        if (ids.size() > MAX_SELECTION) {
            throw new InvalidSelectionException("Select at most " + MAX_SELECTION + " licences at a time.");
        }
        Organisation organisation = accounts.organisation(caller);
        List<BillableLicence> locked = licences.lockForBilling(caller, ids);
        for (BillableLicence licence : locked) {
            if (licence.clientId() == null) {
                throw new InvalidSelectionException(
                        "Licence " + licence.couponCode() + " has no client: assign it before invoicing.");
            }
        }
        List<Invoice> issued = new ArrayList<>();
        List<Invoice> resent = new ArrayList<>();
        for (BillableLicence licence : locked) {
            var existing = invoices.findCounting(licence.id(), licence.termNumber());
            if (existing.isPresent()) {
                queueEmail(organisation, existing.get());
                resent.add(existing.get());
            } else {
                Invoice invoice = issue(caller, organisation, licence);
                queueEmail(organisation, invoice);
                issued.add(invoice);
            }
        }
        return new SendOutcome(issued, resent);
    }

    @Transactional(readOnly = true)
    public PageOf<Invoice> invoices(Caller caller, InvoiceStatus status, Long clientId, int page, int size) {
        requireStaff(caller);
        return PageOf.read(
                page,
                size,
                invoices.count(caller.organisationId(), status, clientId),
                (offset, limit) -> invoices.page(caller.organisationId(), status, clientId, offset, limit));
    }

    @Transactional(readOnly = true)
    public Invoice invoice(Caller caller, long id) {
        requireStaff(caller);
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    public List<Invoice> forLicence(Caller caller, long licenceId) {
        requireStaff(caller);
        return invoices.forLicence(caller.organisationId(), licenceId);
    }

    /** The e-mails that carried an invoice, newest first: their delivery state and any error. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> deliveries(Caller caller, long id) {
        Invoice invoice = invoice(caller, id);
        return outbox.about(caller.organisationId(), InvoiceMessages.SUBJECT_TYPE, invoice.id());
    }

    /** The delivery state of each invoice's newest e-mail, for a list of invoices. */
    @Transactional(readOnly = true)
    public Map<Long, OutboxEntry> latestDeliveries(Caller caller, List<Invoice> shown) {
        requireStaff(caller);
        return outbox.latestAbout(
                caller.organisationId(),
                InvoiceMessages.SUBJECT_TYPE,
                shown.stream().map(Invoice::id).toList());
    }

    @Transactional(readOnly = true)
    public byte[] pdf(Caller caller, long id) {
        requireStaff(caller);
        return pdf.render(find(caller, id));
    }

    /** A client's own invoices (void ones too, so the history stays complete), newest first. */
    @Transactional(readOnly = true)
    public PageOf<Invoice> clientInvoices(Caller client, int page, int size) {
        requireClient(client);
        return PageOf.read(
                page,
                size,
                invoices.count(client.organisationId(), null, client.userId()),
                (offset, limit) -> invoices.page(client.organisationId(), null, client.userId(), offset, limit));
    }

    /** The PDF of one of the client's own invoices; any other id is "not found", whoever it belongs to. */
    @Transactional(readOnly = true)
    public byte[] clientPdf(Caller client, long id) {
        return pdf.render(clientInvoice(client, id));
    }

    @Transactional(readOnly = true)
    public Invoice clientInvoice(Caller client, long id) {
        requireClient(client);
        return invoices.find(client.organisationId(), id)
                .filter(invoice -> invoice.clientId() == client.userId())
                .orElseThrow(() -> new InvoiceNotFoundException(id));
    }

    public static String pdfFileName(Invoice invoice) {
        return InvoicePdf.fileName(invoice);
    }

    public Invoice resend(Caller caller, long id) {
        requireStaff(caller);
        Invoice invoice =
                invoices.findForUpdate(caller.organisationId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
        if (invoice.status() == InvoiceStatus.VOID) {
            throw new IllegalInvoiceChangeException("A void invoice cannot be sent.");
        }
        queueEmail(accounts.organisation(caller), invoice);
        return invoice;
    }

    public Invoice markPaid(Caller caller, long id, LocalDate paidOn, String reference) {
        requireStaff(caller);
        Invoice invoice =
                invoices.findForUpdate(caller.organisationId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
        if (!invoice.payable()) {
            throw new IllegalInvoiceChangeException("Invoice " + invoice.number() + " is "
                    + invoice.status().label().toLowerCase() + ".");
        }
        if (paidOn.isAfter(LocalDate.now(clock))) {
            throw new PaymentDateRefusedException("The payment date cannot be in the future.");
        }
        if (paidOn.isBefore(invoice.issuedOn())) {
            throw new PaymentDateRefusedException("The payment date cannot be before the invoice was issued, on "
                    + invoice.issuedOn().format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)) + ".");
        }
        invoices.markPaid(id, paidOn, blankToNull(reference));
        licences.recordBilling(caller, invoice.licenceId(), BillingStatus.PAID);
        return find(caller, id);
    }

    /** Voids the invoice: it keeps its number, and the licence's term is unbilled again. */
    public Invoice voidInvoice(Caller caller, long id, String reason) {
        requireStaff(caller);
        Invoice invoice =
                invoices.findForUpdate(caller.organisationId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
        if (!invoice.voidable()) {
            throw new IllegalInvoiceChangeException("Invoice " + invoice.number() + " is already void.");
        }
        invoices.markVoid(id, reason.strip());
        licences.recordBilling(caller, invoice.licenceId(), BillingStatus.UNBILLED);
        return find(caller, id);
    }

    @EventListener
    void on(EmailDelivered delivered) {
        if (InvoiceMessages.SUBJECT_TYPE.equals(delivered.subjectType())) {
            invoices.markSent(delivered.subjectId());
        }
    }

    private Invoice issue(Caller caller, Organisation organisation, BillableLicence licence) {
        LocalDate today = LocalDate.now(clock);
        int sequence = invoices.nextSequence(organisation.id(), today.getYear());
        String number = "%s-%d-%06d".formatted(organisation.invoicePrefix(), today.getYear(), sequence);
        Client client =
                accounts.findClient(organisation.id(), licence.clientId()).orElseThrow();
        boolean started = licence.activatedOn() != null;
        String termLabel = started
                ? TERM_DATE.format(licence.activatedOn()) + " – " + TERM_DATE.format(licence.endsOn())
                : licence.termLength() + " from activation";
        Money subtotal = licence.amount();
        Money vat = subtotal.percent(organisation.vatRate());
        var draft = new Invoice(
                0,
                organisation.id(),
                number,
                licence.id(),
                licence.termNumber(),
                client.id(),
                InvoiceStatus.ISSUED,
                today,
                today.plusDays(organisation.paymentTermsDays()),
                started ? licence.activatedOn() : null,
                started ? licence.endsOn() : null,
                termLabel,
                organisation.sellerName(),
                organisation.address(),
                organisation.senderEmail(),
                client.name(),
                client.company(),
                client.email(),
                client.billingAddress(),
                client.vatNumber(),
                licence.name(),
                licence.couponCode(),
                licence.planName(),
                licence.quantity(),
                licence.unitPrice(),
                subtotal,
                organisation.vatRate(),
                vat,
                subtotal.plus(vat),
                null,
                null,
                null);
        long id = invoices.insert(draft, clock.instant());
        if (licence.billingStatus() == BillingStatus.UNBILLED) {
            licences.recordBilling(caller, licence.id(), BillingStatus.INVOICED);
        }
        return invoices.find(organisation.id(), id).orElseThrow();
    }

    /** Queues the invoice's e-mail, unless one is already waiting to go out (a double click). */
    private void queueEmail(Organisation organisation, Invoice invoice) {
        if (!outbox.hasUnsent(InvoiceMessages.SUBJECT_TYPE, invoice.id())) {
            outbox.enqueue(messages.emailFor(
                    invoice,
                    organisation.senderName() == null ? organisation.sellerName() : organisation.senderName(),
                    organisation.senderEmail()));
        }
    }

    private Invoice find(Caller caller, long id) {
        return invoices.find(caller.organisationId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void requireClient(Caller caller) {
        if (!caller.isClient()) {
            throw new AccessDeniedException("Only clients have invoices of their own");
        }
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may manage invoices");
        }
    }
}
