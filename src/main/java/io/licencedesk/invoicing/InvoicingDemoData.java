package io.licencedesk.invoicing;

import io.licencedesk.licence.DemoLicencesCreated;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Bills some of the demo licences through the same façade people use, and records payment for some. */
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
        var ids = demo.toInvoice();
        for (int from = 0; from < ids.size(); from += InvoiceManagement.MAX_SELECTION) {
            var batch = ids.subList(from, Math.min(ids.size(), from + InvoiceManagement.MAX_SELECTION));
            for (Invoice invoice : invoicing.send(demo.manager(), batch).issued()) {
                if (paid.contains(invoice.line().licenceId())) {
                    invoicing.markPaid(demo.manager(), invoice.id(), LocalDate.now(clock), "Bank transfer");
                }
            }
        }
    }
}
