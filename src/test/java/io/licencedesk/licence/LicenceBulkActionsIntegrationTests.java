package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Pausing and resuming many licences: each on its own, so a refusal leaves the others done. */
@IntegrationTest
class LicenceBulkActionsIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceBulkActions bulk;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    AuditTrail audit;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
    }

    LicenceDetails assigned(String name) {
        return licences.create(
                org.manager(),
                new NewLicence(monthly.id(), name, null, 1, org.alice().userId()));
    }

    @Test
    void pausesWhatItCanAndNamesWhatItCannotByWhy() {
        LicenceDetails first = assigned("First");
        LicenceDetails second = assigned("Second");
        LicenceDetails paused = assigned("Paused");
        licences.pause(org.manager(), paused.id());
        long expired = testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Ended",
                testLicences.today().minusMonths(2));
        String expiredCode =
                licences.details(org.manager(), expired).couponCode().value();
        LicenceDetails deleted = assigned("Gone");
        licences.delete(org.manager(), deleted.id());

        BulkOutcome outcome =
                bulk.pause(org.manager(), List.of(first.id(), paused.id(), expired, deleted.id(), second.id()));

        assertThat(outcome.done())
                .containsExactly(first.couponCode().value(), second.couponCode().value());
        assertThat(outcome.refused())
                .isEqualTo(Map.of(
                        LifecycleStatus.PAUSED, List.of(paused.couponCode().value()),
                        LifecycleStatus.EXPIRED, List.of(expiredCode)));
        assertThat(outcome.gone()).isEqualTo(1);
        assertThat(licences.details(org.manager(), first.id()).status()).isEqualTo(LifecycleStatus.PAUSED);
        assertThat(licences.details(org.manager(), second.id()).status()).isEqualTo(LifecycleStatus.PAUSED);
        assertThat(audit.licenceHistory(org.manager(), first.id()).get(0).action())
                .isEqualTo("PAUSED");
    }

    @Test
    void resumesOnlyPausedLicences() {
        LicenceDetails paused = assigned("Paused");
        licences.pause(org.manager(), paused.id());
        LicenceDetails running = assigned("Running");

        BulkOutcome outcome = bulk.resume(org.manager(), List.of(paused.id(), running.id()));

        assertThat(outcome.done()).containsExactly(paused.couponCode().value());
        assertThat(outcome.refused())
                .isEqualTo(Map.of(
                        LifecycleStatus.ASSIGNED, List.of(running.couponCode().value())));
    }

    @Test
    void touchesNothingOfAnotherOrganisationAndRefusesClients() {
        LicenceDetails ours = assigned("Ours");
        TestOrganisation other = fixture.organisation();

        BulkOutcome outcome = bulk.pause(other.manager(), List.of(ours.id()));

        assertThat(outcome.done()).isEmpty();
        assertThat(outcome.gone()).isEqualTo(1);
        assertThat(licences.details(org.manager(), ours.id()).status()).isEqualTo(LifecycleStatus.ASSIGNED);
        assertThatThrownBy(() -> bulk.pause(org.alice(), List.of(ours.id()))).isInstanceOf(AccessDeniedException.class);
    }
}
