package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.AttemptLimits.Limit;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class AttemptLimitsTests {

    static final Limit TEN_A_MINUTE = new Limit("test", 10, Duration.ofMinutes(1));

    final JdbcClient jdbc = TestDatabase.h2();
    final MovableClock clock = new MovableClock();
    final AttemptLimits limits = new AttemptLimits(jdbc, clock);

    @Test
    void allowsTheAttemptsThenSaysHowLongToWaitForTheNextOne() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(limits.take(TEN_A_MINUTE, "ann"))
                    .as("attempt " + attempt)
                    .isEmpty();
        }

        assertThat(limits.take(TEN_A_MINUTE, "ann"))
                .as("one given back every 6 s")
                .hasValue(6);
        assertThat(limits.take(TEN_A_MINUTE, "bob")).as("another key").isEmpty();
    }

    @Test
    void givesOneAttemptBackEveryIntervalAndCountsNoRefusedOne() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            limits.take(TEN_A_MINUTE, "ann");
        }

        clock.advance(Duration.ofSeconds(6));

        assertThat(limits.take(TEN_A_MINUTE, "ann")).isEmpty();
        assertThat(limits.take(TEN_A_MINUTE, "ann")).isPresent();
    }

    @Test
    void tellsTheWaitWithoutCountingAnAttempt() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(limits.waitFor(TEN_A_MINUTE, "ann")).isEmpty();
        }
        for (int attempt = 1; attempt <= 10; attempt++) {
            limits.take(TEN_A_MINUTE, "ann");
        }

        assertThat(limits.waitFor(TEN_A_MINUTE, "ann")).hasValue(6);
    }

    @Test
    void countsTogetherWithAnotherNodeOnTheSameDatabase() {
        AttemptLimits otherNode = new AttemptLimits(jdbc, clock);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat((attempt % 2 == 0 ? limits : otherNode).take(TEN_A_MINUTE, "ann"))
                    .isEmpty();
        }

        assertThat(otherNode.take(TEN_A_MINUTE, "ann")).isPresent();
        assertThat(limits.take(TEN_A_MINUTE, "ann")).isPresent();
    }

    @Test
    void storesNeitherTheKeyNorMoreThanOneRowPerKey() {
        limits.take(TEN_A_MINUTE, "ann@example.test");
        limits.take(TEN_A_MINUTE, "ann@example.test");

        assertThat(jdbc.sql("select limit_key from attempt_limit")
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("test:")
                .doesNotContain("ann");
    }

    @Test
    void cleansUpOnlyRowsWithNothingUsedAndOnlyOnceAPeriodAcrossNodes() {
        limits.take(TEN_A_MINUTE, "ann");
        for (int attempt = 1; attempt <= 10; attempt++) {
            limits.take(TEN_A_MINUTE, "bob");
        }
        clock.advance(Duration.ofSeconds(30));

        limits.cleanUp();

        assertThat(limits.waitFor(TEN_A_MINUTE, "bob"))
                .as("bob's half-used allowance is kept")
                .isEmpty();
        assertThat(rows()).as("bob's row and the clean-up's own; ann's is gone").isEqualTo(2);
        limits.take(TEN_A_MINUTE, "carol");
        clock.advance(Duration.ofSeconds(31));
        new AttemptLimits(jdbc, clock).cleanUp();
        assertThat(rows()).as("another node within five minutes does nothing").isEqualTo(3);
        clock.advance(Duration.ofMinutes(5));
        new AttemptLimits(jdbc, clock).cleanUp();
        assertThat(rows()).as("only the clean-up's own row is left").isEqualTo(1);
    }

    private long rows() {
        return jdbc.sql("select count(*) from attempt_limit").query(Long.class).single();
    }
}
