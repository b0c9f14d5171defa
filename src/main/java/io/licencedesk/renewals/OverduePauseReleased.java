package io.licencedesk.renewals;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Role;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoiceVoided;
import io.licencedesk.licence.LicenceManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resumes a licence that the renewal cycle paused for an overdue renewal invoice when that invoice is voided (decision
 * 0128): only paying it resumed the licence (decision 0121), so a voided one left it paused for ever with nothing left
 * to pay. Only the invoice the cycle paused it for, and only if no other renewal invoice of it is still unpaid past its
 * pause date; a licence a person paused or resumed since is theirs. In the transaction that voids it, for the console
 * and the API alike, after the licence recorded the void, so that its history tells the cause first.
 */
@Component
class OverduePauseReleased {

    private final CycleQueries queries;
    private final InvoiceManagement invoices;
    private final LicenceManagement licences;

    OverduePauseReleased(CycleQueries queries, InvoiceManagement invoices, LicenceManagement licences) {
        this.queries = queries;
        this.invoices = invoices;
        this.licences = licences;
    }

    @EventListener
    void on(InvoiceVoided voided) {
        if (!queries.invoiceNoticeTaken(voided.invoiceId(), "OVERDUE_PAUSE")) {
            return; // the cycle never paused its licence for it
        }
        Caller system = RenewalCycle.system(voided.organisationId());
        if (invoices.anotherRenewalInvoiceStillOverdue(system, voided.invoiceId())) {
            return;
        }
        long licenceId = invoices.invoice(system, voided.invoiceId()).line().licenceId();
        licences.releaseOverduePause(whoVoided(voided), licenceId);
    }

    /** The person who voided the invoice, whom the licence's history names for the resume, as it names a payer. */
    private static Caller whoVoided(InvoiceVoided voided) {
        if (voided.actorId() == null) {
            return RenewalCycle.system(voided.organisationId());
        }
        return new Caller(
                voided.actorId(), voided.organisationId(), Role.MANAGER, voided.actorEmail(), voided.actorEmail());
    }
}
