package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.BillingStatus;
import io.licencedesk.licence.LicenceInvoiceVoided;
import io.licencedesk.licence.LicenceInvoiced;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePaid;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.RegisteredScreens;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The invoicing module with only what it depends on (accounts, licence, mail and the shared kernel): no web
 * layer, no audit trail. Issuing, paying and voiding through the façade, and what each tells the licence.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class InvoicingModuleTests {

    /** The licence module's port for screens is implemented by the devices module, which this slice leaves out. */
    @MockitoBean
    RegisteredScreens screens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    ApplicationContext context;

    TestOrganisation org;
    long lobby;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        Plan yearly = plans.addPlan(org.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00")));
        lobby = licences.create(
                        org.manager(),
                        new NewLicence(
                                yearly.id(), "Lobby", null, 3, org.alice().userId()))
                .id();
    }

    @Test
    void issuesAnInvoiceQueuesItsEmailAndMarksTheLicenceInvoiced(AssertablePublishedEvents events) {
        SendOutcome outcome = invoicing.send(org.manager(), List.of(lobby));

        Invoice invoice = outcome.issued().get(0);
        assertThat(outcome.count()).isEqualTo(1);
        assertThat(invoice.line().licenceId()).isEqualTo(lobby);
        assertThat(invoice.totals().subtotal().formatted()).isEqualTo("€300.00");
        assertThat(invoice.buyer().email()).isEqualTo(org.alice().email());
        assertThat(invoicing.deliveries(org.manager(), invoice.id()))
                .singleElement()
                .satisfies(email ->
                        assertThat(email.recipient()).isEqualTo(org.alice().email()));
        assertThat(licences.details(org.manager(), lobby).billingStatus()).isEqualTo(BillingStatus.INVOICED);
        assertThat(events.ofType(LicenceInvoiced.class))
                .singleElement()
                .satisfies(event -> assertThat(event.licenceId()).isEqualTo(lobby));
    }

    @Test
    void payingAndVoidingReachTheLicenceAsEvents(AssertablePublishedEvents events) {
        Invoice invoice = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);

        invoicing.voidInvoice(org.manager(), invoice.id(), "Wrong client");
        assertThat(invoicing.invoice(org.manager(), invoice.id()).status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(licences.details(org.manager(), lobby).billingStatus()).isEqualTo(BillingStatus.UNBILLED);
        Invoice again = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);
        invoicing.markPaid(org.manager(), again.id(), again.issuedOn(), "Bank transfer");
        assertThat(licences.details(org.manager(), lobby).billingStatus()).isEqualTo(BillingStatus.PAID);
        // A paid invoice is not voided (decision 0082): its licence stays paid.
        assertThatThrownBy(() -> invoicing.voidInvoice(org.manager(), again.id(), "Paid twice"))
                .isInstanceOf(IllegalInvoiceChangeException.class);

        assertThat(invoicing.invoice(org.manager(), again.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(licences.details(org.manager(), lobby).billingStatus()).isEqualTo(BillingStatus.PAID);
        assertThat(events.ofType(LicencePaid.class)).hasSize(1);
        assertThat(events.ofType(LicenceInvoiceVoided.class)).hasSize(1);
    }

    @Test
    void issuingSendingAgainPayingAndVoidingPublishTheInvoiceBeforeAndAfter(AssertablePublishedEvents events) {
        Invoice invoice = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);
        // its e-mail has gone, so sending again queues another (while it waits, nothing is sent again: decision 0091)
        jdbc.sql("update outbound_email set status = 'SENT' where subject_type = 'INVOICE' and subject_id = ?")
                .param(invoice.id())
                .update();
        invoicing.send(org.manager(), List.of(lobby));
        invoicing.voidInvoice(org.manager(), invoice.id(), "Wrong client");
        Invoice again = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);
        invoicing.markPaid(org.manager(), again.id(), again.issuedOn(), "Bank transfer");

        assertThat(events.ofType(InvoiceIssued.class).matching(event -> event.invoiceId() == invoice.id()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.organisationId()).isEqualTo(org.id());
                    assertThat(event.actorEmail()).isEqualTo(org.manager().email());
                    assertThat(event.before()).isNull();
                    assertThat(event.after())
                            .containsEntry("number", invoice.number())
                            .containsEntry("status", "Issued");
                });
        assertThat(events.ofType(InvoiceResent.class))
                .singleElement()
                .satisfies(event -> assertThat(event.after()).isEqualTo(event.before()));
        assertThat(events.ofType(InvoicePaid.class)).singleElement().satisfies(event -> {
            assertThat(event.invoiceId()).isEqualTo(again.id());
            assertThat(event.before()).containsEntry("status", "Issued").containsEntry("paymentReference", null);
            assertThat(event.after())
                    .containsEntry("status", "Paid")
                    .containsEntry("paymentReference", "Bank transfer");
        });
        assertThat(events.ofType(InvoiceVoided.class)).singleElement().satisfies(event -> {
            assertThat(event.invoiceId()).isEqualTo(invoice.id());
            assertThat(event.before()).containsEntry("status", "Issued");
            assertThat(event.after()).containsEntry("status", "Void").containsEntry("voidReason", "Wrong client");
        });
    }

    @Test
    void bootsWithoutTheModulesItDoesNotDependOn() {
        assertThat(context.getBeanNamesForType(io.licencedesk.audit.AuditTrail.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(io.licencedesk.devices.ScreenManagement.class))
                .isEmpty();
        assertThat(context.getBeansWithAnnotation(Controller.class).values())
                .as("none of LicenceDesk's controllers")
                .noneMatch(bean -> bean.getClass().getName().startsWith("io.licencedesk."));
    }
}
