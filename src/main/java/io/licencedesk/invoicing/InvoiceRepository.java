package io.licencedesk.invoicing;

import io.licencedesk.shared.GroupedCode;
import io.licencedesk.shared.Like;
import io.licencedesk.shared.Money;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

    private static final RowMapper<Invoice> INVOICE = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Invoice(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("number"),
                rs.getLong("client_id"),
                InvoiceStatus.valueOf(rs.getString("status")),
                date(rs.getDate("issued_on")),
                date(rs.getDate("due_on")),
                new Invoice.Seller(
                        rs.getString("seller_name"),
                        rs.getString("seller_address"),
                        rs.getString("seller_email"),
                        rs.getString("seller_vat_number"),
                        rs.getString("seller_registration"),
                        new Invoice.Payment(
                                rs.getString("payment_iban"),
                                rs.getString("payment_bic"),
                                rs.getString("payment_instructions"),
                                rs.getString("payment_link"))),
                new Invoice.Buyer(
                        rs.getString("buyer_name"),
                        rs.getString("buyer_company"),
                        rs.getString("buyer_email"),
                        rs.getString("buyer_address"),
                        rs.getString("buyer_vat_number")),
                new Invoice.Line(
                        rs.getLong("licence_id"),
                        rs.getInt("term_number"),
                        rs.getString("licence_name"),
                        rs.getString("coupon_code"),
                        rs.getString("plan_name"),
                        rs.getInt("quantity"),
                        new Money(rs.getLong("unit_price_minor"), currency),
                        date(rs.getDate("term_start")),
                        date(rs.getDate("term_end")),
                        rs.getString("term_label")),
                new Invoice.Totals(
                        new Money(rs.getLong("subtotal_minor"), currency),
                        rs.getBigDecimal("vat_rate"),
                        new Money(rs.getLong("vat_minor"), currency),
                        new Money(rs.getLong("total_minor"), currency),
                        rs.getBoolean("reverse_charge"),
                        rs.getBoolean("outside_eu_vat")),
                date(rs.getDate("paid_on")),
                rs.getString("payment_reference"),
                rs.getString("void_reason"),
                rs.getObject("payment_resumed_licence", Boolean.class));
    };

    private final JdbcClient jdbc;
    private final boolean postgres;

    InvoiceRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    boolean anyFor(long organisationId) {
        return jdbc.sql("select exists (select 1 from invoice where organisation_id = :organisationId)")
                .param("organisationId", organisationId)
                .query(Boolean.class)
                .single();
    }

    /** Saves a new invoice; the invoice as saved, with its id. */
    Invoice insert(Invoice invoice, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into invoice (organisation_id, number, licence_id, term_number, billed_term, client_id,
                                             status, issued_on, due_on, term_start, term_end, term_label,
                                             seller_name, seller_address, seller_email, buyer_name, buyer_company,
                                             buyer_email, buyer_address, buyer_vat_number, licence_name,
                                             coupon_code, plan_name, quantity, unit_price_minor, subtotal_minor,
                                             vat_rate, vat_minor, total_minor, currency, created_at,
                                             seller_vat_number, seller_registration, payment_iban, payment_bic,
                                             payment_instructions, payment_link, reverse_charge,
                                             outside_eu_vat)
                        values (:organisationId, :number, :licenceId, :termNumber, :termNumber, :clientId,
                                :status, :issuedOn, :dueOn, :termStart, :termEnd, :termLabel,
                                :sellerName, :sellerAddress, :sellerEmail, :buyerName, :buyerCompany,
                                :buyerEmail, :buyerAddress, :buyerVatNumber, :licenceName,
                                :couponCode, :planName, :quantity, :unitPrice, :subtotal,
                                :vatRate, :vat, :total, :currency, :now,
                                :sellerVatNumber, :sellerRegistration, :paymentIban, :paymentBic,
                                :paymentInstructions, :paymentLink, :reverseCharge,
                                :outsideEuVat)
                        """)
                .param("organisationId", invoice.organisationId())
                .param("number", invoice.number())
                .param("licenceId", invoice.line().licenceId())
                .param("termNumber", invoice.line().termNumber())
                .param("clientId", invoice.clientId())
                .param("status", invoice.status().name())
                .param("issuedOn", sqlDate(invoice.issuedOn()))
                .param("dueOn", sqlDate(invoice.dueOn()))
                .param("termStart", sqlDate(invoice.line().termStart()))
                .param("termEnd", sqlDate(invoice.line().termEnd()))
                .param("termLabel", invoice.line().termLabel())
                .param("sellerName", invoice.seller().name())
                .param("sellerAddress", invoice.seller().address())
                .param("sellerEmail", invoice.seller().email())
                .param("sellerVatNumber", invoice.seller().vatNumber())
                .param("sellerRegistration", invoice.seller().registration())
                .param("paymentIban", invoice.seller().payment().iban())
                .param("paymentBic", invoice.seller().payment().bic())
                .param("paymentInstructions", invoice.seller().payment().instructions())
                .param("paymentLink", invoice.seller().payment().link())
                .param("reverseCharge", invoice.totals().reverseCharge())
                .param("outsideEuVat", invoice.totals().outsideEuVat())
                .param("buyerName", invoice.buyer().name())
                .param("buyerCompany", invoice.buyer().company())
                .param("buyerEmail", invoice.buyer().email())
                .param("buyerAddress", invoice.buyer().address())
                .param("buyerVatNumber", invoice.buyer().vatNumber())
                .param("licenceName", invoice.line().licenceName())
                .param("couponCode", invoice.line().couponCode())
                .param("planName", invoice.line().planName())
                .param("quantity", invoice.line().quantity())
                .param("unitPrice", invoice.line().unitPrice().minorUnits())
                .param("subtotal", invoice.totals().subtotal().minorUnits())
                .param("vatRate", invoice.totals().vatRate())
                .param("vat", invoice.totals().vat().minorUnits())
                .param("total", invoice.totals().total().minorUnits())
                .param("currency", invoice.totals().total().currency().getCurrencyCode())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return invoice.savedAs(keys.getKeyAs(Number.class).longValue());
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

    /** The invoices that count for these licences' terms (those not void), by licence id, in one query. */
    Map<Long, Invoice> findCounting(long organisationId, Map<Long, Integer> termsByLicence) {
        if (termsByLicence.isEmpty()) {
            return Map.of();
        }
        List<Object[]> terms = termsByLicence.entrySet().stream()
                .map(term -> new Object[] {term.getKey(), term.getValue()})
                .toList();
        return jdbc
                .sql("""
                        select * from invoice
                        where organisation_id = :organisationId and (licence_id, billed_term) in (:terms)
                        """)
                .param("organisationId", organisationId)
                .param("terms", terms)
                .query(INVOICE)
                .list()
                .stream()
                .collect(Collectors.toMap(invoice -> invoice.line().licenceId(), invoice -> invoice));
    }

    List<Invoice> page(long organisationId, InvoiceStatus status, Long clientId, long matches, int offset, int limit) {
        return page(organisationId, InvoiceFilter.of(status, clientId), null, matches, offset, limit);
    }

    /**
     * A page of the list: the ids of the page first, from the index on (organisation_id, id) alone where no other
     * condition needs the row (an index-only scan), then the 25 rows. A deep page skips its offset in the index instead
     * of reading, and throwing away, every row before it (decision 0154); the page numbers of the list's links stay.
     */
    static final String PAGE = """
            select invoice.* from invoice
            join (select id from invoice where %s
                  order by id desc
                  offset :offset rows fetch next :limit rows only) page on page.id = invoice.id
            order by invoice.id desc
            """;

    /**
     * The same page read from the other end of the list (oldest first, then turned round): a page past the middle of
     * the list skips fewer invoices that way, as the exact number of invoices says where it starts from the end.
     */
    static final String PAGE_FROM_THE_END = """
            select invoice.* from invoice
            join (select id from invoice where %s
                  order by id
                  offset :offset rows fetch next :limit rows only) page on page.id = invoice.id
            order by invoice.id desc
            """;

    /**
     * A page of the invoices these filters show, newest first; {@code today} decides which are overdue, and {@code
     * matches}, how many there are (known from the count or the sums), from which end the page is read. A filter
     * without a keyword: a search's page is read by {@link #searchPage} or by the ids its count found (decision 0164).
     */
    List<Invoice> page(
            long organisationId, InvoiceFilter filter, LocalDate today, long matches, int offset, int limit) {
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            throw new IllegalArgumentException("a search's page is read by searchPage or by id");
        }
        var where = Conditions.of(organisationId, filter, today, ShortTerm.WITH_ORGANISATION, postgres);
        if (offset > matches / 2) {
            // The page's invoices are, counted from the oldest, those from matches - offset - limit (or the oldest)
            // up to matches - offset: the last page holds fewer.
            long fromTheEnd = Math.max(0, matches - offset - limit);
            long rows = matches - offset - fromTheEnd;
            if (rows <= 0) {
                return List.of();
            }
            return jdbc.sql(PAGE_FROM_THE_END.formatted(where.sql()))
                    .params(where.params())
                    .param("offset", fromTheEnd)
                    .param("limit", rows)
                    .query(INVOICE)
                    .list();
        }
        return jdbc.sql(PAGE.formatted(where.sql()))
                .params(where.params())
                .param("offset", offset)
                .param("limit", limit)
                .query(INVOICE)
                .list();
    }

    /**
     * Every invoice the list shows for these filters, in its order, one at a time: with a fetch size, inside a
     * transaction, PostgreSQL's driver reads them through a cursor instead of all at once (see InvoiceExports).
     */
    void each(long organisationId, InvoiceFilter filter, LocalDate today, int fetchSize, Consumer<Invoice> each) {
        RowCallbackHandler handler = rs -> each.accept(INVOICE.mapRow(rs, 0));
        // In list order, so that the file starts at once and streams whatever the term (decision 0145).
        var where = Conditions.of(organisationId, filter, today, ShortTerm.IN_ORDER, postgres);
        jdbc.sql("select * from invoice where %s order by id desc".formatted(where.sql()))
                .params(where.params())
                .withFetchSize(fetchSize)
                .query(handler);
    }

    long count(long organisationId, InvoiceStatus status, Long clientId) {
        return count(organisationId, InvoiceFilter.of(status, clientId), null);
    }

    long count(long organisationId, InvoiceFilter filter, LocalDate today) {
        var where = Conditions.of(organisationId, filter, today, ShortTerm.WITH_ORGANISATION, postgres);
        if (tallied(filter)) {
            return jdbc.sql("select coalesce(sum(invoices), 0) from %s t where %s".formatted(tally(), where.sql()))
                    .params(where.params())
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql("select count(*) from invoice where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /**
     * What the invoices these filters show add up to, one row per currency (an organisation's currency is fixed once
     * it has invoices, decision 0029, but an invoice keeps its own), void ones counted and not added up.
     */
    List<InvoiceListSums> sums(long organisationId, InvoiceFilter filter, LocalDate today) {
        if (tallied(filter)) {
            return tallySums(organisationId, filter, today, tally());
        }
        // A search's way chosen as its count's (decision 0169), so that a small organisation's totals of a term that a
        // large one holds thousands of no longer read all of them; every match is added up, so a common term's are
        // read through its pairs unless the organisation has fewer invoices than the term has candidates.
        var where = Conditions.of(
                organisationId, filter, today, shortTermWay(organisationId, filter, today, true), postgres);
        return addedUp(where.sql(), where.params(), today);
    }

    /** What these invoices add up to, as {@link #sums} adds up those of a filter (a search's, found by its count). */
    List<InvoiceListSums> sumsOf(long organisationId, List<Long> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return addedUp(
                "organisation_id = :organisationId and id in (:ids)",
                Map.of("organisationId", organisationId, "ids", ids),
                today);
    }

    private List<InvoiceListSums> addedUp(String where, Map<String, ?> params, LocalDate today) {
        return jdbc.sql("""
                        select currency, count(*) as invoices,
                               sum(case when status <> 'VOID' then subtotal_minor else 0 end) as net,
                               sum(case when status <> 'VOID' then vat_minor else 0 end) as vat,
                               sum(case when status <> 'VOID' then total_minor else 0 end) as total,
                               sum(case when status = 'PAID' then total_minor else 0 end) as paid,
                               sum(case when status in ('ISSUED', 'SENT') then total_minor else 0 end) as unpaid,
                               sum(case when status in ('ISSUED', 'SENT') and due_on < :overdueBefore
                                        then total_minor else 0 end) as overdue,
                               sum(case when status = 'VOID' then 1 else 0 end) as voided
                        from invoice where %s
                        group by currency
                        order by currency
                        """.formatted(where))
                .params(params)
                .param("overdueBefore", sqlDate(today))
                .query(SUMS)
                .list();
    }

    /**
     * The ids of up to one more invoice than the list counts that a search finds, sorted newest first (decision 0164):
     * their number is the count shown, and up to the limit they are every match, which the page and the sums then
     * read by id instead of searching again (as the licence list's count finds its page, decision 0066).
     */
    List<Long> matchingIds(long organisationId, InvoiceFilter filter, LocalDate today) {
        planForTheValues();
        var where = Conditions.of(organisationId, filter, today, shortTermWay(organisationId, filter, today), postgres);
        // In no order, as the licence list's count (decision 0066): asked for the newest 1,001, PostgreSQL walked the
        // list's index back for a term it thought common and read 261,825 invoices to find 1,001 of a company's 2,009
        // (805 ms); any 1,001 prove the cap as well, and up to the cap they are every match, sorted here.
        List<Long> ids = new ArrayList<>(jdbc.sql("select id from invoice where %s fetch first %d rows only"
                        .formatted(where.sql(), InvoiceListPage.COUNT_LIMIT + 1))
                .params(where.params())
                .query(Long.class)
                .list());
        ids.sort(Comparator.reverseOrder());
        return ids;
    }

    /** These invoices of the organisation, newest first. */
    List<Invoice> byIds(long organisationId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select * from invoice where organisation_id = :organisationId and id in (:ids) order by id desc")
                .param("organisationId", organisationId)
                .param("ids", ids)
                .query(INVOICE)
                .list();
    }

    /**
     * A page of a search whose count was capped, newest first, by its offset: a common term's matches are read in list
     * order, where they are near; a rare one's through the index of characters and pairs.
     */
    List<Invoice> searchPage(long organisationId, InvoiceFilter filter, LocalDate today, long offset, int limit) {
        planForTheValues();
        var where = Conditions.of(organisationId, filter, today, shortTermWay(organisationId, filter, today), postgres);
        return jdbc.sql(PAGE.formatted(where.sql()))
                .params(where.params())
                .param("offset", offset)
                .param("limit", limit)
                .query(INVOICE)
                .list();
    }

    /**
     * At or above this share of an organisation's invoices (PostgreSQL's estimate, with the search's other filters), a
     * term of one or two characters is looked for in list order: its 1,001 first matches are within 50,000 invoices,
     * where the index of pairs hands over every one of them before the first is read (196,518 for "or"). The licence
     * list's threshold (decision 0025).
     */
    static final double COMMON_SHARE = 0.02;

    /**
     * A rare term's candidates in the index of pairs, counted in every organisation, are checked for their organisation
     * row by row while they are at most this share of the organisation's invoices; with more, reading them all costs
     * more than the organisation's own index (decision 0169). Decision 0164 measured both at 524,498 invoices: the
     * 3,115 candidates of "qz" row by row, about 4 ms; the organisation's whole index, 27-30 ms; a row checked costs
     * about twenty entries of an index.
     */
    static final double PAIRS_ALONE_UP_TO = 0.1;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": ([0-9.eE+]+)");

    /**
     * How a search's short term is looked for: in list order when it is common; through its pairs alone, the
     * organisation checked row by row, when its candidates in every organisation are few against the organisation's
     * invoices; otherwise through its pairs and the organisation's (or a client's) index together. The candidates are
     * PostgreSQL's estimate of the pairs across the whole table, whose frequencies ANALYZE keeps (as decision 0025
     * found for licences); the organisation's invoices, and those of the other filters, the tally's exact count (1 ms).
     * Every way finds the same invoices: the conditions are the same, only written for a different index.
     */
    ShortTerm shortTermWay(long organisationId, InvoiceFilter filter, LocalDate today) {
        return shortTermWay(organisationId, filter, today, false);
    }

    /**
     * The same, for a statement that reads every match ({@code addingUp}: the totals): a common term's matches are all
     * read, so through its pairs, which hand over only the invoices that hold it, unless the organisation holds fewer
     * invoices than the term has candidates in the whole table.
     */
    private ShortTerm shortTermWay(long organisationId, InvoiceFilter filter, LocalDate today, boolean addingUp) {
        if (!postgres || filter.keyword() == null || filter.keyword().isBlank() || filter.clientId() != null) {
            // Nothing to choose, or a client's index, which starts with the organisation and holds only their invoices.
            return ShortTerm.WITH_ORGANISATION;
        }
        String term = filter.keyword().strip().toLowerCase(Locale.ROOT);
        if (term.codePointCount(0, term.length()) > 2
                || GroupedCode.of(term) != null
                || !Like.canMatch(filter.keyword())) {
            return ShortTerm.WITH_ORGANISATION;
        }
        InvoiceFilter others = filter.matching(null);
        double table = estimatedRows("select 1 from invoice", organisationId, term);
        double candidates = estimatedRows(
                "select 1 from invoice where " + SHORT_GRAMS + " @> array[cast(:term as text)]", organisationId, term);
        long organisation = count(organisationId, InvoiceFilter.of(null, null, null, null), today);
        if (table <= 0 || organisation == 0) {
            return ShortTerm.WITH_ORGANISATION;
        }
        // PostgreSQL takes the term to be as frequent in every organisation: its share of the table.
        double share = candidates / table;
        if (!others.statuses().isEmpty() || others.overdue() || others.issuedIn() != null || others.paidIn() != null) {
            share *= Math.min(1, (double) count(organisationId, others, today) / organisation);
        }
        if (share >= COMMON_SHARE) {
            return addingUp && organisation > candidates ? ShortTerm.WITH_ORGANISATION : ShortTerm.IN_ORDER;
        }
        return candidates <= PAIRS_ALONE_UP_TO * organisation ? ShortTerm.PAIRS_ALONE : ShortTerm.WITH_ORGANISATION;
    }

    private double estimatedRows(String sql, long organisationId, String term) {
        String plan = jdbc.sql("explain (format json) " + sql)
                .param("organisationId", organisationId)
                .param("term", term)
                .query(String.class)
                .single();
        var rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Double.parseDouble(rows.group(1)) : 0;
    }

    /**
     * Within the caller's transaction, each statement planned for its values (a generic plan, made without the search
     * pattern, may walk the whole list for a rare term) and without parallel workers, which a statement that stops at
     * 1,001 or 26 rows only slows: as the licence list does (LicenceQueries).
     */
    private void planForTheValues() {
        if (postgres) {
            jdbc.sql("""
                    select set_config('plan_cache_mode', 'force_custom_plan', true),
                           set_config('max_parallel_workers_per_gather', '0', true)
                    """).query().singleRow();
        }
    }

    /**
     * The sums of a filter without a client or a keyword, added up from {@code source}: {@link #TALLY}, the tally that
     * triggers keep on PostgreSQL (V40), or {@link #TALLIED_ROWS}, the invoices themselves in the tally's shape (H2,
     * which has no tally). A currency whose changes cancel out (pending rows not compacted yet) shows no line, as a
     * currency without invoices does.
     */
    List<InvoiceListSums> tallySums(long organisationId, InvoiceFilter filter, LocalDate today, String source) {
        var where = Conditions.of(organisationId, filter, today, ShortTerm.WITH_ORGANISATION, postgres);
        return jdbc.sql("""
                        select currency, sum(invoices) as invoices,
                               sum(case when status <> 'VOID' then subtotal_minor else 0 end) as net,
                               sum(case when status <> 'VOID' then vat_minor else 0 end) as vat,
                               sum(case when status <> 'VOID' then total_minor else 0 end) as total,
                               sum(case when status = 'PAID' then total_minor else 0 end) as paid,
                               sum(case when status in ('ISSUED', 'SENT') then total_minor else 0 end) as unpaid,
                               sum(case when status in ('ISSUED', 'SENT') and due_on < :overdueBefore
                                        then total_minor else 0 end) as overdue,
                               sum(case when status = 'VOID' then invoices else 0 end) as voided
                        from %s t where %s
                        group by currency
                        having sum(invoices) <> 0
                        order by currency
                        """.formatted(source, where.sql()))
                .params(where.params())
                .param("overdueBefore", sqlDate(today))
                .query(SUMS)
                .list();
    }

    /**
     * Whether a filter's count and sums are read from the tally (decision 0154): those without a client or a keyword,
     * which can cover most of an organisation's invoices. A client's invoices, and a search's, are read through their
     * indexes, and are few enough to add up row by row.
     */
    static boolean tallied(InvoiceFilter filter) {
        return filter.clientId() == null
                && (filter.keyword() == null || filter.keyword().isBlank());
    }

    private String tally() {
        return postgres ? TALLY : TALLIED_ROWS;
    }

    /**
     * The tally of the invoice list's totals (PostgreSQL, V40), under the invoice's column names so that the list's
     * conditions read it as they read the invoices: issued_on and paid_on hold the first day of their month, which the
     * month filters (whole months, from the first day to the last) find as they find any day of it; due_on is kept
     * only for the invoices issued or sent, the only ones the overdue filter and total read.
     */
    static final String TALLY = """
            (select organisation_id, currency, status, issued_in as issued_on, paid_in as paid_on, due_on, invoices,
                    subtotal_minor, vat_minor, total_minor
             from invoice_list_tally where organisation_id = :organisationId)""";

    /** The invoices themselves in the tally's shape: one invoice a row. */
    static final String TALLIED_ROWS = """
            (select organisation_id, currency, status, issued_on, paid_on,
                    case when status in ('ISSUED', 'SENT') then due_on end as due_on, 1 as invoices,
                    subtotal_minor, vat_minor, total_minor
             from invoice where organisation_id = :organisationId)""";

    private static final RowMapper<InvoiceListSums> SUMS = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new InvoiceListSums(
                rs.getLong("invoices"),
                new Money(rs.getLong("net"), currency),
                new Money(rs.getLong("vat"), currency),
                new Money(rs.getLong("total"), currency),
                new Money(rs.getLong("paid"), currency),
                new Money(rs.getLong("unpaid"), currency),
                new Money(rs.getLong("overdue"), currency),
                rs.getLong("voided"));
    };

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

    /** Saves what an invoice's transitions change: its status, payment and void reason. */
    void update(Invoice invoice) {
        jdbc.sql("""
                        update invoice
                        set status = :status, paid_on = :paidOn, payment_reference = :reference,
                            void_reason = :voidReason, billed_term = :billedTerm
                        where organisation_id = :organisationId and id = :id
                        """)
                .param("organisationId", invoice.organisationId())
                .param("id", invoice.id())
                .param("status", invoice.status().name())
                .param("paidOn", sqlDate(invoice.paidOn()))
                .param("reference", invoice.paymentReference())
                .param("voidReason", invoice.voidReason())
                // A void invoice keeps its number but no longer counts for its term.
                .param("billedTerm", invoice.counts() ? invoice.line().termNumber() : null)
                .update();
    }

    /** Whether its payment resumed its licence, which only marking it paid knows (decision 0093). */
    void recordPaymentResumedLicence(Invoice invoice) {
        jdbc.sql("""
                        update invoice set payment_resumed_licence = :resumed
                        where organisation_id = :organisationId and id = :id
                        """)
                .param("organisationId", invoice.organisationId())
                .param("id", invoice.id())
                .param("resumed", invoice.paymentResumedLicence())
                .update();
    }

    void markSent(long id) {
        jdbc.sql("update invoice set status = 'SENT' where id = :id and status = 'ISSUED'")
                .param("id", id)
                .update();
    }

    /**
     * What the list's keyword is looked for in, as the invoice recorded it when issued; identical to the expression of
     * the trigram index invoice_search_trgm_idx (PostgreSQL, V36).
     */
    static final String SEARCHED_TEXT = "lower(number || ' ' || buyer_name || ' ' || coalesce(buyer_company, '') || ' '"
            + " || buyer_email || ' ' || licence_name || ' ' || coupon_code || ' ' || coalesce(payment_reference, ''))";

    /**
     * Every character and pair of adjacent characters of the searched text, for a term of one or two characters, which
     * has no trigram; identical to the expression of invoice_short_grams_idx (PostgreSQL, V37). The text contains
     * such a term exactly when these include it, so the condition beside the {@code like} changes no result.
     */
    static final String SHORT_GRAMS = "licence_short_grams(" + SEARCHED_TEXT + ")";

    /**
     * The searched text written so that it is not the trigram index's expression: a term of one or two characters has
     * no trigram, and that index could only answer it by reading all of itself (as the licence list found, decision
     * 0009).
     */
    static final String SEARCHED_TEXT_NO_TRIGRAMS = "(" + SEARCHED_TEXT + " || '')";

    /**
     * A term that is a coupon code written in groups ("AB12 CD34"): the term as typed, or the code as recorded, without
     * separators (decision 0152); both through the trigram index.
     */
    static final String TERM_OR_GROUPED_CODE =
            "(" + SEARCHED_TEXT + " like :pattern or " + SEARCHED_TEXT + " like :codePattern)";

    /** How a term of one or two characters is looked for on PostgreSQL (decisions 0145, 0164 and 0169). */
    enum ShortTerm {
        /**
         * Through the index of characters and pairs and the organisation's (or a client's) index, as PostgreSQL plans
         * it: only the organisation's invoices that contain the term are read.
         */
        WITH_ORGANISATION,
        /**
         * Through the index of characters and pairs alone, every organisation's candidates checked for their
         * organisation row by row: the term is rare in the whole table against the organisation's invoices.
         */
        PAIRS_ALONE,
        /** The {@code like} alone, on invoices read in list order: the term is common, or the rows stream. */
        IN_ORDER
    }

    /** The organisation's condition written so that no index answers it (not its expression): checked on the row. */
    static final String ORGANISATION_ROW_BY_ROW = "organisation_id + 0 = :organisationId";

    /** The list's conditions and their parameters, always starting from the organisation. */
    private record Conditions(String sql, Map<String, Object> params) {

        static Conditions of(
                long organisationId, InvoiceFilter filter, LocalDate today, ShortTerm shortTerm, boolean postgres) {
            List<String> sql = new ArrayList<>(List.of("organisation_id = :organisationId"));
            Map<String, Object> params = new HashMap<>(Map.of("organisationId", organisationId));
            if (!filter.statuses().isEmpty()) {
                sql.add("status in (:statuses)");
                params.put(
                        "statuses",
                        filter.statuses().stream()
                                .map(InvoiceStatus::name)
                                .sorted()
                                .toList());
            }
            if (filter.overdue()) {
                sql.add("status in ('ISSUED', 'SENT') and due_on < :today");
                params.put("today", sqlDate(today));
            }
            if (filter.clientId() != null) {
                sql.add("client_id = :clientId");
                params.put("clientId", filter.clientId());
            }
            if (filter.issuedIn() != null) {
                sql.add("issued_on >= :issuedFrom and issued_on <= :issuedTo");
                params.put("issuedFrom", sqlDate(filter.issuedIn().atDay(1)));
                params.put("issuedTo", sqlDate(filter.issuedIn().atEndOfMonth()));
            }
            if (filter.paidIn() != null) {
                sql.add("paid_on >= :paidFrom and paid_on <= :paidTo");
                params.put("paidFrom", sqlDate(filter.paidIn().atDay(1)));
                params.put("paidTo", sqlDate(filter.paidIn().atEndOfMonth()));
            }
            if (filter.keyword() != null && !filter.keyword().isBlank()) {
                String term = filter.keyword().strip().toLowerCase(Locale.ROOT);
                String groupedCode = GroupedCode.of(term);
                if (!Like.canMatch(filter.keyword())) {
                    // Text that no field can hold (control characters) matches nothing, and is not sent to the
                    // database.
                    sql.add("1 = 0");
                } else if (groupedCode != null) {
                    // A coupon code written in groups: the recorded code has no separators (decision 0152). Both
                    // patterns are read from the trigram index.
                    sql.add(TERM_OR_GROUPED_CODE);
                    params.put("codePattern", Like.containing(groupedCode));
                } else if (!postgres || term.codePointCount(0, term.length()) > 2) {
                    sql.add(SEARCHED_TEXT + " like :pattern");
                } else if (shortTerm == ShortTerm.IN_ORDER) {
                    sql.add(SEARCHED_TEXT_NO_TRIGRAMS + " like :pattern");
                } else {
                    // The pairs alone: the text contains a term of one or two characters exactly when its characters
                    // and pairs include it (decision 0145), and the index answers that without a recheck, so a `like`
                    // beside it only cost its evaluation on every candidate: the totals of "or" at 262,449 invoices
                    // took 407 ms with it and 114 ms without (decision 0169).
                    sql.add(SHORT_GRAMS + " @> array[cast(:term as text)]");
                    params.put("term", term);
                    if (shortTerm == ShortTerm.PAIRS_ALONE && filter.clientId() == null) {
                        // The pair's few candidates in every organisation are checked for their organisation row by
                        // row: PostgreSQL otherwise ANDs them with the organisation's whole index (524,498 entries,
                        // 27-30 ms for the 3,115 candidates of "qz", decision 0164). Only while they are few against
                        // the organisation's invoices (decision 0169): a small organisation would read a large
                        // neighbour's.
                        sql.set(0, ORGANISATION_ROW_BY_ROW);
                    }
                }
                params.put("pattern", Like.containing(filter.keyword()));
            }
            return new Conditions(String.join(" and ", sql), params);
        }
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
