package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * A short term that a large organisation holds many of and a small one holds a few of (decision 0169): each sees
 * exactly its own matches, never the other's, counted and added up exactly under the cap, whichever way the term is
 * looked for. On PostgreSQL the large organisation's search reads the term's few candidates alone and checks their
 * organisation row by row; the small one's reads its own index with them (the PostgreSQL twin checks that both ways
 * are taken).
 */
@IntegrationTest
class InvoiceSearchAcrossOrganisationsIntegrationTests {

    /** A letter no other test writes, so that the whole table's candidates are these organisations' alone. */
    static final String ONE = "ǯ";

    static final String TWO = "ǯk";

    static final int LOBBIES = 900;
    static final int LARGE_KIOSKS = 12;
    static final int SMALL_DESKS = 6;
    static final int SMALL_KIOSKS = 3;

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
    InvoiceRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    TestOrganisation large;
    TestOrganisation small;

    @BeforeEach
    void setUp() throws Exception {
        large = organisations.create();
        Invoice hall = issued(large, "Hall");
        InvoiceCopies.add(jdbc, hall, LOBBIES, "Lobby");
        InvoiceCopies.add(jdbc, hall, LARGE_KIOSKS, "Kiosk " + TWO);
        small = organisations.create();
        Invoice desk = issued(small, "Desk");
        InvoiceCopies.add(jdbc, desk, SMALL_DESKS, "Desk");
        InvoiceCopies.add(jdbc, desk, SMALL_KIOSKS, "Kiosk " + TWO);
        if (onPostgres()) {
            // The way is chosen from PostgreSQL's statistics of the pairs, as a production database keeps them.
            jdbc.sql("analyze invoice").update();
        }
    }

    private Invoice issued(TestOrganisation in, String name) {
        long licence = licences.create(
                        in.manager(),
                        new NewLicence(
                                fixture.yearlyPlan(in).id(),
                                name,
                                null,
                                2,
                                in.alice().userId()))
                .id();
        return invoicing.send(in.manager(), List.of(licence)).issued().get(0);
    }

    boolean onPostgres() throws Exception {
        return "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    @Test
    void eachOrganisationFindsExactlyItsOwnMatchesOfATermTheOtherHoldsMoreOf() {
        for (String term : List.of(ONE, TWO)) {
            for (var org : List.of(large, small)) {
                var filter = InvoiceFilter.of(null, null, null, null).matching(term);
                List<Long> expected = containing(org, term);
                assertThat(expected)
                        .as(term)
                        .hasSize(org == large ? LARGE_KIOSKS : SMALL_KIOSKS)
                        .allSatisfy(id -> assertThat(ownerOf(id)).isEqualTo(org.id()));

                var page = search.invoices(org.manager(), filter, 1, 25);
                assertThat(page.totalCapped()).as(term).isFalse();
                assertThat(page.total()).as(term).isEqualTo(expected.size());
                assertThat(page.items()).as(term).extracting(Invoice::id).isEqualTo(expected);

                List<InvoiceListSums> exact = repository.sumsOf(org.id(), expected, LocalDate.now(clock));
                assertThat(exact)
                        .singleElement()
                        .satisfies(sums -> assertThat(sums.invoices()).isEqualTo(expected.size()));
                var listing = search.listing(org.manager(), filter, 1, 25);
                assertThat(listing.invoices().items())
                        .as(term)
                        .extracting(Invoice::id)
                        .isEqualTo(expected);
                assertThat(listing.sums()).as(term + ": the page's totals").isEqualTo(exact);
                assertThat(search.sums(org.manager(), filter))
                        .as(term + ": the totals endpoint's")
                        .isEqualTo(exact);
            }
        }
    }

    @Test
    void theSmallOrganisationsOtherFiltersKeepTheirOwnMatches() {
        var unpaid =
                InvoiceFilter.of(InvoiceStatusChoice.UNPAID, null, null, null).matching(ONE);
        List<Long> expected = containing(small, ONE);
        assertThat(search.invoices(small.manager(), unpaid, 1, 25).items())
                .extracting(Invoice::id)
                .isEqualTo(expected);
        assertThat(search.sums(small.manager(), unpaid))
                .singleElement()
                .satisfies(sums -> assertThat(sums.invoices()).isEqualTo(SMALL_KIOSKS));
        var aliceOnly =
                InvoiceFilter.of(null, small.alice().userId(), null, null).matching(TWO);
        assertThat(search.invoices(small.manager(), aliceOnly, 1, 25).items())
                .extracting(Invoice::id)
                .isEqualTo(expected);
    }

    long ownerOf(long invoiceId) {
        return jdbc.sql("select organisation_id from invoice where id = ?")
                .param(invoiceId)
                .query(Long.class)
                .single();
    }

    /** The organisation's invoices whose searched text contains the term, newest first, found in Java. */
    List<Long> containing(TestOrganisation org, String term) {
        return jdbc
                .sql("""
                        select id, lower(number || ' ' || buyer_name || ' ' || coalesce(buyer_company, '') || ' '
                          || buyer_email || ' ' || licence_name || ' ' || coupon_code || ' '
                          || coalesce(payment_reference, '')) as text
                        from invoice where organisation_id = ?
                        order by id desc
                        """)
                .params(org.id())
                .query((rs, row) -> rs.getString("text").contains(term) ? rs.getLong("id") : null)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }
}
