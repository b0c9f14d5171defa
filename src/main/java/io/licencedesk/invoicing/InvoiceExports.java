package io.licencedesk.invoicing;

import io.licencedesk.accounts.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices of the caller's organisation for the accountant's CSV export, handed to a consumer one at a
 * time as they are read. Runs in one read-only transaction, which PostgreSQL's driver needs to stream rows
 * through a cursor rather than read them all into memory first; the consumer runs inside it.
 */
@Service
@Transactional(readOnly = true)
public class InvoiceExports {

    static final int FETCH_SIZE = 1000;

    private final InvoiceRepository invoices;
    private final Clock clock;

    InvoiceExports(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    /** The invoices the invoices page shows for these filters (any status or client when null), newest first. */
    public void invoices(Caller caller, InvoiceStatus status, Long clientId, Consumer<Invoice> each) {
        invoices(caller, InvoiceFilter.of(status, clientId), each);
    }

    /** The invoices the invoices page shows for these filters, newest first. */
    public void invoices(Caller caller, InvoiceFilter filter, Consumer<Invoice> each) {
        InvoiceManagement.requireStaff(caller);
        invoices.each(caller.organisationId(), filter, LocalDate.now(clock), FETCH_SIZE, each);
    }
}
