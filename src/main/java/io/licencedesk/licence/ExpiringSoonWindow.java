package io.licencedesk.licence;

import java.time.LocalDate;

/**
 * The days on which an active licence's end makes it "expiring soon": from today to the day {@code days} days after
 * it, both included. A licence ending today is in, one ending on the window's last day is in, one ending the day
 * after is not. The dashboard's count and its list, the main list's Expiring soon filter and badge, and the
 * expiring-soon notices read this one rule, the weekly digest's "within 30 days" too (decisions 0137, 0141); the
 * pages say its two dates.
 *
 * @param from today, the window's first day
 * @param until the window's last day, included
 * @param days the organisation's expiring-soon window, in days after today
 */
public record ExpiringSoonWindow(LocalDate from, LocalDate until, int days) {

    public static ExpiringSoonWindow of(LocalDate today, int days) {
        return new ExpiringSoonWindow(today, today.plusDays(days), days);
    }

    public boolean includes(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }
}
