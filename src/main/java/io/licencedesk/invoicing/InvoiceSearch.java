package io.licencedesk.invoicing;

import io.licencedesk.accounts.Caller;
import io.licencedesk.shared.PageOf;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The invoices page with all of its filters (the dashboard's figures link to it), newest first. */
@Service
@Transactional(readOnly = true)
public class InvoiceSearch {

    private final InvoiceRepository invoices;
    private final Clock clock;

    InvoiceSearch(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    public PageOf<Invoice> invoices(Caller caller, InvoiceFilter filter, int page, int size) {
        InvoiceManagement.requireStaff(caller);
        LocalDate today = LocalDate.now(clock);
        return PageOf.read(
                page,
                size,
                invoices.count(caller.organisationId(), filter, today),
                (offset, limit) -> invoices.page(caller.organisationId(), filter, today, offset, limit));
    }

    /** What the invoices these filters show add up to, every page, one entry per currency (none when none). */
    public List<InvoiceListSums> sums(Caller caller, InvoiceFilter filter) {
        InvoiceManagement.requireStaff(caller);
        return invoices.sums(caller.organisationId(), filter, LocalDate.now(clock));
    }
}
