package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search counts its invoices up to 1,001 (decision 0164): past 1,000 the page says so and has no sums, and its pages,
 * read one after another while one follows, hold every match once, newest first; up to 1,000 the count and the sums
 * are exact, added up from the invoices the count found.
 */
@IntegrationTest
class InvoiceSearchAtTheCapIntegrationTests {

    static final int LOBBIES = 1_030;
    static final int KIOSKS = 40;

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
    JdbcClient jdbc;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        Invoice hall = issued(org, "Hall");
        InvoiceCopies.add(jdbc, hall, LOBBIES, "Lobby");
        InvoiceCopies.add(jdbc, hall, KIOSKS, "Kiosk");
        TestOrganisation other = organisations.create();
        InvoiceCopies.add(jdbc, issued(other, "Lobby"), 5, "Lobby");
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

    @Test
    void aSearchOfMoreThanAThousandInvoicesSaysSoAndPagesThroughEveryMatch() {
        for (String term : List.of("lobby", "ob", "o")) {
            var filter = InvoiceFilter.of(null, null, null, null).matching(term);
            List<Long> expected = containing(term);
            assertThat(expected).as(term).hasSizeGreaterThan(InvoiceListPage.COUNT_LIMIT);

            var first = search.invoices(org.manager(), filter, 1, 100);
            assertThat(first.totalCapped()).as(term).isTrue();
            assertThat(first.total()).as(term).isEqualTo(InvoiceListPage.COUNT_LIMIT + 1);
            assertThat(first.hasNext()).as(term).isTrue();

            List<Long> read = new ArrayList<>();
            int page = 1;
            InvoiceListPage each;
            do {
                each = search.invoices(org.manager(), filter, page, 100);
                assertThat(each.page()).isEqualTo(page);
                each.items().forEach(invoice -> read.add(invoice.id()));
                page++;
            } while (each.hasNext());
            assertThat(read).as(term + ": every page, one after another").isEqualTo(expected);

            var past = search.invoices(org.manager(), filter, page + 3, 100);
            assertThat(past.items()).as(term).isEmpty();
            assertThat(past.pastTheEnd()).as(term).isTrue();
            assertThat(past.hasNext()).as(term).isFalse();

            var listing = search.listing(org.manager(), filter, 2, 25);
            assertThat(listing.sums()).as(term + ": no sums past the cap").isEmpty();
            assertThat(listing.invoices().totalCapped()).isTrue();
            assertThat(listing.invoices().items()).extracting(Invoice::id).isEqualTo(expected.subList(25, 50));
        }
    }

    @Test
    void aSearchOfAThousandOrFewerIsCountedAndAddedUpExactly() {
        var filter = InvoiceFilter.of(null, null, null, null).matching("kiosk");
        List<Long> expected = containing("kiosk");
        assertThat(expected).hasSize(KIOSKS);

        var listing = search.listing(org.manager(), filter, 1, 25);
        assertThat(listing.invoices().totalCapped()).isFalse();
        assertThat(listing.invoices().total()).isEqualTo(KIOSKS);
        assertThat(listing.invoices().pageCount()).isEqualTo(2);
        assertThat(listing.sums()).isEqualTo(search.sums(org.manager(), filter));
        assertThat(listing.sums())
                .singleElement()
                .satisfies(sums -> assertThat(sums.invoices()).isEqualTo(KIOSKS));
        assertThat(listing.invoices().items()).extracting(Invoice::id).isEqualTo(expected.subList(0, 25));
        assertThat(search.invoices(org.manager(), filter, 2, 25).items())
                .extracting(Invoice::id)
                .isEqualTo(expected.subList(25, KIOSKS));
        assertThat(search.invoices(org.manager(), filter, 9, 25).page())
                .as("past the last page: the last page, as before")
                .isEqualTo(2);
    }

    /** The organisation's invoices whose searched text contains the term, newest first, found in Java. */
    private List<Long> containing(String term) {
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
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
