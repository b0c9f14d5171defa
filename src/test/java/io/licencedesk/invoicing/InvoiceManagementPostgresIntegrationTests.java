package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.OnPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The same behaviour on PostgreSQL, plus concurrent sends of one selection. */
@OnPostgres
class InvoiceManagementPostgresIntegrationTests extends InvoiceManagementIntegrationTests {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void twentyConcurrentSendsOfOneSelectionIssueEachInvoiceOnceWithoutGaps() throws Exception {
        List<Long> selection = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> selection.add(assignedLicence("Screen " + i, 1 + i)));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<SendOutcome>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<SendOutcome> send = () -> {
                    start.await();
                    return invoicing.send(org.manager(), selection);
                };
                sends.add(pool.submit(send));
            }
            start.countDown();
            int issued = 0;
            for (var send : sends) {
                SendOutcome outcome = send.get();
                // Every send answers for the whole selection: issued, sent again, or already waiting to be sent
                // (decision 0091), never left out.
                assertThat(outcome.issued().size()
                                + outcome.resent().size()
                                + outcome.waiting().size())
                        .isEqualTo(20);
                issued += outcome.issued().size();
            }
            assertThat(issued).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        var all = invoicing.invoices(org.manager(), null, null, 1, 100).items();
        assertThat(all).hasSize(20);
        assertThat(all)
                .extracting(invoice -> invoice.line().licenceId())
                .containsExactlyInAnyOrderElementsOf(selection);
        int year = LocalDate.now(clock).getYear();
        assertThat(all)
                .extracting(Invoice::number)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20)
                        .mapToObj(n -> "INV-%d-%06d".formatted(year, n))
                        .toList());
    }

    /**
     * The keyword's condition is written as the trigram index's expression (V36), so PostgreSQL can answer it from the
     * index instead of reading every invoice of the organisation: with sequential scans off, the plan names the index
     * only when both are the same expression.
     */
    @Test
    void theKeywordSearchCanUseTheTrigramIndex() {
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select id from invoice where " + InvoiceRepository.SEARCHED_TEXT + " like '%abc%'")
                    .query(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan)).contains("invoice_search_trgm_idx");
    }

    /**
     * A coupon code written in groups is looked for as typed and as recorded, without separators (decision 0152): both
     * patterns through the trigram index, never a sequential scan.
     */
    @Test
    void aCodeWrittenInGroupsCanUseTheTrigramIndexForBothPatterns() {
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select id from invoice where " + InvoiceRepository.TERM_OR_GROUPED_CODE)
                    .param("pattern", "%ab12 cd34%")
                    .param("codePattern", "%ab12cd34%")
                    .query(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan)).contains("invoice_search_trgm_idx").doesNotContain("Seq Scan");
    }

    /**
     * A term of one or two characters has no trigram: its condition is written beside the characters and pairs of the
     * same text, which the index of V37 holds, and not as the trigram index's expression, which could only answer it by
     * reading all of itself (decision 0145). With sequential scans off, the plan names the index of pairs only when
     * both are the same expression.
     */
    @Test
    void aShortTermCanUseTheIndexOfCharactersAndPairs() {
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select id from invoice where " + InvoiceRepository.SEARCHED_TEXT_NO_TRIGRAMS
                            + " like '%ab%' and " + InvoiceRepository.SHORT_GRAMS + " @> array['ab']")
                    .query(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan))
                .contains("invoice_short_grams_idx")
                .doesNotContain("invoice_search_trgm_idx");
    }
}
