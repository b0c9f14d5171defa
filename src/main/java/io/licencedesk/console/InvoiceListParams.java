package io.licencedesk.console;

import io.licencedesk.invoicing.InvoiceFilter;
import io.licencedesk.invoicing.InvoiceStatus;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The invoices page's query string: a status (one of the invoice's own, or Unpaid, Overdue, or All but void), a
 * client, and the month invoices were issued or paid in (the dashboard's monthly figures link there). Unknown
 * values mean "any", as in the other lists.
 */
record InvoiceListParams(String status, Long client, String issued, String paid) {

    static final String UNPAID = "unpaid";
    static final String OVERDUE = "overdue";
    static final String NOT_VOID = "not-void";

    InvoiceFilter filter() {
        String chosen = statusValue();
        Set<InvoiceStatus> statuses = switch (chosen) {
            case "" -> Set.of();
            case UNPAID, OVERDUE -> EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.SENT);
            case NOT_VOID -> EnumSet.complementOf(EnumSet.of(InvoiceStatus.VOID));
            default -> Set.of(InvoiceStatus.valueOf(chosen));
        };
        return new InvoiceFilter(statuses, chosen.equals(OVERDUE), client, issuedMonth(), paidMonth());
    }

    /** The status as the drop-down's value: an invoice status's name, one of the groups, or "" for all. */
    public String statusValue() {
        InvoiceStatus one = StatusFilter.parse(InvoiceStatus.class, status);
        if (one != null) {
            return one.name();
        }
        String group = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        return group.equals(UNPAID) || group.equals(OVERDUE) || group.equals(NOT_VOID) ? group : "";
    }

    public YearMonth issuedMonth() {
        return month(issued);
    }

    public YearMonth paidMonth() {
        return month(paid);
    }

    public boolean anyFilter() {
        return !statusValue().isEmpty() || client != null || issuedMonth() != null || paidMonth() != null;
    }

    /** This list at a page. */
    public String url(int page) {
        return url(statusValue(), issuedMonth(), paidMonth()) + "&page=" + page;
    }

    public String exportUrl() {
        return "/invoices/export.csv"
                + url(statusValue(), issuedMonth(), paidMonth()).substring("/invoices".length());
    }

    public String withoutIssuedUrl() {
        return url(statusValue(), null, paidMonth());
    }

    public String withoutPaidUrl() {
        return url(statusValue(), issuedMonth(), null);
    }

    private String url(String chosen, YearMonth issuedIn, YearMonth paidIn) {
        var query = new StringJoiner("&", "/invoices?", "");
        query.add("status=" + chosen);
        if (client != null) {
            query.add("client=" + client);
        }
        if (issuedIn != null) {
            query.add("issued=" + issuedIn);
        }
        if (paidIn != null) {
            query.add("paid=" + paidIn);
        }
        return query.toString();
    }

    /** A month written 2026-10, between years 1 and 9999; anything else means any month. */
    private static YearMonth month(String text) {
        try {
            YearMonth month = text == null || text.isBlank() ? null : YearMonth.parse(text.strip());
            return month == null || month.getYear() < 1 || month.getYear() > 9999 ? null : month;
        } catch (DateTimeParseException notAMonth) {
            return null;
        }
    }
}
