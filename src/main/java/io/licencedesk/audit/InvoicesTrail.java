package io.licencedesk.audit;

import io.licencedesk.invoicing.InvoiceEvent;
import io.licencedesk.invoicing.InvoiceIssued;
import io.licencedesk.invoicing.InvoicePaid;
import io.licencedesk.invoicing.InvoicePaymentRemoved;
import io.licencedesk.invoicing.InvoiceResent;
import io.licencedesk.invoicing.InvoiceVoided;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records what happens to invoices, in the transaction of the change, labelled with the invoice's number. */
@Component
class InvoicesTrail {

    /** The action each invoice event is recorded as; a test checks that every kind of invoice event has one. */
    static final Map<Class<? extends InvoiceEvent>, String> INVOICE_ACTIONS = Map.of(
            InvoiceIssued.class, "ISSUED",
            InvoiceResent.class, "RESENT",
            InvoicePaid.class, "PAID",
            InvoicePaymentRemoved.class, "PAYMENT_REMOVED",
            InvoiceVoided.class, "VOIDED");

    private final AuditEntries entries;

    InvoicesTrail(AuditEntries entries) {
        this.entries = entries;
    }

    @EventListener
    void on(InvoiceEvent change) {
        entries.add(new NewEntry(
                change.organisationId(),
                AuditSubject.INVOICE,
                change.invoiceId(),
                String.valueOf(change.after().get("number")),
                INVOICE_ACTIONS.get(change.getClass()),
                change.actorId(),
                change.actorEmail(),
                change.occurredAt(),
                change.before(),
                change.after()));
    }
}
