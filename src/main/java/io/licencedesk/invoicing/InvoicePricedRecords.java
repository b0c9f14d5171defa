package io.licencedesk.invoicing;

import io.licencedesk.accounts.PricedRecords;
import org.springframework.stereotype.Component;

/**
 * An invoice records its own currency, but an organisation keeps its books in one, so the currency is fixed
 * once there is an invoice, even if its licence is gone (decision 0029).
 */
@Component
class InvoicePricedRecords implements PricedRecords {

    private final InvoiceRepository invoices;

    InvoicePricedRecords(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @Override
    public boolean existFor(long organisationId) {
        return invoices.anyFor(organisationId);
    }
}
