package io.licencedesk.invoicing;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.Organisation;
import io.licencedesk.accounts.PaymentDetails;
import io.licencedesk.accounts.PaymentSettings;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.licence.BillableLicence;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.mail.DeliveryStatus;
import io.licencedesk.mail.EmailDelivered;
import io.licencedesk.mail.Outbox;
import io.licencedesk.mail.OutboxEntry;
import io.licencedesk.shared.PageOf;
import io.licencedesk.shared.Reason;
import io.licencedesk.shared.Today;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
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

    private final InvoiceRepository invoices;
    private final InvoiceNumbers numbers;
    private final InvoiceMessages messages;
    private final InvoicePdf pdf;
    private final LicenceManagement licences;
    private final AccountManagement accounts;
    private final PaymentDetails paymentDetails;
    private final RenewalPreferences renewalPreferences;
    private final UserLanguages languages;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceManagement(
            InvoiceRepository invoices,
            InvoiceNumbers numbers,
            InvoiceMessages messages,
            InvoicePdf pdf,
            LicenceManagement licences,
            AccountManagement accounts,
            PaymentDetails paymentDetails,
            RenewalPreferences renewalPreferences,
            UserLanguages languages,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock) {
        this.languages = languages;
        this.paymentDetails = paymentDetails;
        this.renewalPreferences = renewalPreferences;
        this.invoices = invoices;
        this.numbers = numbers;
        this.messages = messages;
        this.pdf = pdf;
        this.licences = licences;
        this.accounts = accounts;
        this.outbox = outbox;
        this.events = events;
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
            throw new InvalidSelectionException(Reason.of("reason.selection.full", MAX_SELECTION));
        }
        if (licences.billableAmounts(caller, Set.of(licenceId)).isEmpty()) {
            throw new InvalidSelectionException(Reason.of("reason.selection.needsClient"));
        }
        var added = new LinkedHashSet<>(selection);
        added.add(licenceId);
        return added;
    }

    public SendOutcome send(Caller caller, List<Long> licenceIds) {
        requireStaff(caller);
        var ids = new LinkedHashSet<>(licenceIds);
        if (ids.isEmpty()) {
            throw new InvalidSelectionException(Reason.of("reason.selection.empty"));
        }
        if (ids.size() > MAX_SELECTION) {
            throw new InvalidSelectionException(Reason.of("reason.selection.tooMany", MAX_SELECTION));
        }
        var sending = new Sending(caller, accounts.organisation(caller));
        List<BillableLicence> locked = inOrderAsked(licences.lockForBilling(caller, ids), ids);
        requireClients(locked);
        Map<Long, Invoice> counting = invoices.findCounting(
                caller.organisationId(),
                locked.stream().collect(Collectors.toMap(BillableLicence::id, BillableLicence::termNumber)));
        List<Invoice> issued = new ArrayList<>();
        List<Invoice> resent = new ArrayList<>();
        List<Invoice> waiting = new ArrayList<>();
        for (BillableLicence licence : locked) {
            Invoice existing = counting.get(licence.id());
            if (existing != null && emailWaiting(existing)) {
                // Nothing new goes out, so nothing is recorded as sent again: "Send again" refuses the same
                // (decision 0088); a selection is not refused for it, the outcome names it (decision 0091).
                waiting.add(existing);
            } else if (existing != null) {
                queueEmail(sending.sender(), existing);
                publish(InvoiceResent::new, caller, existing.snapshot(), existing);
                resent.add(existing);
            } else {
                issued.add(issue(sending, licence));
            }
        }
        return new SendOutcome(issued, resent, waiting);
    }

    /**
     * The locked licences in the order they were asked for. They are locked in id order, one order for every sender so
     * that two sends cannot deadlock, but issued and answered in the request's: a program that matches the answer's
     * invoices to its licence ids by position got them in id order instead, each against the wrong licence.
     */
    private static List<BillableLicence> inOrderAsked(List<BillableLicence> locked, Collection<Long> asked) {
        Map<Long, BillableLicence> byId =
                locked.stream().collect(Collectors.toMap(BillableLicence::id, licence -> licence));
        return asked.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Refuses the selection when a licence has no client, naming every such licence rather than the first. */
    private static void requireClients(List<BillableLicence> locked) {
        var withoutClient = new LinkedHashMap<Long, String>();
        locked.stream()
                .filter(licence -> licence.clientId() == null)
                .forEach(licence -> withoutClient.put(licence.id(), licence.couponCode()));
        if (!withoutClient.isEmpty()) {
            throw new LicencesWithoutClientException(withoutClient);
        }
    }

    /**
     * The demo's bills: each licence's invoice issued on its term's first day (today at the latest), oldest first so
     * that numbers follow dates, as if the organisation had sent them as the terms began. The dashboard, the overdue
     * filter and the reminders then have months of history to show on a fresh demo.
     */
    List<Invoice> issueAsTermsBegan(Caller caller, List<Long> licenceIds) {
        requireStaff(caller);
        var sending = new Sending(caller, accounts.organisation(caller));
        LocalDate today = LocalDate.now(clock);
        return licences.lockForBilling(caller, new LinkedHashSet<>(licenceIds)).stream()
                .sorted(Comparator.comparing(BillableLicence::termStartsOn).thenComparing(BillableLicence::id))
                .map(licence -> issue(sending, licence, Collections.min(List.of(licence.termStartsOn(), today))))
                .toList();
    }

    @Transactional(readOnly = true)
    public PageOf<Invoice> invoices(Caller caller, InvoiceStatus status, Long clientId, int page, int size) {
        requireStaff(caller);
        long total = invoices.count(caller.organisationId(), status, clientId);
        return PageOf.read(
                page,
                size,
                total,
                (offset, limit) -> invoices.page(caller.organisationId(), status, clientId, total, offset, limit));
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
        Invoice invoice = find(caller, id);
        return pdf.render(invoice, languageOf(invoice));
    }

    /** A client's own invoices (void ones too, so the history stays complete), newest first. */
    @Transactional(readOnly = true)
    public PageOf<Invoice> clientInvoices(Caller client, int page, int size) {
        requireClient(client);
        long total = invoices.count(client.organisationId(), null, client.userId());
        return PageOf.read(
                page,
                size,
                total,
                (offset, limit) -> invoices.page(client.organisationId(), null, client.userId(), total, offset, limit));
    }

    /** The invoices of one of the client's licences, newest first; none for a licence that is not theirs. */
    @Transactional(readOnly = true)
    public List<Invoice> clientLicenceInvoices(Caller client, long licenceId) {
        requireClient(client);
        return invoices.forLicence(client.organisationId(), licenceId).stream()
                .filter(invoice -> invoice.clientId() == client.userId())
                .toList();
    }

    /** The PDF of one of the client's own invoices; any other id is "not found", whoever it belongs to. */
    @Transactional(readOnly = true)
    public byte[] clientPdf(Caller client, long id) {
        Invoice invoice = clientInvoice(client, id);
        return pdf.render(invoice, languageOf(invoice));
    }

    @Transactional(readOnly = true)
    public Invoice clientInvoice(Caller client, long id) {
        requireClient(client);
        return invoices.find(client.organisationId(), id)
                .filter(invoice -> invoice.clientId() == client.userId())
                .orElseThrow(() -> new InvoiceNotFoundException(id));
    }

    /** The PDF's file name for the REST API: "invoice-INV-2026-000042.pdf". */
    public static String pdfFileName(Invoice invoice) {
        return InvoicePdf.fileName(invoice);
    }

    /**
     * The PDF's file name in the language of the page it is downloaded from ("facture-INV-2026-000042.pdf"), which
     * may differ from the document's own, its client's (decision 0118).
     */
    public String pdfFileName(Invoice invoice, Locale language) {
        return pdf.fileName(invoice, language);
    }

    public Invoice resend(Caller caller, long id) {
        return resend(caller, id, null);
    }

    /**
     * As {@link #resend(Caller, long)}, once {@code expected} (when not null) has accepted the invoice as it is under
     * its lock: the REST API's If-Match (decision 0130), which throws to refuse it before anything changes.
     */
    public Invoice resend(Caller caller, long id, Consumer<Invoice> expected) {
        requireStaff(caller);
        Invoice invoice = findForUpdate(caller, id, expected);
        invoice.ensureResendable(emailWaiting(invoice));
        queueEmail(new Sender(accounts.organisation(caller)), invoice);
        publish(InvoiceResent::new, caller, invoice.snapshot(), invoice);
        return invoice;
    }

    public Invoice markPaid(Caller caller, long id, LocalDate paidOn, String reference) {
        return markPaid(caller, id, paidOn, reference, null);
    }

    /** As {@link #markPaid(Caller, long, LocalDate, String)}, once {@code expected} accepted the locked invoice. */
    public Invoice markPaid(Caller caller, long id, LocalDate paidOn, String reference, Consumer<Invoice> expected) {
        requireStaff(caller);
        Invoice invoice = findForUpdate(caller, id, expected);
        Map<String, Object> before = invoice.snapshot();
        invoice.markPaid(paidOn, reference, Today.latestAnywhere(clock));
        invoices.update(invoice);
        publish(InvoicePaid::new, caller, before, invoice);
        boolean resumed = licences.recordPaid(
                caller,
                invoice.line().licenceId(),
                invoice.line().termNumber(),
                anotherRenewalInvoiceStillOverdue(invoice));
        invoice.recordPaymentResumedLicence(resumed);
        invoices.recordPaymentResumedLicence(invoice);
        return invoice;
    }

    /**
     * Whether another renewal invoice (a term after the first) of this invoice's licence is still unpaid past the day
     * it pauses its licence, where the owner has licences paused for that (decision 0048): paying or voiding this one
     * does not resume the licence then (decisions 0121 and 0128), and the cycle, which pauses once per invoice, would
     * not pause it again.
     */
    public boolean anotherRenewalInvoiceStillOverdue(Caller caller, long id) {
        requireStaff(caller);
        return anotherRenewalInvoiceStillOverdue(find(caller, id));
    }

    private boolean anotherRenewalInvoiceStillOverdue(Invoice paid) {
        RenewalSettings settings = renewalPreferences.settings(paid.organisationId());
        if (!settings.overduePause()) {
            return false;
        }
        LocalDate pausesIfDueBy = LocalDate.now(clock).minusDays(settings.overduePauseDays());
        return invoices.forLicence(paid.organisationId(), paid.line().licenceId()).stream()
                .anyMatch(other -> other.id() != paid.id()
                        && other.payable()
                        && other.line().termNumber() > 1
                        && !other.dueOn().isAfter(pausesIfDueBy));
    }

    /**
     * Removes the payment of an invoice marked paid by mistake (decision 0086): it is Sent again if an e-mail carrying
     * it was delivered, else Issued, and its licence's term is Invoiced again, as it was before the payment.
     */
    public Invoice removePayment(Caller caller, long id) {
        return removePayment(caller, id, null);
    }

    /** As {@link #removePayment(Caller, long)}, once {@code expected} accepted the locked invoice. */
    public Invoice removePayment(Caller caller, long id, Consumer<Invoice> expected) {
        requireStaff(caller);
        Invoice invoice = findForUpdate(caller, id, expected);
        Map<String, Object> before = invoice.snapshot();
        invoice.removePayment(wasSent(invoice));
        invoices.update(invoice);
        // The licence's billing first, then the event whose listeners may pause it again (decision 0088): its history
        // tells the cause before the effect (decision 0093).
        licences.recordPaymentRemoved(
                caller, invoice.line().licenceId(), invoice.line().termNumber());
        publish(InvoicePaymentRemoved::new, caller, before, invoice);
        return invoice;
    }

    /** Whether an e-mail carrying the invoice was delivered: what turned it Sent, which its paid status hides. */
    private boolean wasSent(Invoice invoice) {
        return outbox.about(invoice.organisationId(), InvoiceMessages.SUBJECT_TYPE, invoice.id()).stream()
                .anyMatch(email -> email.status() == DeliveryStatus.SENT);
    }

    /**
     * Why the invoice's payment cannot have this date, or null when it can: what {@link #markPaid} would refuse
     * for the date, asked by a form that shows every refused field at once (decision 0077).
     */
    @Transactional(readOnly = true)
    public Reason paymentDateRefusal(Caller caller, long id, LocalDate paidOn) {
        return invoice(caller, id).paymentDateRefusal(paidOn, Today.latestAnywhere(clock));
    }

    /**
     * Voids the invoice: it keeps its number, and the licence's term is unbilled again. A licence that the renewal cycle
     * paused for this invoice is resumed by the event's listener when nothing else holds it paused (decision 0128).
     */
    public Invoice voidInvoice(Caller caller, long id, String reason) {
        return voidInvoice(caller, id, reason, null);
    }

    /** As {@link #voidInvoice(Caller, long, String)}, once {@code expected} accepted the locked invoice. */
    public Invoice voidInvoice(Caller caller, long id, String reason, Consumer<Invoice> expected) {
        requireStaff(caller);
        Invoice invoice = findForUpdate(caller, id, expected);
        Map<String, Object> before = invoice.snapshot();
        invoice.voidFor(reason);
        invoices.update(invoice);
        // The licence's billing first, then the event whose listener may resume it: its history tells the cause
        // before the effect, as for a removed payment (decision 0093).
        licences.recordBilling(
                caller, invoice.line().licenceId(), invoice.line().termNumber(), BillingStatus.UNBILLED);
        publish(InvoiceVoided::new, caller, before, invoice);
        return invoice;
    }

    @EventListener
    void on(EmailDelivered delivered) {
        if (InvoiceMessages.SUBJECT_TYPE.equals(delivered.subjectType())) {
            invoices.markSent(delivered.subjectId());
        }
    }

    /** Issues the licence's invoice and queues its e-mail; nothing can be waiting for an invoice this new. */
    private Invoice issue(Sending sending, BillableLicence licence) {
        return issue(sending, licence, LocalDate.now(clock));
    }

    private Invoice issue(Sending sending, BillableLicence licence, LocalDate issuedOn) {
        Organisation organisation = sending.organisation();
        Invoice invoice = invoices.insert(
                Invoice.issue(
                        numbers.next(organisation, issuedOn),
                        organisation,
                        sending.payment(),
                        sending.client(licence.clientId()),
                        licence,
                        issuedOn),
                clock.instant());
        publish(InvoiceIssued::new, sending.caller(), null, invoice);
        if (licence.billingStatus() == BillingStatus.UNBILLED) {
            licences.recordBilling(sending.caller(), licence.id(), licence.termNumber(), BillingStatus.INVOICED);
        }
        outbox.enqueue(messages.emailFor(
                invoice, sending.sender().name(), sending.sender().email(), sending.language(invoice.clientId())));
        return invoice;
    }

    /** Whether the invoice's e-mail is still waiting to go out (a double click, or a send moments ago). */
    private boolean emailWaiting(Invoice invoice) {
        return outbox.hasUnsent(InvoiceMessages.SUBJECT_TYPE, invoice.id());
    }

    private void queueEmail(Sender sender, Invoice invoice) {
        outbox.enqueue(messages.emailFor(invoice, sender.name(), sender.email(), languageOf(invoice)));
    }

    /** An invoice, its e-mail and its PDF are in its client's language, whoever asks (decision 0053). */
    private Locale languageOf(Invoice invoice) {
        return languages.forClient(invoice.organisationId(), invoice.clientId());
    }

    /** Who the invoice e-mails come from: the organisation's sender name, else its legal name. */
    private record Sender(String name, String email) {

        Sender(Organisation organisation) {
            this(
                    organisation.senderName() == null ? organisation.sellerName() : organisation.senderName(),
                    organisation.senderEmail());
        }
    }

    /** One send's organisation, read once, and the clients it bills, each read once however many licences they have. */
    private final class Sending {

        private final Caller caller;
        private final Organisation organisation;
        private final Sender sender;
        private final Map<Long, Client> clients = new HashMap<>();
        private final Map<Long, Locale> languagesOfClients = new HashMap<>();
        private PaymentSettings payment;

        Sending(Caller caller, Organisation organisation) {
            this.caller = caller;
            this.organisation = organisation;
            this.sender = new Sender(organisation);
        }

        Caller caller() {
            return caller;
        }

        Organisation organisation() {
            return organisation;
        }

        Sender sender() {
            return sender;
        }

        /** The organisation's payment details, read once, when the send issues its first invoice. */
        PaymentSettings payment() {
            if (payment == null) {
                payment = paymentDetails.of(organisation.id());
            }
            return payment;
        }

        Client client(long id) {
            return clients.computeIfAbsent(
                    id, client -> accounts.findClient(organisation.id(), client).orElseThrow());
        }

        /** The language of a client's invoices (decision 0053), read once per client. */
        Locale language(long clientId) {
            return languagesOfClients.computeIfAbsent(
                    clientId, client -> languages.forClient(organisation.id(), client));
        }
    }

    /** Makes the event of one kind of change: the events' constructors fit. */
    @FunctionalInterface
    private interface EventType {
        InvoiceEvent of(
                long organisationId,
                long invoiceId,
                Long actorId,
                String actorEmail,
                Instant occurredAt,
                Map<String, Object> before,
                Map<String, Object> after);
    }

    /** Publishes what happened to the invoice, in this transaction, where the audit log records it (decision 0051). */
    private void publish(EventType event, Caller caller, Map<String, Object> before, Invoice invoice) {
        events.publishEvent(event.of(
                invoice.organisationId(),
                invoice.id(),
                caller.userId(),
                caller.email(),
                clock.instant(),
                before,
                invoice.snapshot()));
    }

    private Invoice findForUpdate(Caller caller, long id) {
        return invoices.findForUpdate(caller.organisationId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
    }

    /** The invoice under its lock, once {@code expected} accepted it: a check before the lock would let two pass. */
    private Invoice findForUpdate(Caller caller, long id, Consumer<Invoice> expected) {
        Invoice invoice = findForUpdate(caller, id);
        if (expected != null) {
            expected.accept(invoice);
        }
        return invoice;
    }

    private Invoice find(Caller caller, long id) {
        return invoices.find(caller.organisationId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
    }

    private static void requireClient(Caller caller) {
        if (!caller.isClient()) {
            throw new AccessDeniedException("Only clients have invoices of their own");
        }
    }

    static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may manage invoices");
        }
    }
}
