package io.licencedesk.invoicing;

import java.time.YearMonth;
import java.util.Set;

/**
 * What the invoices page shows: every filter combines with AND.
 *
 * @param statuses the statuses shown; empty for every status
 * @param overdue only invoices issued or sent whose due date has passed
 * @param clientId only this client's, or everyone's when null
 * @param issuedIn only those issued in this month, or any month when null
 * @param paidIn only those paid in this month, or any month when null
 */
public record InvoiceFilter(
        Set<InvoiceStatus> statuses, boolean overdue, Long clientId, YearMonth issuedIn, YearMonth paidIn) {

    public InvoiceFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /**
     * The invoice lists' filter: a status or a group of them (every status when null), a client (everyone's when
     * null), and the months invoices were issued and paid in (any month when null).
     */
    public static InvoiceFilter of(InvoiceStatusChoice choice, Long clientId, YearMonth issuedIn, YearMonth paidIn) {
        return choice == null
                ? new InvoiceFilter(Set.of(), false, clientId, issuedIn, paidIn)
                : new InvoiceFilter(choice.statuses(), choice.overdue(), clientId, issuedIn, paidIn);
    }

    /** One status (or all when null) and one client (or all when null). */
    public static InvoiceFilter of(InvoiceStatus status, Long clientId) {
        return new InvoiceFilter(status == null ? Set.of() : Set.of(status), false, clientId, null, null);
    }
}
