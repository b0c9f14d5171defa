package io.licencedesk.invoicing;

import io.licencedesk.accounts.Organisation;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Invoice numbers, {@code PREFIX-YEAR-NNNNNN}, gapless per organisation and year (decision 0010). The year's
 * counter row is incremented under its row lock, held until the issuing transaction ends: concurrent sends
 * wait for each other, and a rolled-back invoice gives its number back.
 */
@Component
class InvoiceNumbers {

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's next number for the year of {@code today}; call it in the issuing transaction. */
    String next(Organisation organisation, LocalDate today) {
        int year = today.getYear();
        return "%s-%d-%06d".formatted(organisation.invoicePrefix(), year, nextSequence(organisation.id(), year));
    }

    /**
     * Two statements for all but the first number of a year: the update takes the row lock, then the value is
     * read under it. The year's first number inserts the row instead; if a concurrent send inserted it first,
     * the insert does nothing (it waited for that send to end) and the update runs again.
     */
    private int nextSequence(long organisationId, int year) {
        while (true) {
            int updated = jdbc.sql("""
                            update invoice_counter set last_value = last_value + 1
                            where organisation_id = :organisationId and invoice_year = :year
                            """)
                    .param("organisationId", organisationId)
                    .param("year", year)
                    .update();
            if (updated == 1) {
                return jdbc.sql("""
                                select last_value from invoice_counter
                                where organisation_id = :organisationId and invoice_year = :year
                                """)
                        .param("organisationId", organisationId)
                        .param("year", year)
                        .query(Integer.class)
                        .single();
            }
            int inserted = jdbc.sql("""
                            insert into invoice_counter (organisation_id, invoice_year, last_value)
                            values (:organisationId, :year, 1)
                            on conflict do nothing
                            """)
                    .param("organisationId", organisationId)
                    .param("year", year)
                    .update();
            if (inserted == 1) {
                return 1;
            }
        }
    }
}
