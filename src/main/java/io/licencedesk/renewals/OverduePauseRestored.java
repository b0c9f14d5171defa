package io.licencedesk.renewals;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.RenewalSettings;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.InvoicePaymentRemoved;
import io.licencedesk.licence.LicenceManagement;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pauses again a licence that its overdue renewal invoice paused, when the payment that resumed it is removed
 * (decision 0088): the payment was a mistake, so what it undid is put back, in the transaction that removes it, for
 * the console and the API alike. Only while the rule still holds: the organisation pauses for overdue invoices and
 * this one is still past its pause date. The overdue scan takes its pause once per invoice, so it would not. A licence
 * that was running before the payment, because a person resumed it by hand, stays running: the payment undid nothing
 * (decision 0093). It listens after the licence recorded the removal, so the licence's history tells the cause first.
 */
@Component
class OverduePauseRestored {

    private final CycleQueries queries;
    private final InvoiceManagement invoices;
    private final LicenceManagement licences;
    private final RenewalPreferences preferences;
    private final Clock clock;

    OverduePauseRestored(
            CycleQueries queries,
            InvoiceManagement invoices,
            LicenceManagement licences,
            RenewalPreferences preferences,
            Clock clock) {
        this.queries = queries;
        this.invoices = invoices;
        this.licences = licences;
        this.preferences = preferences;
        this.clock = clock;
    }

    @EventListener
    void on(InvoicePaymentRemoved removed) {
        Caller system = RenewalCycle.system(removed.organisationId());
        RenewalSettings settings = preferences.settings(removed.organisationId());
        if (!settings.overduePause() || !queries.invoiceNoticeTaken(removed.invoiceId(), "OVERDUE_PAUSE")) {
            return;
        }
        Invoice invoice = invoices.invoice(system, removed.invoiceId());
        if (Boolean.FALSE.equals(invoice.paymentResumedLicence())) {
            return; // running before the payment: a person resumed it, or it was never paused (decision 0093)
        }
        LocalDate dueBy = LocalDate.now(clock).minusDays(settings.overduePauseDays());
        if (invoice.payable() && !invoice.dueOn().isAfter(dueBy)) {
            licences.pauseForOverdue(system, invoice.line().licenceId());
        }
    }
}
