package io.licencedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows the trail keeps for every kind of licence change, exactly: history written before a change to
 * how changes are published must read the same as history written after it.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    TestOrganisation org;
    Plan yearly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        yearly = plans.addPlan(org.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00")));
    }

    @Test
    void recordsCreationPauseResumeInvoicingPaymentVoidingAndDeletion() {
        long alice = org.alice().userId();
        LicenceDetails created = licences.create(org.manager(), new NewLicence(yearly.id(), "Lobby", "Hall", 2, alice));
        licences.pause(org.manager(), created.id());
        licences.resume(org.manager(), created.id());
        var invoice =
                invoicing.send(org.manager(), List.of(created.id())).issued().get(0);
        invoicing.voidInvoice(org.manager(), invoice.id(), "Wrong client");
        var again =
                invoicing.send(org.manager(), List.of(created.id())).issued().get(0);
        invoicing.markPaid(org.manager(), again.id(), LocalDate.now(clock), null); // paid is final (decision 0082)
        LicenceDetails unused = licences.create(org.manager(), new NewLicence(yearly.id(), "Spare", null, 1, null));
        licences.delete(org.manager(), unused.id());

        String code = created.couponCode().value();
        String manager = org.manager().userId() + " " + org.manager().email();
        String assigned = state(code, "Lobby", "\"Hall\"", 2, alice, "Assigned", "Unbilled", null);
        String paused = state(code, "Lobby", "\"Hall\"", 2, alice, "Paused", "Unbilled", null);
        assertThat(rows(created.id()))
                .containsExactly(
                        row("CREATED", manager, null, assigned),
                        row("PAUSED", manager, assigned, paused),
                        row("RESUMED", manager, paused, assigned),
                        row("INVOICED", manager, assigned, assigned.replace("Unbilled", "Invoiced")),
                        row("INVOICE_VOIDED", manager, assigned.replace("Unbilled", "Invoiced"), assigned),
                        row("INVOICED", manager, assigned, assigned.replace("Unbilled", "Invoiced")),
                        row(
                                "PAID",
                                manager,
                                assigned.replace("Unbilled", "Invoiced"),
                                assigned.replace("Unbilled", "Paid")));
        String spare = state(unused.couponCode().value(), "Spare", "null", 1, null, "Available", "Unbilled", null);
        assertThat(rows(unused.id()))
                .containsExactly(row("CREATED", manager, null, spare), row("DELETED", manager, spare, null));
    }

    @Test
    void recordsRedemptionActivationAndActivationByAScreen() {
        LocalDate today = LocalDate.now(clock);
        LicenceDetails available = licences.create(org.manager(), new NewLicence(yearly.id(), "Shop", null, 1, null));
        LicenceDetails forBob = licences.create(
                org.manager(),
                new NewLicence(yearly.id(), "Bar", null, 1, org.bob().userId()));
        LicenceDetails forScreen = licences.create(
                org.manager(),
                new NewLicence(yearly.id(), "Door", null, 1, org.bob().userId()));

        clientLicences.redeem(org.alice(), available.couponCode().value());
        clientLicences.activate(org.bob(), forBob.id());
        transaction.executeWithoutResult(status -> clientLicences.activateByDevice(forScreen.id()));

        String shop = available.couponCode().value();
        assertThat(rows(available.id()))
                .last()
                .isEqualTo(row(
                        "REDEEMED",
                        org.alice().userId() + " " + org.alice().email(),
                        state(shop, "Shop", "null", 1, null, "Available", "Unbilled", null),
                        state(shop, "Shop", "null", 1, org.alice().userId(), "Active", "Unbilled", today)));
        String bar = forBob.couponCode().value();
        assertThat(rows(forBob.id()))
                .last()
                .isEqualTo(row(
                        "ACTIVATED",
                        org.bob().userId() + " " + org.bob().email(),
                        state(bar, "Bar", "null", 1, org.bob().userId(), "Assigned", "Unbilled", null),
                        state(bar, "Bar", "null", 1, org.bob().userId(), "Active", "Unbilled", today)));
        String door = forScreen.couponCode().value();
        assertThat(rows(forScreen.id()))
                .last()
                .isEqualTo(row(
                        "ACTIVATED_BY_SCREEN",
                        "null null",
                        state(door, "Door", "null", 1, org.bob().userId(), "Assigned", "Unbilled", null),
                        state(door, "Door", "null", 1, org.bob().userId(), "Active", "Unbilled", today)));
    }

    private String state(
            String code,
            String name,
            String note,
            int quantity,
            Long clientId,
            String status,
            String billing,
            LocalDate activatedOn) {
        return ("{\"couponCode\":\"%s\",\"name\":\"%s\",\"note\":%s,\"planId\":%d,\"term\":\"P1Y\","
                        + "\"unitPrice\":\"EUR 100.00\",\"quantity\":%d,\"clientId\":%s,\"status\":\"%s\","
                        + "\"billingStatus\":\"%s\",\"activatedOn\":%s,\"endsOn\":%s,\"termNumber\":1,"
                        + "\"autoRenew\":\"Plan default\"}")
                .formatted(
                        code,
                        name,
                        note,
                        yearly.id(),
                        quantity,
                        clientId,
                        status,
                        billing,
                        activatedOn == null ? null : "\"" + activatedOn + "\"",
                        activatedOn == null ? null : "\"" + activatedOn.plusYears(1) + "\"");
    }

    private static String row(String action, String actor, String before, String after) {
        return String.join(" | ", action, actor, String.valueOf(before), String.valueOf(after));
    }

    private List<String> rows(long licenceId) {
        return jdbc.sql("""
                        select action, actor_id, actor_email, before_state, after_state from audit_event
                        where organisation_id = :organisationId and subject_type = 'LICENCE' and subject_id = :id
                        order by id
                        """)
                .param("organisationId", org.id())
                .param("id", licenceId)
                .query((rs, n) -> row(
                        rs.getString("action"),
                        rs.getObject("actor_id") + " " + rs.getString("actor_email"),
                        rs.getString("before_state"),
                        rs.getString("after_state")))
                .list();
    }
}
