package io.licencedesk.invoicing;

import java.util.List;

/**
 * One numbered page of the invoices list. A search counts its matches up to {@link #COUNT_LIMIT} + 1 only (decision
 * 0164): adding up every match of a common term ("or": 196,518 of 524,498 invoices) cost 0.3–1.4 s, so beyond the
 * limit the list says "more than 1,000", knows no last page, and goes on while {@link #hasNext()} says so. The
 * filters without a keyword are counted exactly, from the tally or a client's index.
 *
 * @param items the page's invoices, newest first
 * @param page this page's number, from 1
 * @param size how many invoices a page holds
 * @param total how many invoices the list holds; {@link #COUNT_LIMIT} + 1 when {@link #totalCapped()}
 * @param totalCapped whether more than {@link #COUNT_LIMIT} invoices match a search, which were not all counted
 * @param hasNext whether a page follows this one
 */
public record InvoiceListPage(
        List<Invoice> items, int page, int size, long total, boolean totalCapped, boolean hasNext) {

    public static final int COUNT_LIMIT = 1_000;

    public int countLimit() {
        return COUNT_LIMIT;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** How many pages the list has; when {@link #totalCapped()}, only those known: up to this one and the next. */
    public int pageCount() {
        if (totalCapped) {
            return hasNext ? page + 1 : page;
        }
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** A page asked for past the end of a search that was not all counted: it holds nothing, and says so. */
    public boolean pastTheEnd() {
        return totalCapped && items.isEmpty() && page > 1;
    }
}
