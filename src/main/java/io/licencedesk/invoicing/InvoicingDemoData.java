package io.licencedesk.invoicing;

import io.licencedesk.licence.DemoLicencesCreated;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Bills some of the demo licences through the same façade people use, each on its term's first day, and records
 * payment for some.
 */
@Component
class InvoicingDemoData {

    private final InvoiceManagement invoicing;
    private final Clock clock;

    InvoicingDemoData(InvoiceManagement invoicing, Clock clock) {
        this.invoicing = invoicing;
        this.clock = clock;
    }

    @EventListener
    void on(DemoLicencesCreated demo) {
        var paid = new HashSet<>(demo.toMarkPaid());
        LocalDate today = LocalDate.now(clock);
        for (Invoice invoice : invoicing.issueAsTermsBegan(demo.manager(), demo.toInvoice())) {
            long licenceId = invoice.line().licenceId();
            if (paid.contains(licenceId)) {
                // Paid within a few weeks of issue, as clients do; never after today.
                LocalDate paidOn = invoice.issuedOn().plusDays(2 + licenceId % 27);
                invoicing.markPaid(
                        demo.manager(), invoice.id(), paidOn.isAfter(today) ? today : paidOn, "Bank transfer");
            }
        }
    }
}
