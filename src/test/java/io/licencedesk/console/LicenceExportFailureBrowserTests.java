package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.ExportedLicence;
import io.licencedesk.licence.LicenceExports;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.shared.Money;
import io.licencedesk.support.BrowserTest;
import java.time.Instant;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A download whose query fails half-way must not look complete: the response has already started, so the
 * only signal left is to end the connection before the end of the chunked body, which clients report as an
 * error (a browser as a failed download).
 */
@BrowserTest
class LicenceExportFailureBrowserTests {

    @Autowired
    TestOrganisations organisations;

    @MockitoBean
    LicenceExports exports;

    @Test
    void breaksOffTheDownloadWhenTheDatabaseFailsHalfWay(Page page) {
        var org = organisations.create();
        var row = new ExportedLicence(
                1,
                "AB12CD34",
                "Lobby screens",
                "A note long enough to fill the response buffer quickly",
                "alice@example.test",
                "Alice Co",
                "Monthly",
                2,
                new Money(2000, Currency.getInstance("EUR")),
                LifecycleStatus.ACTIVE,
                BillingStatus.UNBILLED,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                null);
        var calls = new AtomicInteger();
        doAnswer(call -> {
                    Consumer<ExportedLicence> each = call.getArgument(2);
                    for (int n = 0; n < 5000; n++) {
                        each.accept(row);
                    }
                    if (calls.incrementAndGet() == 1) {
                        throw new DataAccessResourceFailureException("connection lost");
                    }
                    return null;
                })
                .when(exports)
                .licences(any(), any(), any());
        SignIn.throughTheForm(page, org.manager().email());

        assertThatThrownBy(() -> page.request().get("/licences/export.csv").body())
                .isInstanceOf(PlaywrightException.class);
        // The same download without the failure is read to its end.
        String complete = page.request().get("/licences/export.csv").text();
        assertThat(complete.lines()).hasSize(5001);
    }
}
