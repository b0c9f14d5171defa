package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Puts licences in states the console cannot reach yet (used by a client, invoiced) for tests. */
@Component
public class TestLicences {

    private final NewLicences licences;
    private final PlanCatalogue plans;
    private final Clock clock;

    TestLicences(NewLicences licences, PlanCatalogue plans, Clock clock) {
        this.licences = licences;
        this.plans = plans;
        this.clock = clock;
    }

    /** A licence the client activated on the given day (so it ends one plan term later). */
    public long activated(Caller owner, Plan plan, long clientId, String name, LocalDate activatedOn) {
        return licences.save(new Licence(
                null,
                owner.organisationId(),
                null,
                plan.id(),
                plan.term(),
                plan.unitPrice(),
                name,
                null,
                1,
                new LicenceState(
                        clientId, false, activatedOn, activatedOn.plus(plan.term()), BillingStatus.UNBILLED, false),
                clock.instant(),
                0,
                1));
    }

    public long invoiced(Caller owner, Plan plan, long clientId, String name) {
        return licences.save(new Licence(
                null,
                owner.organisationId(),
                null,
                plan.id(),
                plan.term(),
                plan.unitPrice(),
                name,
                null,
                1,
                new LicenceState(clientId, false, null, null, BillingStatus.INVOICED, false),
                clock.instant(),
                0,
                1));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
