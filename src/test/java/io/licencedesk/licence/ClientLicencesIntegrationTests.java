package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.shared.RefusedException;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The client side of licences: redeeming codes, starting assigned licences, seeing only one's own. */
@IntegrationTest
class ClientLicencesIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AuditTrail audit;

    TestOrganisation org;
    TestOrganisation otherOrg;
    Plan yearly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        otherOrg = organisations.create();
        yearly = fixture.yearlyPlan(org);
    }

    LicenceDetails available(String name) {
        return licences.create(org.manager(), new NewLicence(yearly.id(), name, null, 3, null));
    }

    LicenceDetails assignedTo(long clientId, String name) {
        return licences.create(org.manager(), new NewLicence(yearly.id(), name, null, 3, clientId));
    }

    @Test
    void redeemingACodeTypedInAnyCaseWithSpacesMakesTheLicenceTheClientsAndActive() {
        LicenceDetails created = available("Lobby screens");
        String typed = " " + created.couponCode().value().substring(0, 4).toLowerCase() + " "
                + created.couponCode().value().substring(4).toLowerCase() + " ";

        ClientLicence redeemed = clientLicences.redeem(org.alice(), typed);

        assertThat(redeemed.id()).isEqualTo(created.id());
        assertThat(redeemed.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(redeemed.activatedOn()).isNotNull();
        assertThat(redeemed.endsOn()).isEqualTo(redeemed.activatedOn().plusYears(1));
        LicenceDetails seenByStaff = licences.details(org.manager(), created.id());
        assertThat(seenByStaff.client().id()).isEqualTo(org.alice().userId());
        assertThat(seenByStaff.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(clientLicences.licences(org.alice(), 1, 25).items())
                .extracting(ClientLicence::name)
                .containsExactly("Lobby screens");
        assertThat(audit.licenceHistory(org.manager(), created.id()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("REDEEMED"));
    }

    @Test
    void everyFailureGivesTheSameMessageAndChangesNothing() {
        LicenceDetails used = available("Used");
        clientLicences.redeem(org.bob(), used.couponCode().value());
        LicenceDetails paused = available("Paused");
        licences.pause(org.manager(), paused.id());
        LicenceDetails assigned = assignedTo(org.bob().userId(), "Bob's");
        Plan otherPlan = fixture.monthlyPlan(otherOrg);
        LicenceDetails foreign =
                licences.create(otherOrg.manager(), new NewLicence(otherPlan.id(), "Foreign", null, 1, null));

        for (String code : new String[] {
            "ZZZZZZZZ",
            "short",
            "",
            "<script>",
            used.couponCode().value(),
            paused.couponCode().value(),
            assigned.couponCode().value(),
            foreign.couponCode().value()
        }) {
            assertThatThrownBy(() -> clientLicences.redeem(org.alice(), code))
                    .isInstanceOf(CodeNotRedeemableException.class)
                    .extracting(refused -> ((RefusedException) refused).reason())
                    .isEqualTo(CodeNotRedeemableException.REASON);
        }
        assertThat(clientLicences.licences(org.alice(), 1, 25).items()).isEmpty();
        assertThat(licences.details(otherOrg.manager(), foreign.id()).status()).isEqualTo(LifecycleStatus.AVAILABLE);
        assertThat(licences.details(org.manager(), paused.id()).client()).isNull();
    }

    @Test
    void aClientStartsTheirAssignedLicence() {
        LicenceDetails assigned = assignedTo(org.alice().userId(), "Window display");
        assertThat(clientLicences.licence(org.alice(), assigned.id()).activatable())
                .isTrue();

        ClientLicence active = clientLicences.activate(org.alice(), assigned.id());

        assertThat(active.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(active.activatable()).isFalse();
        assertThatThrownBy(() -> clientLicences.activate(org.alice(), assigned.id()))
                .isInstanceOf(IllegalStatusChangeException.class);
    }

    @Test
    void aClientNeverSeesOrStartsAnotherClientsLicence() {
        LicenceDetails bobs = assignedTo(org.bob().userId(), "Bob's");
        LicenceDetails unassigned = available("Nobody's");

        assertThat(clientLicences.licences(org.alice(), 1, 25).items()).isEmpty();
        for (long id : new long[] {bobs.id(), unassigned.id()}) {
            assertThatThrownBy(() -> clientLicences.licence(org.alice(), id))
                    .isInstanceOf(LicenceNotFoundException.class);
            assertThatThrownBy(() -> clientLicences.activate(org.alice(), id))
                    .isInstanceOf(LicenceNotFoundException.class);
            assertThatThrownBy(() -> clientLicences.licence(otherOrg.alice(), id))
                    .isInstanceOf(LicenceNotFoundException.class);
        }
        assertThat(licences.details(org.manager(), bobs.id()).status()).isEqualTo(LifecycleStatus.ASSIGNED);
    }

    @Test
    void staffHaveNoClientLicences() {
        LicenceDetails created = available("Staff try");
        assertThatThrownBy(() -> clientLicences.redeem(
                        org.manager(), created.couponCode().value()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clientLicences.licences(org.owner(), 1, 25)).isInstanceOf(AccessDeniedException.class);
    }
}
