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
    void plansAddedAndChangedAndCodesRefusedPublishTheirEventsAndAnEditThatChangesNothingDoesNot(
            AssertablePublishedEvents events) {
        Plan yearly = plans.addPlan(org.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00")));
        plans.updatePlan(
                org.owner(), monthly.id(), new NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("12.00")));
        plans.updatePlan(
                org.owner(), monthly.id(), new NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("12.00")));

        assertThatThrownBy(() -> clientLicences.redeem(org.alice(), "ab-12 cd34"))
                .isInstanceOf(CodeNotRedeemableException.class);

        assertThat(events.ofType(PlanAdded.class).matching(event -> event.plan().equals(yearly)))
                .singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo(org.owner()));
        assertThat(events.ofType(PlanChanged.class)).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo(org.owner());
            assertThat(event.before()).isEqualTo(monthly);
            assertThat(event.after().unitPrice().amount()).isEqualByComparingTo("12.00");
        });
        assertThat(events.ofType(CouponCodeRefused.class)).singleElement().satisfies(event -> {
            assertThat(event.client()).isEqualTo(org.alice());
            assertThat(event.shown()).isEqualTo("AB******");
        });
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
