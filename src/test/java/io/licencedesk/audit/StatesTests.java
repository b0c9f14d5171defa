package io.licencedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.licencedesk.audit.AuditRecord.FieldChange;
import io.licencedesk.licence.Plan;
import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatesTests {

    record Subject(long id, String name, BigDecimal rate, Set<TimeUnit> units, Instant at, boolean on, Integer days) {}

    @Test
    void recordsEveryComponentButTheIdAsAPersonReadsIt() {
        var subject = new Subject(
                7,
                "Lobby",
                new BigDecimal("20.00"),
                Set.of(TimeUnit.SECONDS, TimeUnit.DAYS),
                Instant.parse("2026-12-04T09:15:42Z"),
                true,
                null);

        assertThat(States.of(subject))
                .containsExactly(
                        entry("name", "Lobby"),
                        entry("rate", "20.00"),
                        entry("units", "DAYS, SECONDS"),
                        entry("at", "2026-12-04T09:15:42Z"),
                        entry("on", true),
                        entry("days", null));
        assertThat(States.of(new Plan(3, "Monthly", Period.ofMonths(1), new Money(1000, Currency.getInstance("EUR")))))
                .containsExactly(
                        entry("name", "Monthly"),
                        entry("term", "P1M"),
                        entry("unitPrice", "EUR 10.00"),
                        entry("autoRenew", false));
        assertThat(States.of(null)).isNull();
    }

    @Test
    void comparesTwoStatesFieldByField() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", "Lobby");
        before.put("note", null);
        before.put("quantity", 2);
        Map<String, Object> after = Map.of("name", "Hall", "quantity", 2, "note", "By the door", "status", "Paused");

        assertThat(States.changes(before, after))
                .containsExactly(
                        new FieldChange("name", "Lobby", "Hall"),
                        new FieldChange("note", null, "By the door"),
                        new FieldChange("status", null, "Paused"));
        assertThat(States.changes(Map.of(), Map.of())).isEmpty();
    }
}
