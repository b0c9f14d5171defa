package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A PATCH sends only the fields it changes, so a change of another field made at the same time must stay. A client's
 * and a plan's PATCH merged the fields sent over the object as read before the other change was saved, and wrote that
 * back: the other change was lost, and both were answered 200. They merge under the object's lock now, as a licence's
 * always did (decision 0130). H2; PostgreSQL below.
 */
@IntegrationTest
class ConcurrentPatchesIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TransactionTemplate transaction;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
    }

    @Test
    void aClientsNameChangedWhileAnotherChangeOfItsCompanyIsSavedKeepsBoth() throws Exception {
        long id = org.alice().userId();
        String token = fixture.token(org.manager());

        int status = whileHeld(
                () -> accounts.updateClient(
                        org.owner(),
                        id,
                        null,
                        current -> new NewClient(
                                current.name(),
                                current.email(),
                                "Cinéma Lumière",
                                current.billingAddress(),
                                current.vatNumber())),
                () -> patchJson("/api/v1/clients/" + id, token, "{\"name\": \"Alice M.\"}"));

        assertThat(status).isEqualTo(200);
        Client now = accounts.client(org.manager(), id);
        assertThat(now.name()).isEqualTo("Alice M.");
        assertThat(now.company()).isEqualTo("Cinéma Lumière");
    }

    @Test
    void aPlansPriceChangedWhileItsRenamingIsSavedKeepsBoth() throws Exception {
        Plan plan = fixture.monthlyPlan(org);
        String token = fixture.token(org.owner());

        int status = whileHeld(
                () -> plans.updatePlan(
                        org.owner(),
                        plan.id(),
                        current -> new NewPlan(
                                "Monthly (2027)",
                                current.term(),
                                current.unitPrice().amount(),
                                current.autoRenew())),
                () -> patchJson("/api/v1/plans/" + plan.id(), token, "{\"unitPrice\": \"12.00\"}"));

        assertThat(status).isEqualTo(200);
        Plan now = plans.plan(org.owner(), plan.id());
        assertThat(now.name()).isEqualTo("Monthly (2027)");
        assertThat(now.unitPrice().amount()).isEqualByComparingTo(new BigDecimal("12.00"));
    }

    interface Request {
        int send() throws Exception;
    }

    /**
     * Sends the request while {@code change} is made in a transaction that stays open two seconds more (its locks
     * held), as when two programs change one object at once: the status the request was answered.
     */
    private int whileHeld(Runnable change, Request request) throws Exception {
        var changed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            change.run();
            changed.countDown();
            awaitQuietly(release);
        }));
        assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> releaseLater =
                CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        int status = request.send();
        releaseLater.join();
        first.join();
        return status;
    }

    private int patchJson(String address, String token, String json) throws Exception {
        return mvc.perform(patch(address)
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
