package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.People;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inviting a client again through the REST API within decision 0084's minute: a limit that waiting lifts, answered
 * 429 `rate-limited` with {@code Retry-After} (decision 0113), where it was a 422 that said neither when nor that a
 * retry would work; and a retry with the same Idempotency-Key runs once the wait is over, rather than replaying the
 * 429 for a day.
 */
@IntegrationTest
@MovableTime
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class ClientInvitationApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    TestOrganisation org;
    Client carol;
    String token;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        carol = accounts.addClient(
                org.manager(), new NewClient("Carol New", "carol-" + org.id() + "@example.test", null, null, null));
        token = fixture.token(org.manager());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    MockHttpServletResponse invite(String idempotencyKey) throws Exception {
        var request = post("/api/v1/clients/{id}/invite", carol.id()).with(bearer(token));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    long emailsToCarol() {
        return jdbc.sql("select count(*) from outbound_email where recipient = ?")
                .param(carol.email())
                .query(Long.class)
                .single();
    }

    /**
     * A client whose portal access is disabled was invited like any other (202, an e-mail, "invited" in the audit log),
     * though a disabled person's link opens nothing: they read "This link has expired or was already used". The
     * invitation is refused as the client's state refuses it, a 409, and nothing is sent or recorded (decision 0123);
     * given their access back, they are invited.
     */
    @Test
    void aClientWhoseAccessIsDisabledIsNotSentALinkThatCannotOpen() throws Exception {
        people.disableClient(org.manager(), carol.id());
        long audited = invitationsAudited();

        var refused = invite(null);
        JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));

        assertThat(refused.getStatus()).as(problem.toString()).isEqualTo(409);
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/conflict");
        assertThat(problem.get("detail").asString())
                .isEqualTo("The portal access of " + carol.email()
                        + " is disabled, so a link would not open: give it back before inviting them.");
        assertThat(emailsToCarol()).isZero();
        assertThat(invitationsAudited()).isEqualTo(audited);

        people.enableClient(org.manager(), carol.id());
        assertThat(invite(null).getStatus()).isEqualTo(202);
        assertThat(emailsToCarol()).isEqualTo(1);
    }

    long invitationsAudited() {
        return jdbc.sql("select count(*) from audit_event where organisation_id = ? and action = 'INVITED'")
                .param(org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void anInvitationAgainWithinTheMinuteIsRateLimitedWithRetryAfterAndSendsNothing() throws Exception {
        assertThat(invite(null).getStatus()).isEqualTo(202);

        var again = invite(null);
        JsonNode problem = JSON.readTree(again.getContentAsString(StandardCharsets.UTF_8));

        assertThat(again.getStatus()).as(problem.toString()).isEqualTo(429);
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/rate-limited");
        assertThat(problem.get("detail").asString()).contains("less than a minute ago");
        assertThat(again.getHeader("Retry-After")).isNotNull();
        assertThat(Long.parseLong(again.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(emailsToCarol()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(Long.parseLong(again.getHeader("Retry-After"))));
        assertThat(invite(null).getStatus()).as("after the wait it says").isEqualTo(202);
        assertThat(emailsToCarol()).isEqualTo(2);
    }

    @Test
    void theDaysLimitSaysToWaitHoursInRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(invite(null).getStatus()).isEqualTo(202);
            clock.advance(Duration.ofMinutes(2));
        }

        var sixth = invite(null);

        assertThat(sixth.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(sixth.getHeader("Retry-After")))
                .as("about five hours: one invitation given back every 4.8 hours")
                .isGreaterThan(3_600L);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAfterTheWaitRunsInsteadOfReplayingThe429() throws Exception {
        assertThat(invite(null).getStatus()).isEqualTo(202);
        var limited = invite("invite-carol-again");
        assertThat(limited.getStatus()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(61));
        var retried = invite("invite-carol-again");

        assertThat(retried.getStatus()).isEqualTo(202);
        assertThat(retried.getHeader("Idempotent-Replayed")).isNull();
        assertThat(emailsToCarol()).isEqualTo(2);
        assertThat(invite("invite-carol-again").getHeader("Idempotent-Replayed"))
                .as("the answer that ran is the key's")
                .isEqualTo("true");
    }
}
