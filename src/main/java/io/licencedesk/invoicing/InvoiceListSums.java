package io.licencedesk.invoicing;

import io.licencedesk.shared.Money;

/**
 * What the invoices a list shows add up to, every page of it, in one currency: what an accountant reconciles. Void
 * invoices are counted but not added up, as the dashboard's "invoiced" leaves them out (they are owed by nobody).
 *
 * @param invoices how many invoices in this currency the list shows, void ones included
 * @param net their amounts before VAT, void ones left out
 * @param vat their VAT
 * @param total their totals with VAT
 * @param paid the totals of those paid
 * @param unpaid the totals of those still to pay (issued or sent)
 * @param overdue of those still to pay, the totals of those past their due date
 * @param voided how many are void
 */
public record InvoiceListSums(
        long invoices, Money net, Money vat, Money total, Money paid, Money unpaid, Money overdue, long voided) {}
