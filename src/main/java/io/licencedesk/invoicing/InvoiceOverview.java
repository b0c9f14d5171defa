package io.licencedesk.invoicing;

import io.licencedesk.shared.Money;
import java.time.YearMonth;
import java.util.List;

/**
 * An organisation's invoices at a glance (the staff dashboard, decision 0050): invoiced and paid month by month, and
 * what is overdue today.
 *
 * @param months one month after another, the oldest first, the current one last
 * @param overdue the totals of the invoices issued or sent whose due date has passed
 * @param overdueInvoices how many they are
 */
public record InvoiceOverview(List<Month> months, Money overdue, long overdueInvoices) {

    /**
     * One month: the totals (VAT included) of the invoices issued in it that are not void, and of those paid in it.
     */
    public record Month(YearMonth month, Money invoiced, long invoicedCount, Money paid, long paidCount) {}
}
