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
        return pageOf(caller, filter, today, invoices.count(caller.organisationId(), filter, today), page, size);
    }

    /**
     * A page of the invoices page and what all its pages add up to, as {@link #invoices} and {@link #sums} would answer
     * them, but counted once: the sums count the invoices they add up, which is the page's total (decision 0145).
     */
    public Listing listing(Caller caller, InvoiceFilter filter, int page, int size) {
        InvoiceManagement.requireStaff(caller);
        LocalDate today = LocalDate.now(clock);
        List<InvoiceListSums> sums = invoices.sums(caller.organisationId(), filter, today);
        long total = sums.stream().mapToLong(InvoiceListSums::invoices).sum();
        return new Listing(pageOf(caller, filter, today, total, page, size), sums);
    }

    private PageOf<Invoice> pageOf(
            Caller caller, InvoiceFilter filter, LocalDate today, long total, int page, int size) {
        return PageOf.read(
                page,
                size,
                total,
                (offset, limit) -> invoices.page(caller.organisationId(), filter, today, total, offset, limit));
    }

    /** A page of the list and the sums of every page. */
    public record Listing(PageOf<Invoice> invoices, List<InvoiceListSums> sums) {}

    /** What the invoices these filters show add up to, every page, one entry per currency (none when none). */
    public List<InvoiceListSums> sums(Caller caller, InvoiceFilter filter) {
        InvoiceManagement.requireStaff(caller);
        return invoices.sums(caller.organisationId(), filter, LocalDate.now(clock));
    }
}
