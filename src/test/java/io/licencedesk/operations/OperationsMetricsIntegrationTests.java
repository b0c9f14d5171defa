package io.licencedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.CodeNotRedeemableException;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.mail.TestMailDispatch;
import io.licencedesk.support.Inbox;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each metric an operator alerts on (docs/operations.md) moves when its event happens, as an owner reads it at
 * /actuator/prometheus. The SMTP server is a closed port and one attempt is all an e-mail gets, so every e-mail fails
 * and is given up on; the mail dispatcher's own schedule runs once at start and then keeps out of the way.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "licencedesk.mail.poll-interval=PT1H",
            "licencedesk.mail.max-attempts=1",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        })
class OperationsMetricsIntegrationTests {

    @DynamicPropertySource
    static void smtpOnAClosedPort(DynamicPropertyRegistry properties) {
        int closed = Inbox.freePort();
        properties.add("spring.mail.port", () -> closed);
    }

    /** A job that fails each time it runs, to show that failures of scheduled jobs are counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingJob {

        @Scheduled(fixedDelay = 3_600_000)
        void failOnPurpose() {
            throw new IllegalStateException("A job that fails, for OperationsMetricsIntegrationTests");
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    TestMailDispatch mail;

    @Autowired
    Webhooks webhooks;

    TestOrganisation org;
    Plan plan;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
    }

    String metrics() throws Exception {
        return mvc.perform(
                        get("/actuator/prometheus").with(httpBasic(org.owner().email(), TestOrganisation.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The value of one series: its name followed by its labels exactly as Prometheus shows them, or none. */
    static double value(String metrics, String series) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!line.find()) {
            throw new AssertionError("No series " + series + " in:\n" + metrics);
        }
        return Double.parseDouble(line.group(1));
    }

    /** The sum of every series of a name whose labels contain all of these pairs. */
    static double sum(String metrics, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(metrics);
        double total = 0;
        boolean found = false;
        while (line.find()) {
            boolean matches = true;
            for (String label : labels) {
                matches &= line.group(1).contains(label);
            }
            if (matches) {
                total += Double.parseDouble(line.group(2));
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("No series " + name + " with " + List.of(labels) + " in:\n" + metrics);
        }
        return total;
    }

    long invoicedLicence(String name) {
        return licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), name, null, 1, org.alice().userId()))
                .id();
    }

    @Test
    void anIssuedInvoiceCountsAndItsEmailIsInTheOutboxUntilItFails() throws Exception {
        mail.dispatchDue();
        String before = metrics();

        invoicing.send(org.manager(), List.of(invoicedLicence("Lobby"), invoicedLicence("Bar")));
        Thread.sleep(1_100); // the outbox's figures are read at most once a second
        String queued = metrics();
        mail.dispatchDue();
        Thread.sleep(1_100);
        String failed = metrics();

        assertThat(value(queued, "licencedesk_invoices_issued_total")
                        - value(before, "licencedesk_invoices_issued_total"))
                .isEqualTo(2);
        assertThat(value(queued, "licencedesk_outbox_pending_messages")).isGreaterThanOrEqualTo(2);
        assertThat(value(queued, "licencedesk_outbox_oldest_pending_age_seconds"))
                .isGreaterThan(1)
                .isLessThan(120);
        assertThat(value(failed, "licencedesk_outbox_pending_messages")).isZero();
        assertThat(value(failed, "licencedesk_outbox_oldest_pending_age_seconds"))
                .isZero();
        assertThat(value(failed, "licencedesk_outbox_failed_messages")
                        - value(before, "licencedesk_outbox_failed_messages"))
                .isGreaterThanOrEqualTo(2);
        assertThat(value(failed, "licencedesk_emails_failed_total{outcome=\"given_up\"}")
                        - value(before, "licencedesk_emails_failed_total{outcome=\"given_up\"}"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusedCouponCodesAndFailedSignInsCount() throws Exception {
        String before = metrics();

        assertThatThrownBy(() -> clientLicences.redeem(org.alice(), "ZZZZZZZZ"))
                .isInstanceOf(CodeNotRedeemableException.class);
        mvc.perform(post("/login")
                        .param("email", org.alice().email())
                        .param("password", "Wrong-Password-1")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?failed"));
        mvc.perform(post("/login")
                        .param("email", "nobody-" + org.id() + "@example.test")
                        .param("password", "Wrong-Password-2")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?failed"));
        String after = metrics();

        assertThat(value(after, "licencedesk_coupon_codes_refused_total")
                        - value(before, "licencedesk_coupon_codes_refused_total"))
                .isEqualTo(1);
        assertThat(value(after, "licencedesk_sign_in_failures_total{cause=\"bad_credentials\"}")
                        - value(before, "licencedesk_sign_in_failures_total{cause=\"bad_credentials\"}"))
                .as("an account's e-mail and an unknown one")
                .isEqualTo(2);
    }

    @Test
    void checkInsCountAnsweredAndRefused() throws Exception {
        String credential = screens.register(org.alice(), invoicedLicence("Entrance"), "Entrance")
                .credential();
        String before = metrics();

        for (String nonce : new String[] {"n-1", "n-2", "n-3"}) {
            mvc.perform(post("/api/v1/device/check-in")
                            .header("Authorization", "Bearer " + credential)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"fingerprint\":\"device-a\",\"nonce\":\"" + nonce + "\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/device/check-in")
                        .header("Authorization", "Bearer not-a-credential")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"device-a\",\"nonce\":\"n-4\"}"))
                .andExpect(status().is4xxClientError());
        String after = metrics();

        assertThat(value(after, "licencedesk_device_check_ins_total{outcome=\"answered\"}")
                        - value(before, "licencedesk_device_check_ins_total{outcome=\"answered\"}"))
                .isEqualTo(3);
        assertThat(value(after, "licencedesk_device_check_ins_total{outcome=\"refused\"}")
                        - value(before, "licencedesk_device_check_ins_total{outcome=\"refused\"}"))
                .isEqualTo(1);
    }

    /**
     * The webhook deliveries' gauges, as the outbox's (docs/operations.md): a delivery to a receiver that cannot be
     * reached waits, and the three series are served. Nothing measured webhook deliveries (decision 0158's walk).
     */
    @Test
    void webhookDeliveriesWaitingAreMeasured() throws Exception {
        String before = metrics();
        webhooks.allowPrivateAddresses(org.owner(), true);
        String closed = "http://127.0.0.1:" + Inbox.freePort() + "/hooks";
        long endpoint = webhooks.register(org.owner(), new NewEndpoint(closed, "Closed", true, Set.of()))
                .endpoint()
                .id();
        try {
            invoicedLicence("Kiosk");
            Thread.sleep(1_100); // the figures are read at most once a second
            String after = metrics();

            assertThat(value(after, "licencedesk_webhooks_waiting_deliveries")
                            - value(before, "licencedesk_webhooks_waiting_deliveries"))
                    .as("the licence's created event, at least")
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(after, "licencedesk_webhooks_failed_deliveries")).isGreaterThanOrEqualTo(0);
            assertThat(value(after, "licencedesk_webhooks_oldest_due_age_seconds"))
                    .isGreaterThanOrEqualTo(0);
        } finally {
            webhooks.delete(org.owner(), endpoint);
        }
    }

    /** The pool's gauges (docs/operations.md alerts on the threads waiting), though the application wraps the pool. */
    @Test
    void thePoolsConnectionsAreMeasured() throws Exception {
        assertThat(metrics()).contains("hikaricp_connections_pending{", "hikaricp_connections_active{");
    }

    /** Spring's own observation of @Scheduled methods: runs by outcome, one series per job. */
    @Test
    void scheduledJobRunsAndFailuresAreCounted() throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics().contains("failOnPurpose") && metrics().contains("MailDispatcher"));
        String metrics = metrics();

        assertThat(sum(
                        metrics,
                        "tasks_scheduled_execution_seconds_count",
                        "code_namespace=\"io.licencedesk.mail.MailDispatcher\"",
                        "code_function=\"dispatchDue\"",
                        "outcome=\"SUCCESS\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sum(
                        metrics,
                        "tasks_scheduled_execution_seconds_count",
                        "code_namespace=\"io.licencedesk.operations.OperationsMetricsIntegrationTests.FailingJob\"",
                        "code_function=\"failOnPurpose\"",
                        "exception=\"IllegalStateException\"",
                        "outcome=\"ERROR\""))
                .isEqualTo(1);
    }
}
