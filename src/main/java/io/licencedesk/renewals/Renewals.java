package io.licencedesk.renewals;

import io.licencedesk.accounts.Caller;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.SendOutcome;
import io.licencedesk.licence.BillingStatus;
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

    /**
     * The licence in its new term, the invoice issued for that term, and the invoice issued for the term that was
     * running when nobody had invoiced it (null when it was invoiced already).
     */
    public record Renewed(LicenceDetails licence, Invoice invoice, Invoice runningTermInvoice) {}

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
        // Renewing moves the licence's billing on to the next term, so a running term nobody invoiced would never be:
        // it is invoiced first (decision 0065). A refused renewal below undoes it with the rest.
        LicenceDetails running = licences.details(caller, licenceId);
        Invoice runningTermInvoice = invoicesRunningTermFirst(running, invoices.forLicence(caller, licenceId))
                ? invoiceOf(invoices.send(caller, List.of(licenceId)))
                : null;
        licences.renew(caller, licenceId);
        Invoice invoice = invoiceOf(invoices.send(caller, List.of(licenceId)));
        // read once its new term is invoiced: the licence as it is now (billing status invoiced), not before
        return new Renewed(licences.details(caller, licenceId), invoice, runningTermInvoice);
    }

    /**
     * Whether renewing the licence now invoices its running term first: the renewal is allowed and that term was never
     * invoiced (decision 0065). A term whose invoice was voided is Unbilled too, but an account manager voided it on
     * purpose (a cancelled bill, a term given free) and it stays so (decision 0180): the renewal invoices the next term
     * only, and the console's renew dialog says the same.
     *
     * @param licenceInvoices the licence's invoices, void ones included
     */
    public static boolean invoicesRunningTermFirst(LicenceDetails licence, List<Invoice> licenceInvoices) {
        int running = licence.renewal().termNumber();
        return licence.renewal().refusal() == null
                && licence.billingStatus() == BillingStatus.UNBILLED
                && licenceInvoices.stream().noneMatch(invoice -> invoice.line().termNumber() == running);
    }

    private static Invoice invoiceOf(SendOutcome sent) {
        return sent.only();
    }
}
