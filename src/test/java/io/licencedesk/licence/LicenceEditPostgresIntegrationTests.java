package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.devices.ScreenLimitReachedException;
import io.licencedesk.support.OnPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same on PostgreSQL, plus the race the licence's row lock settles: fewer screens against more screens. */
@OnPostgres
class LicenceEditPostgresIntegrationTests extends LicenceEditIntegrationTests {

    @Test
    void loweringTheQuantityWhileScreensRegisterNeverLeavesMoreScreensThanSeats() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = create(6, org.alice().userId()).id();
            clientLicences.activate(org.alice(), id);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(7);
            try {
                List<Future<?>> attempts = new ArrayList<>();
                for (int screen = 0; screen < 6; screen++) {
                    String name = "Screen " + screen;
                    attempts.add(pool.submit(() -> {
                        start.await();
                        try {
                            screens.register(org.alice(), id, name);
                        } catch (ScreenLimitReachedException full) {
                            // the quantity was lowered first
                        }
                        return null;
                    }));
                }
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        licences.edit(org.manager(), id, licence -> licence.withQuantity(3));
                    } catch (InvalidLicenceException moreScreensAlready) {
                        // more than three screens were registered first
                    }
                    return null;
                }));
                start.countDown();
                for (Future<?> attempt : attempts) {
                    attempt.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            int quantity = licences.details(org.manager(), id).quantity();
            int registered = screens.screens(org.alice(), id).size();
            assertThat(registered).isLessThanOrEqualTo(quantity);
            if (quantity == 6) {
                // the edit was refused: by then more than three screens were registered
                assertThat(registered).as("round %d", round).isGreaterThan(3);
            } else {
                assertThat(quantity).as("round %d", round).isEqualTo(3);
            }
        }
    }

    @Test
    void movingALicenceWhileItsClientRegistersAScreenNeverLeavesTheirScreenOnIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = create(3, org.alice().userId()).id();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> register = pool.submit(() -> {
                    start.await();
                    try {
                        screens.register(org.alice(), id, "Lobby");
                    } catch (LicenceNotFoundException movedFirst) {
                        // the licence went to Bob first
                    }
                    return null;
                });
                Future<?> move = pool.submit(() -> {
                    start.await();
                    try {
                        licences.edit(
                                org.manager(),
                                id,
                                licence -> licence.withClientId(org.bob().userId()));
                    } catch (InvalidLicenceException screenFirst) {
                        // Alice's screen was registered first
                    }
                    return null;
                });
                start.countDown();
                register.get(60, TimeUnit.SECONDS);
                move.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            LicenceDetails after = licences.details(org.manager(), id);
            if (after.client().id() == org.bob().userId()) {
                assertThat(screens.screens(org.manager(), id))
                        .as("round %d", round)
                        .isEmpty();
            } else {
                assertThat(screens.screens(org.alice(), id))
                        .as("round %d", round)
                        .hasSize(1);
            }
        }
    }
}
