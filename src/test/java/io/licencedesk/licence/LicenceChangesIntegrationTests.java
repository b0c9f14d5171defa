package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceChanges.Actor;
import io.licencedesk.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A transaction locks and reads each licence once; the next one reads it again. */
@IntegrationTest
class LicenceChangesIntegrationTests {

    static final Supplier<Currency> NOT_READ = () -> {
        throw new AssertionError("the organisation was read again");
    };

    @Autowired
    LicenceChanges changes;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    TestOrganisation org;
    long id;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        Plan yearly = plans.addPlan(org.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00")));
        id = licences.create(
                        org.manager(),
                        new NewLicence(
                                yearly.id(), "Lobby", null, 1, org.alice().userId()))
                .id();
    }

    @Test
    void changesTheLicenceItLockedForBillingWithoutReadingItAgain() {
        transaction.executeWithoutResult(status -> {
            List<BillableLicence> locked = licences.lockForBilling(org.manager(), List.of(id));
            Licence held = changes.lock(org.id(), id, NOT_READ);

            licences.recordBilling(org.manager(), locked.get(0).id(), 1, BillingStatus.INVOICED);

            assertThat(held.billingStatus()).isEqualTo(BillingStatus.INVOICED);
            assertThat(changes.lock(org.id(), id, NOT_READ)).isSameAs(held);
        });
        assertThat(licences.details(org.manager(), id).billingStatus()).isEqualTo(BillingStatus.INVOICED);
    }

    @Test
    void holdsNothingBeyondItsTransaction() {
        Licence first = transaction.execute(status -> changes.lock(org.id(), id, () -> Currency.getInstance("EUR")));

        transaction.executeWithoutResult(status -> {
            assertThatThrownBy(() -> changes.lock(org.id(), id, NOT_READ)).isInstanceOf(AssertionError.class);
            assertThat(changes.lock(org.id(), id, () -> Currency.getInstance("EUR")))
                    .isNotSameAs(first);
        });
    }

    @Test
    void aHeldLicenceIsStillNotAnotherOrganisations() {
        TestOrganisation other = organisations.create();
        transaction.executeWithoutResult(status -> {
            changes.lock(org.id(), id, () -> Currency.getInstance("EUR"));

            assertThatThrownBy(() -> changes.lock(other.id(), id, NOT_READ))
                    .isInstanceOf(LicenceNotFoundException.class);
        });
    }

    @Test
    void aRefusedChangeLeavesTheHeldLicenceAsItWas() {
        transaction.executeWithoutResult(status -> {
            Licence held = changes.lock(org.id(), id, () -> Currency.getInstance("EUR"));

            assertThatThrownBy(() -> changes.change(
                            held, Actor.SCREEN, LicenceResumed::new, licence -> licence.resume(LocalDate.now(clock))))
                    .isInstanceOf(IllegalStatusChangeException.class);

            assertThat(held.status(LocalDate.now(clock))).isEqualTo(LifecycleStatus.ASSIGNED);
        });
    }
}
