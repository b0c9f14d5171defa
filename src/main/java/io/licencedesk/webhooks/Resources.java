package io.licencedesk.webhooks;

import io.licencedesk.api.InvoiceResponse;
import io.licencedesk.api.LicenceResponse;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import org.springframework.stereotype.Component;

/**
 * The objects events carry, exactly as the REST API writes them, read through the façades inside the transaction
 * of the change, so that they are the state it committed.
 */
@Component
class Resources {

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
}
