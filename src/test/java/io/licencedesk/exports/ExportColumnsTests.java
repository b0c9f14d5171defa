package io.licencedesk.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.ExportedLicence;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ExportColumnsTests {

    @Test
    void writesTheCreationInstantAsInstantToStringToTheSecond() {
        for (String created : new String[] {
            "2026-03-01T09:15:42.987654321Z", "2026-03-01T09:15:00.5Z", "2026-12-31T23:59:59Z", "0999-01-02T03:04:05Z"
        }) {
            Instant instant = Instant.parse(created);
            String expected = instant.truncatedTo(ChronoUnit.SECONDS).toString();

            assertThat(ExportColumns.of(licenceCreatedAt(instant))[11]).isEqualTo(expected);
        }
    }

    @Test
    void writesEveryColumnOfALicence() {
        var licence = new ExportedLicence(
                7,
                "AB12CD34",
                "Lobby screens",
                null,
                "alice@example.test",
                "Alice Co",
                "Monthly",
                3,
                new Money(360000, Currency.getInstance("EUR")),
                LifecycleStatus.ACTIVE,
                BillingStatus.INVOICED,
                Instant.parse("2026-03-01T09:15:00.250Z"),
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 2));

        assertThat(ExportColumns.of(licence))
                .containsExactly(
                        "AB12CD34",
                        "Lobby screens",
                        null,
                        "alice@example.test",
                        "Alice Co",
                        "Monthly",
                        "3",
                        "3600.00",
                        "EUR",
                        "active",
                        "invoiced",
                        "2026-03-01T09:15:00Z",
                        "2026-03-02",
                        "2026-04-02");
    }

    private static ExportedLicence licenceCreatedAt(Instant created) {
        return new ExportedLicence(
                1,
                "AB12CD34",
                "Lobby",
                null,
                null,
                null,
                "Monthly",
                1,
                new Money(1000, Currency.getInstance("EUR")),
                LifecycleStatus.AVAILABLE,
                BillingStatus.UNBILLED,
                created,
                null,
                null);
    }
}
