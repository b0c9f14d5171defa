package io.licencedesk.console;

import io.licencedesk.invoicing.InvoiceFilter;
import io.licencedesk.invoicing.InvoiceStatusChoice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The invoices page's query string: a status (one of the invoice's own, or Unpaid, Overdue, or All but void), a
 * client, the month invoices were issued or paid in (the dashboard's monthly figures link there), and a keyword. Every value is
 * text but the client (a number, as in every list: one that is not is the 400 page), so that anything typed binds: a
 * value the page cannot read is left out of the filter, and {@link #notUnderstood()} names it so that the page can
 * say so rather than look filtered when it is not.
 */
record InvoiceListParams(String status, Long client, String issued, String paid, String q) {

    /** The status or group asked for, or null for every status (also when the text names none). */
    InvoiceStatusChoice statusChoice() {
        return InvoiceStatusChoice.parse(status).orElse(null);
    }

    InvoiceFilter filter() {
        return InvoiceFilter.of(statusChoice(), clientId(), issuedMonth(), paidMonth())
                .matching(keyword());
    }

    /**
     * The status as the drop-down's value, as the console's links have always written it: a status's name, a group
     * in lower case with a hyphen ("not-void"), or "" for all.
     */
    public String statusValue() {
        InvoiceStatusChoice chosen = statusChoice();
        if (chosen == null) {
            return "";
        }
        return chosen.group() ? chosen.name().toLowerCase(Locale.ROOT).replace('_', '-') : chosen.name();
    }

    /** The client asked for, or null for everyone's. A client that is not a number is the 400 page, as in every list. */
    public Long clientId() {
        return client;
    }

    /** What the search box holds, trimmed, or null when it holds nothing. */
    public String keyword() {
        return given(q) ? q.strip() : null;
    }

    public YearMonth issuedMonth() {
        return month(issued);
    }

    public YearMonth paidMonth() {
        return month(paid);
    }

    /**
     * The parameters given a value the page cannot read, each with what was typed, in the order of the page's
     * filters: these are ignored, not refused, so the page shows the list without them and says which.
     */
    Map<String, String> notUnderstood() {
        var ignored = new LinkedHashMap<String, String>();
        if (given(status) && statusChoice() == null) {
            ignored.put("status", status.strip());
        }
        if (given(issued) && issuedMonth() == null) {
            ignored.put("issued", issued.strip());
        }
        if (given(paid) && paidMonth() == null) {
            ignored.put("paid", paid.strip());
        }
        return ignored;
    }

    /** The same list for every client: the client asked for is not one of the organisation's. */
    InvoiceListParams withoutClient() {
        return new InvoiceListParams(status, null, issued, paid, q);
    }

    public boolean anyFilter() {
        return !statusValue().isEmpty()
                || clientId() != null
                || issuedMonth() != null
                || paidMonth() != null
                || keyword() != null;
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
        Long clientId = clientId();
        if (clientId != null) {
            query.add("client=" + clientId);
        }
        if (issuedIn != null) {
            query.add("issued=" + issuedIn);
        }
        if (paidIn != null) {
            query.add("paid=" + paidIn);
        }
        if (keyword() != null) {
            query.add("q=" + URLEncoder.encode(keyword(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
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
