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
 * @param keyword only those whose number, client (name, company, e-mail), licence (name, code) or payment reference
 *     contains it, in any case; every invoice when null or blank
 */
public record InvoiceFilter(
        Set<InvoiceStatus> statuses,
        boolean overdue,
        Long clientId,
        YearMonth issuedIn,
        YearMonth paidIn,
        String keyword) {

    public InvoiceFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /**
     * The invoice lists' filter: a status or a group of them (every status when null), a client (everyone's when
     * null), and the months invoices were issued and paid in (any month when null).
     */
    public static InvoiceFilter of(InvoiceStatusChoice choice, Long clientId, YearMonth issuedIn, YearMonth paidIn) {
        return choice == null
                ? new InvoiceFilter(Set.of(), false, clientId, issuedIn, paidIn, null)
                : new InvoiceFilter(choice.statuses(), choice.overdue(), clientId, issuedIn, paidIn, null);
    }

    /** The same filter, narrowed to the invoices whose text contains this keyword (all of them when blank). */
    public InvoiceFilter matching(String keyword) {
        return new InvoiceFilter(statuses, overdue, clientId, issuedIn, paidIn, keyword);
    }

    /** One status (or all when null) and one client (or all when null). */
    public static InvoiceFilter of(InvoiceStatus status, Long clientId) {
        return new InvoiceFilter(status == null ? Set.of() : Set.of(status), false, clientId, null, null, null);
    }
}
