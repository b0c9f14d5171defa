package io.licencedesk.licence;

import io.licencedesk.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the licences in use on a day bring in a month (decision 0050): each licence's amount (its screens times its
 * unit price) divided by its term in months, added up. A licence is in use on a day from its activation date to its
 * end date, both included, unless it is paused.
 *
 * @param on the month's last day, or today for the current month
 * @param monthly the recurring revenue, rounded to the minor unit once, after adding up
 * @param licences how many licences were in use that day (the list filtered "in use on" that day)
 */
public record RecurringRevenue(LocalDate on, Money monthly, long licences) {

    public YearMonth month() {
        return YearMonth.from(on);
    }
}
