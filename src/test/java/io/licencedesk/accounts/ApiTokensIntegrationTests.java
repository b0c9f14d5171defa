package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The token rules every door shares: what a token may be made with, and what authenticates. */
@IntegrationTest
class ApiTokensIntegrationTests {

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    @Test
    void refusesANameOrLastDayItCannotKeep() {
        for (var asked : new NewApiToken[] {
            new NewApiToken(" ", ApiAccess.READ_ONLY, null),
            new NewApiToken("x".repeat(101), ApiAccess.READ_ONLY, null),
            new NewApiToken("Bell\u0007", ApiAccess.READ_ONLY, null),
            new NewApiToken("Shop", ApiAccess.READ_ONLY, LocalDate.now(clock)),
            new NewApiToken("Shop", ApiAccess.READ_ONLY, LocalDate.now(clock).plusYears(11)),
            new NewApiToken("Shop", ApiAccess.READ_ONLY, LocalDate.MAX)
        }) {
            assertThatThrownBy(() -> tokens.issue(org.owner(), asked))
                    .as(asked.toString())
                    .isInstanceOf(ApiTokenRefusedException.class);
        }
        assertThat(tokens.tokens(org.owner())).isEmpty();
    }

    @Test
    void authenticatesOnlyAWholeTokenThatStillCounts() {
        var issued = tokens.issue(
                org.manager(),
                new NewApiToken("Shop", null, LocalDate.now(clock).plusYears(1)));
        assertThat(issued.secret()).startsWith(ApiTokens.PREFIX).hasSize(ApiTokens.PREFIX.length() + 43);
        assertThat(issued.token().access()).isEqualTo(ApiAccess.READ_ONLY);
        assertThat(issued.token().prefix()).isEqualTo(issued.secret().substring(0, 15));
        var caller = tokens.authenticate(issued.secret(), "203.0.113.9").orElseThrow();
        assertThat(caller.caller()).isEqualTo(org.manager());
        assertThat(caller.mayWrite()).isFalse();
        assertThat(tokens.tokens(org.manager()).get(0).lastUsedFrom()).isEqualTo("203.0.113.9");
        for (String wrong : new String[] {
            null,
            "",
            issued.secret() + "x",
            issued.secret().substring(1),
            issued.secret().replace('_', '%'),
            issued.secret().toUpperCase()
        }) {
            assertThat(tokens.authenticate(wrong, "203.0.113.9"))
                    .as(String.valueOf(wrong))
                    .isEmpty();
        }
        tokens.revoke(org.manager(), issued.token().id());
        assertThat(tokens.authenticate(issued.secret(), "203.0.113.9")).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(org.owner(), issued.token().id()))
                .isInstanceOf(ApiTokenNotFoundException.class);
    }
}
