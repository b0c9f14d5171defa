package io.licencedesk.invoicing;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to an invoice: who did it, when, and its recorded state before and after (null before it
 * was issued). Published inside the changing transaction, one type per kind of change, as licences' are (decision
 * 0037). A change the system makes by itself has no actor (null id and e-mail).
 */
public sealed interface InvoiceEvent
        permits InvoiceIssued, InvoiceResent, InvoicePaid, InvoicePaymentRemoved, InvoiceVoided {

    long organisationId();

    long invoiceId();

    Long actorId();

    String actorEmail();

    Instant occurredAt();

    Map<String, Object> before();

    Map<String, Object> after();
}
