package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.OnPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same on PostgreSQL, where the totals come from invoice_list_tally (V40), kept by triggers; plus what only
 * PostgreSQL shows: that the totals are read from the tally, that concurrent sends keep it exact, and the plan of a
 * page.
 */
@OnPostgres
class InvoiceListTotalsPostgresIntegrationTests extends InvoiceListTotalsIntegrationTests {

    @Autowired
    TransactionTemplate transactions;

    /** The whole list's totals, its count, and a status's, come from the tally, not from adding up every invoice. */
    @Test
    void theTotalsOfTheWholeListAreReadFromTheTally() {
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                monthly.id(), "Lobby", null, 2, org.alice().userId()))
                .id();
        invoicing.send(org.manager(), List.of(licence));
        InvoiceFilter all = InvoiceFilter.of(null, null, null, null);
        assertThat(search.sums(org.manager(), all))
                .singleElement()
                .satisfies(sums -> assertThat(sums.invoices()).isEqualTo(1));

        jdbc.sql("delete from invoice_list_tally where organisation_id = ?")
                .param(org.id())
                .update();

        assertThat(search.sums(org.manager(), all)).isEmpty();
        assertThat(search.invoices(org.manager(), all, 1, 10).total()).isZero();
        assertThat(search.sums(org.manager(), InvoiceFilter.of(InvoiceStatusChoice.UNPAID, null, null, null)))
                .isEmpty();
    }

    /**
     * Twelve sends at once, of different licences, each in its own transaction: the triggers only insert into the
     * tally, so none waits for another there, none fails, and the totals count every invoice once.
     */
    @Test
    void concurrentSendsKeepTheTallyExact() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(licences.create(
                            org.manager(),
                            new NewLicence(
                                    monthly.id(),
                                    "Screen " + i,
                                    null,
                                    1 + i,
                                    org.alice().userId()))
                    .id());
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<SendOutcome>> sends = new ArrayList<>();
            for (long id : ids) {
                sends.add(pool.submit(() -> {
                    start.await();
                    return invoicing.send(org.manager(), List.of(id));
                }));
            }
            start.countDown();
            for (var send : sends) {
                assertThat(send.get().issued()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTotalsMatchTheInvoices("concurrent sends");
        assertThat(search.sums(org.manager(), InvoiceFilter.of(null, null, null, null)))
                .singleElement()
                .satisfies(sums -> assertThat(sums.invoices()).isEqualTo(12));
    }

    /**
     * A page's ids are read from the index on (organisation_id, id) alone, without the rows (decision 0154): a deep
     * page skips its offset in the index instead of reading every invoice before it.
     */
    @Test
    void aPageReadsItsIdsFromTheIndexAlone() {
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_bitmapscan = off").update();
            return jdbc.sql("explain " + InvoiceRepository.PAGE.formatted("organisation_id = :organisationId"))
                    .param("organisationId", org.id())
                    .param("offset", 1000)
                    .param("limit", 25)
                    .query(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan)).contains("Index Only Scan Backward using invoice_organisation_idx");
    }
}
