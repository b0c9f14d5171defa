package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests on one licence at once: the second waits for the first's lock and then answers as it would have
 * alone. On the embedded H2 database a lock held longer than H2's default two seconds (a first invoice on a busy
 * machine) made the second a 503 "unavailable", where PostgreSQL waits; the embedded database waits too.
 */
@IntegrationTest
class RestApiWaitsForALockIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSecondSendOfALicenceWaitsForTheFirstInsteadOfAnswering503() throws Exception {
        TestOrganisation org = fixture.organisation();
        long licenceId = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(org).id(),
                                "Lobby",
                                null,
                                1,
                                org.alice().userId()))
                .id();
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            jdbc.sql("select id from licence where id = :id for update")
                    .param("id", licenceId)
                    .query(Long.class)
                    .single();
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));

        mvc.perform(post("/api/v1/invoices/send")
                        .with(fixture.withToken(org.manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [%d]}".formatted(licenceId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issued.length()").value(1));
        releaseLater.join();
        first.join();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
