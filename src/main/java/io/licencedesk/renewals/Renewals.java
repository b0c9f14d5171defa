package io.licencedesk.renewals;

import io.licencedesk.accounts.Caller;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.SendOutcome;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renews a licence and issues its next term's invoice, e-mailed to its client, in one transaction: the console, the
 * REST API and the renewal cycle all renew through here (decision 0048).
 */
@Service
public class Renewals {

    /** The licence in its new term, and the invoice issued for that term. */
    public record Renewed(LicenceDetails licence, Invoice invoice) {}

    private final LicenceManagement licences;
    private final InvoiceManagement invoices;

    Renewals(LicenceManagement licences, InvoiceManagement invoices) {
        this.licences = licences;
        this.invoices = invoices;
    }

    /**
     * @throws io.licencedesk.licence.RenewalRefusedException saying why the licence cannot be renewed now; nothing
     *     changes then
     */
    @Transactional
    public Renewed renew(Caller caller, long licenceId) {
        LicenceDetails renewed = licences.renew(caller, licenceId);
        SendOutcome sent = invoices.send(caller, List.of(licenceId));
        Invoice invoice =
                sent.issued().isEmpty() ? sent.resent().get(0) : sent.issued().get(0);
        return new Renewed(renewed, invoice);
    }
}
