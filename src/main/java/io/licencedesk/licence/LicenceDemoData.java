package io.licencedesk.licence;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.DemoOrganisationCreated;
import io.licencedesk.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's plans and about 300 licences in every lifecycle status, some expiring
 * within 30 days, some expired, some unassigned; then asks invoicing to bill some of them. The layout is fixed (seeded random), the
 * coupon codes are drawn like any other.
 */
@Component
class LicenceDemoData {

    static final int LICENCES = 300;

    private static final String[] SITES = {
        "Lobby",
        "Menu board",
        "Window display",
        "Reception",
        "Waiting room",
        "Checkout",
        "Meeting room",
        "Gym floor",
        "Drive-through",
        "Entrance",
    };
    private static final String[] NOTES = {
        null,
        "Portrait screens",
        "Renew with the spring campaign",
        "Outdoor, high-brightness panels",
        "Pilot for the new branch",
        null,
        "Invoice to head office",
        "Night-time playlist only",
    };

    private final PlanRepository plans;
    private final NewLicences licences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LicenceDemoData(PlanRepository plans, NewLicences licences, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.licences = licences;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(DemoOrganisationCreated demo) {
        Currency euro = Currency.getInstance("EUR");
        Instant now = clock.instant();
        List<Plan> demoPlans = List.of(
                plan(demo.organisationId(), "Monthly", Period.ofMonths(1), "10.00", false, euro, now),
                plan(demo.organisationId(), "Quarterly", Period.ofMonths(3), "27.00", false, euro, now),
                plan(demo.organisationId(), "Yearly", Period.ofYears(1), "100.00", true, euro, now));
        var layout = new Random(42);
        List<Long> toInvoice = new ArrayList<>();
        List<Long> toMarkPaid = new ArrayList<>();
        List<DemoLicencesCreated.InUse> inUse = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < LICENCES; i++) {
            Plan plan = demoPlans.get(layout.nextInt(demoPlans.size()));
            Instant createdAt = now.minus(Duration.ofHours((LICENCES - i) * 20L + layout.nextInt(10)));
            Caller client = demo.clients().get(layout.nextInt(demo.clients().size()));
            Long clientId = client.userId();
            LocalDate activatedOn = null;
            LocalDate endsOn = null;
            boolean paused = false;
            int kind = i % 10;
            if (kind == 0) {
                clientId = null; // Available
                paused = i % 30 == 0;
            } else if (kind >= 2) {
                LocalDate created = LocalDate.ofInstant(createdAt, clock.getZone());
                activatedOn = switch (kind) {
                    case 2 -> today.minus(plan.term()).plusDays(5 + layout.nextInt(20)); // expiring soon
                    case 3 -> today.minus(plan.term()).minusDays(1 + layout.nextInt(90)); // expired
                    default -> created.plusDays(layout.nextInt(5)).isAfter(today) ? today : created;
                };
                endsOn = activatedOn.plus(plan.term());
                if (endsOn.isBefore(today) && kind != 3) {
                    activatedOn = today.minusDays(layout.nextInt(20));
                    endsOn = activatedOn.plus(plan.term());
                }
                paused = kind == 4 && i % 20 == 4;
                if (LocalDate.ofInstant(createdAt, clock.getZone()).isAfter(activatedOn)) {
                    // A licence is created before a client can use it.
                    createdAt = activatedOn
                            .atStartOfDay(clock.getZone())
                            .minusHours(1 + i % 48)
                            .toInstant();
                }
            }
            String name = SITES[layout.nextInt(SITES.length)] + " screens " + (i + 1);
            String note = NOTES[layout.nextInt(NOTES.length)];
            int quantity = 1 + layout.nextInt(layout.nextInt(10) == 0 ? 200 : 12);
            long id = licences.save(new Licence(
                    null,
                    demo.organisationId(),
                    null,
                    plan.id(),
                    plan.term(),
                    plan.unitPrice(),
                    name,
                    note,
                    quantity,
                    new LicenceState(clientId, paused, activatedOn, endsOn, BillingStatus.UNBILLED, false),
                    createdAt,
                    0,
                    1));
            if (clientId != null && activatedOn != null && !paused && !endsOn.isBefore(today)) {
                inUse.add(new DemoLicencesCreated.InUse(id, client, quantity));
            }
            if (activatedOn != null && i % 4 <= 1) {
                toInvoice.add(id);
                if (i % 4 == 0) {
                    toMarkPaid.add(id);
                }
            }
        }
        events.publishEvent(new DemoLicencesCreated(demo.manager(), toInvoice, toMarkPaid, inUse));
    }

    private Plan plan(
            long organisationId,
            String name,
            Period term,
            String price,
            boolean autoRenew,
            Currency currency,
            Instant now) {
        Money unitPrice = Money.of(new BigDecimal(price), currency);
        long id = plans.insert(organisationId, name, term, unitPrice.minorUnits(), autoRenew, now);
        return new Plan(id, name, term, unitPrice, autoRenew);
    }
}
