package io.licencedesk.licence;

import static io.licencedesk.support.InWords.saysSomething;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditRecord;
import io.licencedesk.audit.AuditRecord.FieldChange;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Editing a licence through the façade, with the real audit trail, coupon codes and screens (H2 here, PostgreSQL
 * in the subclass, which also races an edit against screens being registered).
 */
@IntegrationTest
class LicenceEditIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    AuditTrail audit;

    TestOrganisation org;
    Plan monthly;
    Plan yearly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        yearly = fixture.yearlyPlan(org);
    }

    LicenceDetails create(int quantity, Long clientId) {
        return licences.create(org.manager(), new NewLicence(monthly.id(), "Lobby", null, quantity, clientId));
    }

    @Test
    void recordsEachChangedFieldBeforeAndAfterWithClientAndPlanByName() {
        long id = create(2, org.alice().userId()).id();

        LicenceDetails edited = licences.edit(
                org.manager(),
                id,
                licence -> licence.withName("Hall")
                        .withNote("By the door")
                        .withQuantity(4)
                        .withPlanId(yearly.id())
                        .withClientId(org.bob().userId()));

        assertThat(edited.name()).isEqualTo("Hall");
        assertThat(edited.client().id()).isEqualTo(org.bob().userId());
        assertThat(edited.plan().id()).isEqualTo(yearly.id());
        assertThat(edited.amount()).isEqualTo(yearly.unitPrice().times(4));
        AuditRecord latest = audit.licenceHistory(org.owner(), id).get(0);
        assertThat(latest.action()).isEqualTo("EDITED");
        assertThat(latest.actorEmail()).isEqualTo(org.manager().email());
        assertThat(latest.changes())
                .contains(
                        new FieldChange("name", "Lobby", "Hall"),
                        new FieldChange("note", null, "By the door"),
                        new FieldChange("quantity", "2", "4"),
                        new FieldChange("plan", monthly.name(), yearly.name()))
                .anySatisfy(change -> {
                    assertThat(change.field()).isEqualTo("client");
                    assertThat(change.before()).contains(org.alice().email());
                    assertThat(change.after()).contains(org.bob().email());
                });
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        long id = create(2, null).id();
        int entries = audit.licenceHistory(org.owner(), id).size();

        licences.edit(org.manager(), id, licence -> licence.withName("  Lobby ").withNote(""));

        assertThat(audit.licenceHistory(org.owner(), id)).hasSize(entries);
    }

    @Test
    void assigningAnAvailableLicenceStopsItsCouponCode() {
        LicenceDetails available = create(2, null);

        licences.edit(
                org.manager(),
                available.id(),
                licence -> licence.withClientId(org.alice().userId()));

        assertThatThrownBy(() ->
                        clientLicences.redeem(org.bob(), available.couponCode().value()))
                .isInstanceOf(CodeNotRedeemableException.class);
        assertThat(clientLicences.licence(org.alice(), available.id()).status()).isEqualTo(LifecycleStatus.ASSIGNED);
    }

    @Test
    void makingAnAssignedLicenceAvailableAgainDrawsACodeNobodyHolds() {
        LicenceDetails assigned = create(2, org.alice().userId());

        LicenceDetails available = licences.edit(org.manager(), assigned.id(), licence -> licence.withClientId(null));

        assertThat(available.status()).isEqualTo(LifecycleStatus.AVAILABLE);
        assertThat(available.couponCode()).isNotEqualTo(assigned.couponCode());
        assertThatThrownBy(() ->
                        clientLicences.redeem(org.bob(), assigned.couponCode().value()))
                .isInstanceOf(CodeNotRedeemableException.class);
        assertThat(clientLicences
                        .redeem(org.bob(), available.couponCode().value())
                        .status())
                .isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void theQuantityNeverDropsBelowTheScreensRegistered() {
        long id = create(3, org.alice().userId()).id();
        clientLicences.activate(org.alice(), id);
        screens.register(org.alice(), id, "Left");
        screens.register(org.alice(), id, "Right");

        assertThatThrownBy(() -> licences.edit(org.manager(), id, licence -> licence.withQuantity(1)))
                .isInstanceOf(InvalidLicenceException.class)
                .satisfies(saysSomething("2 screens registered"));
        assertThat(licences.details(org.manager(), id).quantity()).isEqualTo(3);

        assertThat(licences.edit(org.manager(), id, licence -> licence.withQuantity(2))
                        .quantity())
                .isEqualTo(2);
    }

    @Test
    void aUsedLicenceKeepsItsClientAndPlan() {
        long id = create(3, org.alice().userId()).id();
        clientLicences.activate(org.alice(), id);

        assertThatThrownBy(() -> licences.edit(
                        org.manager(),
                        id,
                        licence -> licence.withClientId(org.bob().userId())))
                .isInstanceOf(InvalidLicenceException.class)
                .extracting("field")
                .isEqualTo("clientId");
        assertThatThrownBy(() -> licences.edit(org.manager(), id, licence -> licence.withPlanId(yearly.id())))
                .extracting("field")
                .isEqualTo("planId");
        LicenceDetails kept = licences.details(org.manager(), id);
        assertThat(kept.client().id()).isEqualTo(org.alice().userId());
        assertThat(kept.plan().id()).isEqualTo(monthly.id());
    }

    @Test
    void onlyTheOrganisationsStaffEdit() {
        long id = create(2, org.alice().userId()).id();
        TestOrganisation other = organisations.create();

        assertThatThrownBy(() -> licences.edit(other.manager(), id, licence -> licence.withName("Mine")))
                .isInstanceOf(LicenceNotFoundException.class);
        assertThatThrownBy(() -> licences.edit(org.alice(), id, licence -> licence.withName("Mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(licences.details(org.manager(), id).name()).isEqualTo("Lobby");
    }
}
