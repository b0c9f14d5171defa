package io.licencedesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * What the dashboard benchmark adds to the main list's data, once: an invoice for the current term of every licence
 * the generator marked invoiced or paid (about 525,000 at 1,000,000 licences), issued on the term's first day, due 30
 * days later, paid within 40 days when paid (with a transfer's reference), one in 50 void, 20% VAT, the client's name,
 * company and e-mail recorded as the buyer (the invoice list's search looks in them); and, on every run, recent check-ins for the
 * device benchmark's screens (one every hour of the last 48 hours, so that about half were seen within 24 hours).
 */
final class DashboardBenchData {

    static final String NUMBER_PREFIX = "BENCH-";

    private DashboardBenchData() {}

    /** Adds the invoices unless the organisation has some; returns how many it has. */
    static long ensureInvoices(Connection connection, long organisationId, LocalDate today) throws SQLException {
        connection.setAutoCommit(true);
        long present = count(connection, "select count(*) from invoice where organisation_id = " + organisationId);
        if (present > 0) {
            return present;
        }
        try (var statement = connection.prepareStatement("""
                insert into invoice (organisation_id, number, licence_id, term_number, billed_term, client_id, status,
                                     issued_on, due_on, term_start, term_end, term_label, seller_name, buyer_name,
                                     buyer_company, buyer_email, licence_name, coupon_code, plan_name, quantity, unit_price_minor,
                                     subtotal_minor, vat_rate, vat_minor, total_minor, currency, paid_on,
                                     payment_reference, created_at)
                select l.organisation_id, ? || l.id, l.id, l.term_number,
                       case when l.id % 50 = 0 then null else l.term_number end, l.client_id,
                       case when l.id % 50 = 0 then 'VOID' when l.billing_status = 'PAID' then 'PAID'
                            when l.id % 3 = 0 then 'ISSUED' else 'SENT' end,
                       l.activated_on, l.activated_on + 30, l.activated_on, l.ends_on, p.name,
                       'Bench Signage Ltd', u.name, u.company, u.email, l.name, l.coupon_code, p.name, l.quantity,
                       l.unit_price_minor, l.quantity * l.unit_price_minor, 20.00,
                       l.quantity * l.unit_price_minor / 5, l.quantity * l.unit_price_minor * 6 / 5, 'EUR',
                       case when l.billing_status = 'PAID' and l.id % 50 <> 0
                            then least(l.activated_on + (l.id % 40)::int, ?::date) end,
                       case when l.billing_status = 'PAID' and l.id % 50 <> 0 then 'TRF-' || (l.id * 7919 % 1000003) end,
                       now()
                from licence l
                join plan p on p.id = l.plan_id
                join app_user u on u.id = l.client_id
                where l.organisation_id = ? and l.billing_status in ('INVOICED', 'PAID')
                  and l.activated_on is not null and l.activated_on <= ?::date
                """)) {
            statement.setString(1, NUMBER_PREFIX);
            statement.setObject(2, today);
            statement.setLong(3, organisationId);
            statement.setObject(4, today);
            statement.executeUpdate();
        }
        try (var statement = connection.createStatement()) {
            statement.execute("vacuum (analyze) invoice");
            statement.execute("vacuum (analyze) invoice_tally");
            statement.execute("vacuum (analyze) invoice_list_tally");
        }
        return count(connection, "select count(*) from invoice where organisation_id = " + organisationId);
    }

    /** Moves the device benchmark's screens' last check-ins to the last 48 hours, one hour apart by screen. */
    static void recentCheckIns(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("update screen set last_check_in_at = now() - (id % 48) * interval '1 hour'"
                    + " - interval '1 minute' where name like '" + DeviceBenchData.NAME_PREFIX + "%'");
            statement.execute("vacuum (analyze) screen");
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
