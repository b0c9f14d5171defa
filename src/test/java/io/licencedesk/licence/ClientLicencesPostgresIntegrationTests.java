package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.Caller;
import io.licencedesk.support.OnPostgres;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same on PostgreSQL, plus the race the row lock exists for. */
@OnPostgres
class ClientLicencesPostgresIntegrationTests extends ClientLicencesIntegrationTests {

    @Test
    void fiftyClientsRedeemingOneCodeAtOnceGiveExactlyOneWinner() throws Exception {
        LicenceDetails licence = available("Contested");
        List<Caller> clients = organisations.moreClients(org, 50);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Boolean>> attempts = clients.stream()
                    .map(client -> pool.submit(() -> {
                        start.await();
                        try {
                            clientLicences.redeem(client, licence.couponCode().value());
                            return true;
                        } catch (CodeNotRedeemableException lost) {
                            return false;
                        }
                    }))
                    .toList();
            start.countDown();
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(winners).isEqualTo(1);
            long owner = licences.details(org.manager(), licence.id()).client().id();
            assertThat(clients).filteredOn(client -> client.userId() == owner).hasSize(1);
            assertThat(audit.licenceHistory(org.manager(), licence.id()))
                    .filteredOn(entry -> entry.action().equals("REDEEMED"))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
