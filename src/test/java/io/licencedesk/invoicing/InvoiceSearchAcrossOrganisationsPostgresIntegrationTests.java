package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.OnPostgres;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same on PostgreSQL, where both ways of looking for a rare short term are taken: the large organisation's through
 * the term's few candidates alone, checked for their organisation row by row; the small organisation's, for which those
 * candidates are many against its own invoices, through its own index with them (decision 0169).
 */
@OnPostgres
class InvoiceSearchAcrossOrganisationsPostgresIntegrationTests
        extends InvoiceSearchAcrossOrganisationsIntegrationTests {

    @Test
    void theLargeOrganisationReadsTheTermsCandidatesAloneAndTheSmallOneItsOwnInvoices() {
        for (String term : List.of(ONE, TWO)) {
            var filter = InvoiceFilter.of(null, null, null, null).matching(term);
            assertThat(repository.shortTermWay(large.id(), filter, LocalDate.now(clock)))
                    .as(term + ": the large organisation")
                    .isEqualTo(InvoiceRepository.ShortTerm.PAIRS_ALONE);
            assertThat(repository.shortTermWay(small.id(), filter, LocalDate.now(clock)))
                    .as(term + ": the small organisation")
                    .isEqualTo(InvoiceRepository.ShortTerm.WITH_ORGANISATION);
        }
    }
}
