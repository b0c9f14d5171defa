package io.licencedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.shared.AttemptLimits.Limit;
import io.licencedesk.support.ApplicationNode;
import io.licencedesk.support.PostgresTestConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two nodes (two application contexts, each with its own connection pool) on one PostgreSQL database, as
 * behind a load balancer: a client's wrong coupon codes alternate between them, and the limit holds as on one
 * node. The contexts are started here, not by the test framework, because they must share one database.
 */
class RedemptionLimitsAcrossNodesPostgresTests {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = PostgresTestConfiguration.newDatabase();
        first = ApplicationNode.start(database, List.of());
        second = ApplicationNode.start(database, List.of());
    }

    @AfterAll
    static void stopThem() {
        // Before the database server, which stops at the JVM's exit, so that no pool waits for it.
        second.close();
        first.close();
    }

    @Test
    void holdsTheLimitOfOneNodeWhenWrongCodesAlternateBetweenTwo() throws Exception {
        TestOrganisation org = first.getBean(TestOrganisations.class).create();
        List<MockMvc> nodes = List.of(mvc(first), mvc(second));
        RequestPostProcessor alice = user(first.getBean(UserDetailsService.class)
                .loadUserByUsername(org.alice().email()));

        for (int attempt = 1; attempt <= 10; attempt++) {
            nodes.get(attempt % 2)
                    .perform(post("/portal/redeem")
                            .param("code", "WRONG" + (100 + attempt))
                            .with(alice)
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent());
        }

        for (MockMvc node : nodes) {
            node.perform(post("/portal/redeem")
                            .param("code", "WRONG999")
                            .with(alice)
                            .with(csrf()))
                    .andExpect(status().isTooManyRequests());
        }
    }

    @Test
    void allowsExactlyTheLimitToAttemptsRacingOnBothNodes() throws Exception {
        Limit tenAMinute = new Limit("race-test", 10, Duration.ofMinutes(1));
        List<AttemptLimits> nodes = List.of(first.getBean(AttemptLimits.class), second.getBean(AttemptLimits.class));
        var start = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int attempt = 0; attempt < 40; attempt++) {
                AttemptLimits node = nodes.get(attempt % 2);
                attempts.add(threads.submit(() -> {
                    start.await();
                    return node.take(tenAMinute, "one key").isEmpty();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> attempt : attempts) {
                allowed += attempt.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
    }

    private static MockMvc mvc(ConfigurableApplicationContext node) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) node)
                .apply(springSecurity())
                .build();
    }
}
