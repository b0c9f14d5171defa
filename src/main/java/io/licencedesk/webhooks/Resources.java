package io.licencedesk.webhooks;

import io.licencedesk.api.InvoiceResponse;
import io.licencedesk.api.LicenceResponse;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceStatus;
import io.licencedesk.licence.LicenceManagement;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The objects events carry, exactly as the REST API writes them, read through the façades inside the transaction
 * of the change, so that they are the state it committed.
 */
@Component
class Resources {

    static final Set<InvoiceStatus> ISSUED = EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.SENT);
    static final Set<InvoiceStatus> PAID = EnumSet.of(InvoiceStatus.PAID);
    static final Set<InvoiceStatus> VOID = EnumSet.of(InvoiceStatus.VOID);

    private final LicenceManagement licences;
    private final InvoiceManagement invoicing;

    Resources(LicenceManagement licences, InvoiceManagement invoicing) {
        this.licences = licences;
        this.invoicing = invoicing;
    }

    LicenceResponse licence(long organisationId, long licenceId) {
        return LicenceResponse.of(licences.details(SystemCaller.of(organisationId), licenceId));
    }

    InvoiceResponse invoice(long organisationId, long invoiceId) {
        return InvoiceResponse.of(invoicing.invoice(SystemCaller.of(organisationId), invoiceId));
    }

    /**
     * The invoice of the licence that the change left in one of these statuses, the newest if several are: the
     * one just issued, paid or voided, since the change publishes its licence event after saving the invoice.
     * Null when there is none (a licence marked invoiced without an invoice), and then no event is sent.
     */
    InvoiceResponse invoice(long organisationId, long licenceId, Set<InvoiceStatus> statuses) {
        return invoicing.forLicence(SystemCaller.of(organisationId), licenceId).stream()
                .filter(invoice -> statuses.contains(invoice.status()))
                .max(Comparator.comparingLong(Invoice::id))
                .map(InvoiceResponse::of)
                .orElse(null);
    }
}
