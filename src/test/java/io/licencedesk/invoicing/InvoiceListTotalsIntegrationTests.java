package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.mail.EmailDelivered;
import io.licencedesk.shared.Money;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invoice list's totals and counts of the filters without a client or a keyword are read from a tally on
 * PostgreSQL (decision 0154; on H2 from the invoices in the tally's shape): through random invoices and random changes
 * (issued on random days, sent, paid on random days, payments removed, voided, issued again, a currency changed), they
 * always equal a plain count and sum of the invoices themselves, for every status choice, month issued and month paid,
 * before and after the tally's compaction, and on a later day (what is overdue changes with no write); and every page
 * of the list, read one after another, holds it once.
 */
@IntegrationTest
@MovableTime
class InvoiceListTotalsIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    InvoiceSearch search;

    @Autowired
    InvoiceTallyCompaction compaction;

    @Autowired
    TestLicences testLicences;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One invoice as the list's filters and totals read it. */
    record Row(
            String currency,
            InvoiceStatus status,
            LocalDate issuedOn,
            LocalDate dueOn,
            LocalDate paidOn,
            long subtotal,
            long vat,
            long total) {}

    List<Row> rows() {
        return jdbc.sql("""
                        select currency, status, issued_on, due_on, paid_on, subtotal_minor, vat_minor, total_minor
                        from invoice where organisation_id = ?
                        """)
                .param(org.id())
                .query((rs, n) -> new Row(
                        rs.getString("currency"),
                        InvoiceStatus.valueOf(rs.getString("status")),
                        rs.getDate("issued_on").toLocalDate(),
                        rs.getDate("due_on").toLocalDate(),
                        rs.getDate("paid_on") == null
                                ? null
                                : rs.getDate("paid_on").toLocalDate(),
                        rs.getLong("subtotal_minor"),
                        rs.getLong("vat_minor"),
                        rs.getLong("total_minor")))
                .list();
    }

    /** What the filter shows, counted and added up one invoice at a time, in Java. */
    static List<InvoiceListSums> plainSums(List<Row> rows, InvoiceFilter filter, LocalDate today) {
        Map<String, long[]> byCurrency = new TreeMap<>();
        for (Row row : rows) {
            boolean unpaid = row.status() == InvoiceStatus.ISSUED || row.status() == InvoiceStatus.SENT;
            if ((!filter.statuses().isEmpty() && !filter.statuses().contains(row.status()))
                    || (filter.overdue() && !(unpaid && row.dueOn().isBefore(today)))
                    || (filter.issuedIn() != null && !filter.issuedIn().equals(YearMonth.from(row.issuedOn())))
                    || (filter.paidIn() != null
                            && (row.paidOn() == null || !filter.paidIn().equals(YearMonth.from(row.paidOn()))))) {
                continue;
            }
            long[] sums = byCurrency.computeIfAbsent(row.currency(), currency -> new long[8]);
            boolean counts = row.status() != InvoiceStatus.VOID;
            sums[0]++;
            sums[1] += counts ? row.subtotal() : 0;
            sums[2] += counts ? row.vat() : 0;
            sums[3] += counts ? row.total() : 0;
            sums[4] += row.status() == InvoiceStatus.PAID ? row.total() : 0;
            sums[5] += unpaid ? row.total() : 0;
            sums[6] += unpaid && row.dueOn().isBefore(today) ? row.total() : 0;
            sums[7] += counts ? 0 : 1;
        }
        List<InvoiceListSums> list = new ArrayList<>();
        byCurrency.forEach((code, sums) -> {
            Currency currency = Currency.getInstance(code);
            list.add(new InvoiceListSums(
                    sums[0],
                    new Money(sums[1], currency),
                    new Money(sums[2], currency),
                    new Money(sums[3], currency),
                    new Money(sums[4], currency),
                    new Money(sums[5], currency),
                    new Money(sums[6], currency),
                    sums[7]));
        });
        return list;
    }

    /**
     * Every status choice (and none) with every month an invoice was issued or paid in (and none), plus a month with
     * nothing: the list's sums, its count (API) and the console's listing equal the plain ones.
     */
    void assertTotalsMatchTheInvoices(String when) {
        List<Row> rows = rows();
        LocalDate today = testLicences.today();
        Set<YearMonth> issuedMonths = new TreeSet<>();
        Set<YearMonth> paidMonths = new TreeSet<>();
        rows.forEach(row -> {
            issuedMonths.add(YearMonth.from(row.issuedOn()));
            if (row.paidOn() != null) {
                paidMonths.add(YearMonth.from(row.paidOn()));
            }
        });
        issuedMonths.add(YearMonth.from(today).plusMonths(3));
        List<YearMonth> issuedIn = new ArrayList<>(issuedMonths);
        issuedIn.add(null);
        List<YearMonth> paidIn = new ArrayList<>(paidMonths);
        paidIn.add(null);
        List<InvoiceStatusChoice> choices = new ArrayList<>(List.of(InvoiceStatusChoice.values()));
        choices.add(null);
        int checked = 0;
        for (InvoiceStatusChoice choice : choices) {
            for (YearMonth issued : issuedIn) {
                for (YearMonth paid : paidIn) {
                    InvoiceFilter filter = InvoiceFilter.of(choice, null, issued, paid);
                    assertThat(InvoiceRepository.tallied(filter)).isTrue();
                    List<InvoiceListSums> expected = plainSums(rows, filter, today);
                    long count = expected.stream()
                            .mapToLong(InvoiceListSums::invoices)
                            .sum();
                    String what = when + ": " + choice + ", issued in " + issued + ", paid in " + paid;
                    assertThat(search.sums(org.manager(), filter)).as(what).isEqualTo(expected);
                    assertThat(search.invoices(org.manager(), filter, 1, 10).total())
                            .as(what)
                            .isEqualTo(count);
                    var listing = search.listing(org.manager(), filter, 1, 10);
                    assertThat(listing.sums()).as(what).isEqualTo(expected);
                    assertThat(listing.invoices().total()).as(what).isEqualTo(count);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(choices.size() * 2);
        assertPagesHoldTheListOnce(when, InvoiceFilter.of(null, null, null, null));
        assertPagesHoldTheListOnce(when, InvoiceFilter.of(InvoiceStatusChoice.UNPAID, null, null, null));
        // A client's totals and a search's are added up from the rows, and agree with them too.
        assertThat(search.sums(
                        org.manager(), InvoiceFilter.of(null, null, null, null).matching("screen")))
                .as(when + ": keyword")
                .isEqualTo(plainSums(rows, InvoiceFilter.of(null, null, null, null), today));
    }

    /**
     * Every page of the list, of every size, read one after another, holds the list once, newest first: the pages
     * past the middle are read from the other end (decision 0154), and must start and end where the others would.
     */
    void assertPagesHoldTheListOnce(String when, InvoiceFilter filter) {
        List<Long> whole = search.invoices(org.manager(), filter, 1, 1_000).items().stream()
                .map(Invoice::id)
                .toList();
        assertThat(whole).as(when).isSortedAccordingTo(Comparator.reverseOrder());
        for (int size : List.of(1, 3, 7, 10)) {
            List<Long> paged = new ArrayList<>();
            int pages = (int) Math.max(1, (whole.size() + size - 1) / size);
            for (int page = 1; page <= pages; page++) {
                var read = search.invoices(org.manager(), filter, page, size);
                assertThat(read.page()).isEqualTo(page);
                read.items().forEach(invoice -> paged.add(invoice.id()));
                assertThat(search.listing(org.manager(), filter, page, size)
                                .invoices()
                                .items())
                        .as(when + ": console page " + page + " of " + size)
                        .extracting(Invoice::id)
                        .isEqualTo(read.items().stream().map(Invoice::id).toList());
            }
            assertThat(paged).as(when + ": pages of " + size + ", " + filter).isEqualTo(whole);
        }
    }

    @Test
    void theTotalsAndCountsOfTheListEqualTheSumsOfItsInvoicesThroughRandomChanges() {
        var random = new Random(154);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(licences.create(
                            org.manager(),
                            new NewLicence(
                                    monthly.id(),
                                    "Screen " + i,
                                    null,
                                    1 + random.nextInt(5),
                                    (i % 2 == 0 ? org.alice() : org.bob()).userId()))
                    .id());
        }
        List<Invoice> issued = new ArrayList<>();
        for (int batch = 0; batch < 4; batch++) {
            clock.advance(Duration.ofDays(-random.nextInt(150)));
            issued.addAll(invoicing
                    .send(org.manager(), ids.subList(batch * 6, batch * 6 + 6))
                    .issued());
            clock.reset();
        }
        assertTotalsMatchTheInvoices("issued");

        for (int change = 0; change < 80; change++) {
            Invoice invoice = invoicing.invoice(
                    org.manager(), issued.get(random.nextInt(issued.size())).id());
            LocalDate today = testLicences.today();
            try {
                switch (random.nextInt(6)) {
                    case 0 -> invoicing.on(new EmailDelivered(InvoiceMessages.SUBJECT_TYPE, invoice.id()));
                    case 1, 2 -> {
                        long days = Math.max(
                                0, today.toEpochDay() - invoice.issuedOn().toEpochDay());
                        invoicing.markPaid(
                                org.manager(),
                                invoice.id(),
                                invoice.issuedOn().plusDays(random.nextLong(days + 1)),
                                "REF-" + change);
                    }
                    case 3 -> invoicing.removePayment(org.manager(), invoice.id());
                    case 4 -> invoicing.voidInvoice(org.manager(), invoice.id(), "Change " + change);
                    default -> {
                        if (invoice.status() == InvoiceStatus.VOID) {
                            issued.addAll(invoicing
                                    .send(org.manager(), List.of(invoice.line().licenceId()))
                                    .issued());
                        }
                    }
                }
            } catch (IllegalInvoiceChangeException refused) {
                // Not a change this invoice can have in its state (or on that day): the next one.
            }
            if (change == 40) {
                // Another currency than the organisation's, as an invoice keeps its own (decision 0029).
                jdbc.sql("update invoice set currency = 'EUR' where organisation_id = ? and id in (?, ?)")
                        .params(org.id(), issued.get(0).id(), issued.get(7).id())
                        .update();
            }
            if (change % 20 == 19) {
                assertTotalsMatchTheInvoices("after change " + change);
            }
            if (change == 59) {
                compaction.compact();
                assertTotalsMatchTheInvoices("compacted after change " + change);
            }
        }
        assertThat(Stream.of(InvoiceStatus.values())
                        .filter(status -> rows().stream().anyMatch(row -> row.status() == status))
                        .count())
                .as("every status reached")
                .isEqualTo(InvoiceStatus.values().length);

        clock.advance(Duration.ofDays(45));
        assertTotalsMatchTheInvoices("45 days later");
    }
}
