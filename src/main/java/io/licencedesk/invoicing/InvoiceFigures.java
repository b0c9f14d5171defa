package io.licencedesk.invoicing;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.invoicing.InvoiceFigureQueries.Sum;
import io.licencedesk.shared.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice figures of the staff dashboard (decision 0050), for staff of the caller's organisation. On PostgreSQL
 * they come from invoice_tally, which triggers keep current in the transaction of every change to an invoice.
 * Amounts are in the organisation's currency, the one every one of its invoices is in (decision 0029).
 */
@Service
@Transactional(readOnly = true)
public class InvoiceFigures {

    private final InvoiceFigureQueries queries;
    private final AccountManagement accounts;
    private final Clock clock;

    InvoiceFigures(InvoiceFigureQueries queries, AccountManagement accounts, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Invoiced and paid in each of the last {@code months} months (the current one so far), and overdue today. */
    public InvoiceOverview overview(Caller caller, int months) {
        InvoiceManagement.requireStaff(caller);
        Currency currency = accounts.organisation(caller).currency();
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today).minusMonths(months - 1L);
        String source = queries.source();
        Map<String, Map<YearMonth, Sum>> sums = queries.monthly(caller.organisationId(), first.atDay(1), today, source);
        List<InvoiceOverview.Month> list = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            Sum invoiced = sums.getOrDefault("ISSUED", Map.of()).getOrDefault(month, Sum.NONE);
            Sum paid = sums.getOrDefault("PAID", Map.of()).getOrDefault(month, Sum.NONE);
            list.add(new InvoiceOverview.Month(
                    month,
                    new Money(invoiced.totalMinor(), currency),
                    invoiced.invoices(),
                    new Money(paid.totalMinor(), currency),
                    paid.invoices()));
        }
        Sum overdue = queries.overdue(caller.organisationId(), today, source);
        return new InvoiceOverview(list, new Money(overdue.totalMinor(), currency), overdue.invoices());
    }
}
