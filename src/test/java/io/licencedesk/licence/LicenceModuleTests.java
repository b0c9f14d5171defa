package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.AccountMailer;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import java.math.BigDecimal;
import java.time.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The licence module on its own, with only what it depends on (accounts and the shared kernel): no web layer,
 * no invoicing, no audit trail. What it tells the rest of the application is its typed events, checked here
 * as they are published.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class LicenceModuleTests {

    /** Accounts' port for e-mail is implemented by the mail module, which this slice leaves out. */
    @MockitoBean
    AccountMailer mailer;

    /** The licence module's port for screens is implemented by the devices module, also left out. */
    @MockitoBean
    RegisteredScreens screens;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    ApplicationContext context;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = plans.addPlan(org.owner(), new NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("10.00")));
    }

    @Test
    void creatingALicencePublishesWhoCreatedItAndWhatItIs(AssertablePublishedEvents events) {
        LicenceDetails created = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Lobby", null, 2, org.alice().userId()));

        assertThat(events.ofType(LicenceCreated.class)).singleElement().satisfies(event -> {
            assertThat(event.licenceId()).isEqualTo(created.id());
            assertThat(event.organisationId()).isEqualTo(org.id());
            assertThat(event.actorEmail()).isEqualTo(org.manager().email());
            assertThat(event.before()).isNull();
            assertThat(event.after()).containsEntry("status", "Assigned").containsEntry("quantity", 2);
        });
    }

    @Test
    void aClientRedeemingAndTheManagerPausingAndResumingPublishOneEventEach(AssertablePublishedEvents events) {
        LicenceDetails available =
                licences.create(org.manager(), new NewLicence(monthly.id(), "Window", null, 1, null));

        clientLicences.redeem(org.alice(), available.couponCode().value());
        licences.pause(org.manager(), available.id());
        licences.resume(org.manager(), available.id());

        assertThat(events.ofType(LicenceRedeemed.class)).singleElement().satisfies(event -> {
            assertThat(event.actorEmail()).isEqualTo(org.alice().email());
            assertThat(event.before()).containsEntry("status", "Available");
            assertThat(event.after())
                    .containsEntry("status", "Active")
                    .containsEntry("clientId", org.alice().userId());
        });
        assertThat(events.ofType(LicencePaused.class)).singleElement().satisfies(event -> {
            assertThat(event.before()).containsEntry("status", "Active");
            assertThat(event.after()).containsEntry("status", "Paused");
        });
        assertThat(events.ofType(LicenceResumed.class))
                .singleElement()
                .satisfies(event -> assertThat(event.after()).containsEntry("status", "Active"));
    }

    @Test
    void aRefusedChangePublishesNothing(AssertablePublishedEvents events) {
        LicenceDetails available =
                licences.create(org.manager(), new NewLicence(monthly.id(), "Window", null, 1, null));

        assertThatThrownBy(() -> licences.resume(org.manager(), available.id()))
                .isInstanceOf(IllegalStatusChangeException.class);

        assertThat(events.ofType(LicenceEvent.class)).singleElement().isInstanceOf(LicenceCreated.class);
    }

    @Test
    void bootsWithoutTheModulesItDoesNotDependOn() {
        assertThat(context.getBeanNamesForType(io.licencedesk.audit.AuditTrail.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(io.licencedesk.invoicing.InvoiceManagement.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(io.licencedesk.mail.Outbox.class))
                .isEmpty();
        assertThat(context.getBeansWithAnnotation(Controller.class).values())
                .as("none of LicenceDesk's controllers")
                .noneMatch(bean -> bean.getClass().getName().startsWith("io.licencedesk."));
    }
}
