package io.licencedesk.invoicing;

import io.licencedesk.accounts.Caller;
import io.licencedesk.shared.PageOf;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices page with all of its filters (the dashboard's figures link to it), newest first.
 *
 * <p>A page's count (or sums) and its rows are two statements: at repeatable read they see one snapshot, so the count
 * says how many invoices the rows are read from, and a page read from the other end of the list starts where the
 * count says (decision 0164). A read-only transaction never fails for it on PostgreSQL.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class InvoiceSearch {

    private final InvoiceRepository invoices;
    private final Clock clock;

    InvoiceSearch(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    /** A page of the list; a search counts up to {@link InvoiceListPage#COUNT_LIMIT} + 1 matches (decision 0164). */
    public InvoiceListPage invoices(Caller caller, InvoiceFilter filter, int page, int size) {
        InvoiceManagement.requireStaff(caller);
        LocalDate today = LocalDate.now(clock);
        long organisationId = caller.organisationId();
        if (searched(filter)) {
            return searchPage(
                    organisationId, filter, today, invoices.matchingIds(organisationId, filter, today), page, size);
        }
        return exactPage(organisationId, filter, today, invoices.count(organisationId, filter, today), page, size);
    }

    /**
     * A page of the invoices page and what all its pages add up to, as {@link #invoices} and {@link #sums} would answer
     * them, but counted once: the sums count the invoices they add up, which is the page's total (decision 0145). A
     * search of more than {@link InvoiceListPage#COUNT_LIMIT} invoices has no sums: adding them all up is what took
     * 0.3–1.4 s (decision 0164); one of fewer adds up the invoices its count found.
     */
    public Listing listing(Caller caller, InvoiceFilter filter, int page, int size) {
        InvoiceManagement.requireStaff(caller);
        LocalDate today = LocalDate.now(clock);
        long organisationId = caller.organisationId();
        if (searched(filter)) {
            List<Long> matching = invoices.matchingIds(organisationId, filter, today);
            var found = searchPage(organisationId, filter, today, matching, page, size);
            return new Listing(
                    found, found.totalCapped() ? List.of() : invoices.sumsOf(organisationId, matching, today));
        }
        List<InvoiceListSums> sums = invoices.sums(organisationId, filter, today);
        long total = sums.stream().mapToLong(InvoiceListSums::invoices).sum();
        return new Listing(exactPage(organisationId, filter, today, total, page, size), sums);
    }

    private static boolean searched(InvoiceFilter filter) {
        return filter.keyword() != null && !filter.keyword().isBlank();
    }

    /**
     * A page of a search. Up to the limit, the count found every match, newest first, and the page is some of them;
     * beyond it (the count's 1,001 are any, not the newest) the page is read with the search's conditions, one more
     * than it shows to know whether a page follows.
     */
    private InvoiceListPage searchPage(
            long organisationId, InvoiceFilter filter, LocalDate today, List<Long> matching, int page, int size) {
        if (matching.size() <= InvoiceListPage.COUNT_LIMIT) {
            int lastPage = Math.max(1, (matching.size() + size - 1) / size);
            int shown = Math.min(Math.max(1, page), lastPage);
            int from = (shown - 1) * size;
            List<Long> ids = matching.subList(from, Math.min(from + size, matching.size()));
            return new InvoiceListPage(
                    invoices.byIds(organisationId, ids), shown, size, matching.size(), false, shown < lastPage);
        }
        int shown = Math.max(1, page);
        long offset = (long) (shown - 1) * size;
        List<Invoice> rows = invoices.searchPage(organisationId, filter, today, offset, size + 1);
        boolean more = rows.size() > size;
        return new InvoiceListPage(more ? rows.subList(0, size) : rows, shown, size, matching.size(), true, more);
    }

    private InvoiceListPage exactPage(
            long organisationId, InvoiceFilter filter, LocalDate today, long total, int page, int size) {
        var read = PageOf.read(
                page,
                size,
                total,
                (offset, limit) -> invoices.page(organisationId, filter, today, total, offset, limit));
        return new InvoiceListPage(read.items(), read.page(), size, total, false, read.hasNext());
    }

    /** A page of the list and the sums of every page: none when the page's count is capped. */
    public record Listing(InvoiceListPage invoices, List<InvoiceListSums> sums) {}

    /** What the invoices these filters show add up to, every page, one entry per currency (none when none). */
    public List<InvoiceListSums> sums(Caller caller, InvoiceFilter filter) {
        InvoiceManagement.requireStaff(caller);
        return invoices.sums(caller.organisationId(), filter, LocalDate.now(clock));
    }
}
