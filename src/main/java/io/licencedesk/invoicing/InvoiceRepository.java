package io.licencedesk.invoicing;

import io.licencedesk.shared.Money;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

    private static final RowMapper<Invoice> INVOICE = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Invoice(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("number"),
                rs.getLong("licence_id"),
                rs.getInt("term_number"),
                rs.getLong("client_id"),
                InvoiceStatus.valueOf(rs.getString("status")),
                date(rs.getDate("issued_on")),
                date(rs.getDate("due_on")),
                date(rs.getDate("term_start")),
                date(rs.getDate("term_end")),
                rs.getString("term_label"),
                rs.getString("seller_name"),
                rs.getString("seller_address"),
                rs.getString("seller_email"),
                rs.getString("buyer_name"),
                rs.getString("buyer_company"),
                rs.getString("buyer_email"),
                rs.getString("buyer_address"),
                rs.getString("buyer_vat_number"),
                rs.getString("licence_name"),
                rs.getString("coupon_code"),
                rs.getString("plan_name"),
                rs.getInt("quantity"),
                new Money(rs.getLong("unit_price_minor"), currency),
                new Money(rs.getLong("subtotal_minor"), currency),
                rs.getBigDecimal("vat_rate"),
                new Money(rs.getLong("vat_minor"), currency),
                new Money(rs.getLong("total_minor"), currency),
                date(rs.getDate("paid_on")),
                rs.getString("payment_reference"),
                rs.getString("void_reason"));
    };

    private final JdbcClient jdbc;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyFor(long organisationId) {
        return jdbc.sql("select exists (select 1 from invoice where organisation_id = :organisationId)")
                .param("organisationId", organisationId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The next number of the organisation's sequence for the year, taken under a row lock held until
     * the issuing transaction ends: numbers are gapless, and a rolled-back invoice gives its number back.
     */
    int nextSequence(long organisationId, int year) {
        jdbc.sql("""
                        insert into invoice_counter (organisation_id, invoice_year, last_value)
                        values (:organisationId, :year, 0)
                        on conflict do nothing
                        """)
                .param("organisationId", organisationId)
                .param("year", year)
                .update();
        int last = jdbc.sql("""
                        select last_value from invoice_counter
                        where organisation_id = :organisationId and invoice_year = :year
                        for update
                        """)
                .param("organisationId", organisationId)
                .param("year", year)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        update invoice_counter set last_value = :next
                        where organisation_id = :organisationId and invoice_year = :year
                        """)
                .param("organisationId", organisationId)
                .param("year", year)
                .param("next", last + 1)
                .update();
        return last + 1;
    }

    long insert(Invoice invoice, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into invoice (organisation_id, number, licence_id, term_number, billed_term, client_id,
                                             status, issued_on, due_on, term_start, term_end, term_label,
                                             seller_name, seller_address, seller_email, buyer_name, buyer_company,
                                             buyer_email, buyer_address, buyer_vat_number, licence_name,
                                             coupon_code, plan_name, quantity, unit_price_minor, subtotal_minor,
                                             vat_rate, vat_minor, total_minor, currency, created_at)
                        values (:organisationId, :number, :licenceId, :termNumber, :termNumber, :clientId,
                                :status, :issuedOn, :dueOn, :termStart, :termEnd, :termLabel,
                                :sellerName, :sellerAddress, :sellerEmail, :buyerName, :buyerCompany,
                                :buyerEmail, :buyerAddress, :buyerVatNumber, :licenceName,
                                :couponCode, :planName, :quantity, :unitPrice, :subtotal,
                                :vatRate, :vat, :total, :currency, :now)
                        """)
                .param("organisationId", invoice.organisationId())
                .param("number", invoice.number())
                .param("licenceId", invoice.licenceId())
                .param("termNumber", invoice.termNumber())
                .param("clientId", invoice.clientId())
                .param("status", invoice.status().name())
                .param("issuedOn", sqlDate(invoice.issuedOn()))
                .param("dueOn", sqlDate(invoice.dueOn()))
                .param("termStart", sqlDate(invoice.termStart()))
                .param("termEnd", sqlDate(invoice.termEnd()))
                .param("termLabel", invoice.termLabel())
                .param("sellerName", invoice.sellerName())
                .param("sellerAddress", invoice.sellerAddress())
                .param("sellerEmail", invoice.sellerEmail())
                .param("buyerName", invoice.buyerName())
                .param("buyerCompany", invoice.buyerCompany())
                .param("buyerEmail", invoice.buyerEmail())
                .param("buyerAddress", invoice.buyerAddress())
                .param("buyerVatNumber", invoice.buyerVatNumber())
                .param("licenceName", invoice.licenceName())
                .param("couponCode", invoice.couponCode())
                .param("planName", invoice.planName())
                .param("quantity", invoice.quantity())
                .param("unitPrice", invoice.unitPrice().minorUnits())
                .param("subtotal", invoice.subtotal().minorUnits())
                .param("vatRate", invoice.vatRate())
                .param("vat", invoice.vat().minorUnits())
                .param("total", invoice.total().minorUnits())
                .param("currency", invoice.total().currency().getCurrencyCode())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Invoice> find(long organisationId, long id) {
        return jdbc.sql("select * from invoice where organisation_id = :organisationId and id = :id")
                .param("organisationId", organisationId)
                .param("id", id)
                .query(INVOICE)
                .optional();
    }

    Optional<Invoice> findForUpdate(long organisationId, long id) {
        return jdbc.sql("select * from invoice where organisation_id = :organisationId and id = :id for update")
                .param("organisationId", organisationId)
                .param("id", id)
                .query(INVOICE)
                .optional();
    }

    /** The invoice that counts for the licence's term: the one that is not void. */
    Optional<Invoice> findCounting(long licenceId, int termNumber) {
        return jdbc.sql("select * from invoice where licence_id = :licenceId and billed_term = :termNumber")
                .param("licenceId", licenceId)
                .param("termNumber", termNumber)
                .query(INVOICE)
                .optional();
    }

    List<Invoice> page(long organisationId, InvoiceStatus status, Long clientId, int offset, int limit) {
        return jdbc.sql("""
                        select * from invoice where organisation_id = :organisationId %s
                        order by id desc
                        offset :offset rows fetch next :limit rows only
                        """.formatted(conditions(status, clientId)))
                .param("organisationId", organisationId)
                .param("status", status == null ? "" : status.name())
                .param("clientId", clientId == null ? 0L : clientId)
                .param("offset", offset)
                .param("limit", limit)
                .query(INVOICE)
                .list();
    }

    long count(long organisationId, InvoiceStatus status, Long clientId) {
        return jdbc.sql("select count(*) from invoice where organisation_id = :organisationId %s"
                        .formatted(conditions(status, clientId)))
                .param("organisationId", organisationId)
                .param("status", status == null ? "" : status.name())
                .param("clientId", clientId == null ? 0L : clientId)
                .query(Long.class)
                .single();
    }

    List<Invoice> forLicence(long organisationId, long licenceId) {
        return jdbc.sql("""
                        select * from invoice where organisation_id = :organisationId and licence_id = :licenceId
                        order by id desc
                        """)
                .param("organisationId", organisationId)
                .param("licenceId", licenceId)
                .query(INVOICE)
                .list();
    }

    void markPaid(long id, LocalDate paidOn, String reference) {
        jdbc.sql("update invoice set status = 'PAID', paid_on = :paidOn, payment_reference = :reference where id = :id")
                .param("id", id)
                .param("paidOn", sqlDate(paidOn))
                .param("reference", reference)
                .update();
    }

    void markSent(long id) {
        jdbc.sql("update invoice set status = 'SENT' where id = :id and status = 'ISSUED'")
                .param("id", id)
                .update();
    }

    /** A void invoice keeps its number but no longer counts for its term. */
    void markVoid(long id, String reason) {
        jdbc.sql("update invoice set status = 'VOID', billed_term = null, void_reason = :reason where id = :id")
                .param("id", id)
                .param("reason", reason)
                .update();
    }

    private static String conditions(InvoiceStatus status, Long clientId) {
        return (status == null ? "" : " and status = :status") + (clientId == null ? "" : " and client_id = :clientId");
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
