package io.licencedesk.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.mail.Outbox;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.StatementCounter;
import io.licencedesk.support.TestFixture;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * What the renewal cycle reads of an organisation with nothing to do, cycle after cycle through a week: a cycle runs
 * every 15 minutes, 672 times a week, for every organisation. On H2 alone: the count is of the code's statements, and
 * the digest's statement itself runs on PostgreSQL in every digest test of {@link RenewalCyclePostgresIntegrationTests}.
 */
@IntegrationTest
@MovableTime
@Import(StatementCounter.class)
class IdleOrganisationCycleStatementsIntegrationTests {

    /**
     * What a cycle of an organisation with no licence and no invoice reads: the organisation, its renewal settings, the
     * candidates of the renewals, of the two notices and of the reminders, and whether the digest has something to say.
     */
    static final int IDLE_CYCLE_STATEMENTS = 7;

    @Autowired
    RenewalCycle cycle;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestLicences testLicences;

    @Autowired
    Outbox outbox;

    @Autowired
    MovableClock clock;

    @Autowired
    StatementCounter statements;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Since the digest of zeros was no longer sent (decision 0163), an idle organisation was read its staff, one
     * member's digest of the week and the digest's six queries (three lists and their counts) at every cycle of the
     * week: 14 statements a cycle where the other steps take 6. Whether the digest has anything to say is now one
     * statement, asked first (decision 0171); the week's digest still goes out at the first cycle that finds something.
     */
    @Test
    void anIdleOrganisationsDigestCostsOneStatementAtEveryCycleOfTheWeek() {
        Instant monday = LocalDate.of(2026, 6, 8)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        clock.moveTo(monday);
        TestOrganisation org = organisations.create();
        var monthly = fixture.monthlyPlan(org);

        for (int cycleOfTheWeek = 0; cycleOfTheWeek < 7 * 4; cycleOfTheWeek++) {
            var counted = statements.count(() -> {
                cycle.run(org.id());
                return null;
            });

            assertThat(counted.statements())
                    .as("the organisation, its renewal settings, the four steps' candidates and the digest's one, at "
                            + clock.instant() + ":\n" + String.join("\n", counted.sql()))
                    .isEqualTo(IDLE_CYCLE_STATEMENTS);
            assertThat(counted.sql()).noneMatch(sql -> sql.contains("digest_sent") || sql.contains("count(*)"));
            clock.advance(Duration.ofHours(6));
        }
        clock.moveTo(monday.plus(Duration.ofDays(3)));
        for (var member : List.of(org.owner(), org.manager())) {
            assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, member.userId()))
                    .isEmpty();
        }

        LocalDate today = testLicences.today();
        testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Lobby",
                today.plusDays(10).minus(monthly.term()));
        cycle.run(org.id());
        cycle.run(org.id());

        for (var member : List.of(org.owner(), org.manager())) {
            assertThat(outbox.about(org.id(), ReminderMessages.DIGEST, member.userId()))
                    .singleElement()
                    .satisfies(digest -> assertThat(digest.subject()).endsWith(": 1 ending, 0 overdue, 0 renewed"));
        }
    }
}
