package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What the sweeps over every operation of the REST API start from: the operations, found from the controllers
 * rather than listed by hand, with their paths filled in with one organisation's objects and a body their rightful
 * caller could send, and that organisation's state, to prove a request changed nothing.
 */
@IntegrationTest
abstract class RestApiSweep {

    static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Webhooks webhooks;

    TestOrganisation org;
    Plan plan;
    long licenceId;
    long screenId;
    long invoiceId;
    long webhookEndpointId;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        licenceId = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 3, org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), licenceId);
        screenId = screens.register(org.alice(), licenceId, "Left").screen().id();
        invoiceId = invoicing
                .send(org.manager(), List.of(licenceId))
                .issued()
                .get(0)
                .id();
        // Disabled: nothing is queued for it, so no operation's answer waits on a delivery (the address routes
        // nowhere).
        webhookEndpointId = webhooks.register(
                        org.owner(), new NewEndpoint("https://203.0.113.10/hooks", "Sweep", true, Set.of()))
                .endpoint()
                .id();
        webhooks.disable(org.owner(), webhookEndpointId);
    }

    /** One operation of the REST API, with its path filled in with this organisation's objects. */
    record Operation(HttpMethod method, String pattern, String path, String body, boolean portal) {

        boolean write() {
            return WRITES.contains(method.name());
        }

        boolean onAnObject() {
            return pattern.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), RestApi.class)) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    String path = pattern.replace("{screenId}", Long.toString(screenId))
                            .replace("/invoices/{id}", "/invoices/" + invoiceId)
                            .replace("/plans/{id}", "/plans/" + plan.id())
                            .replace("/clients/{id}", "/clients/" + org.alice().userId())
                            .replace("/webhook-endpoints/{id}", "/webhook-endpoints/" + webhookEndpointId)
                            .replace("{id}", Long.toString(licenceId));
                    operations.add(new Operation(
                            HttpMethod.valueOf(method.name()),
                            pattern,
                            path,
                            Set.of("POST", "PATCH", "PUT").contains(method.name()) ? body(pattern) : null,
                            pattern.startsWith("/api/v1/portal")));
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(30);
        return operations;
    }

    /** A body the operation would accept from its rightful caller, so that only access can refuse it. */
    String body(String pattern) {
        return switch (pattern) {
            case "/api/v1/licences" -> "{\"planId\": %d, \"name\": \"New\", \"quantity\": 1}".formatted(plan.id());
            case "/api/v1/licences/{id}" -> "{\"name\": \"Changed\", \"quantity\": 2}";
            case "/api/v1/licences/{id}/auto-renew" -> "{\"autoRenew\": true}";
            case "/api/v1/clients" -> "{\"name\": \"New\", \"email\": \"new-%d@example.com\"}".formatted(org.id());
            case "/api/v1/clients/{id}" -> "{\"company\": \"Changed\"}";
            case "/api/v1/plans" -> "{\"name\": \"New\", \"term\": \"P1M\", \"unitPrice\": \"1.00\"}";
            case "/api/v1/plans/{id}" -> "{\"unitPrice\": \"2.00\"}";
            case "/api/v1/invoices/send" -> "{\"licenceIds\": [%d]}".formatted(licenceId);
            case "/api/v1/invoices/{id}/pay" -> "{\"paidOn\": \"%s\"}".formatted(java.time.LocalDate.now(clock));
            case "/api/v1/invoices/{id}/void" -> "{\"reason\": \"Changed\"}";
            case "/api/v1/webhook-endpoints" -> "{\"url\": \"https://203.0.113.10/new\", \"eventTypes\": [\"*\"]}";
            case "/api/v1/webhook-endpoints/{id}" -> "{\"description\": \"Changed\"}";
            case "/api/v1/webhook-endpoints/{id}/roll-secret" -> "{\"keepPrevious\": false}";
            case "/api/v1/portal/redemptions" -> "{\"code\": \"ABCD-EFGH-JKLM\"}";
            case "/api/v1/portal/licences/{id}/screens", "/api/v1/portal/licences/{id}/screens/{screenId}" ->
                "{\"name\": \"Changed\"}";
            default -> null;
        };
    }

    /** What this organisation holds, to prove a refusal changed nothing. */
    List<Object> state() {
        List<Object> state = new ArrayList<>();
        long organisation = org.id();
        state.addAll(jdbc.sql(
                        "select id, coupon_code, plan_id, name, note, quantity, client_id, paused, activated_on, ends_on, billing_status,"
                                + " term_number, auto_renew from licence where organisation_id = ? order by id")
                .param(organisation)
                .query()
                .listOfRows());
        state.addAll(
                jdbc.sql("select id, status, paid_on, void_reason from invoice where organisation_id = ? order by id")
                        .param(organisation)
                        .query()
                        .listOfRows());
        state.addAll(jdbc.sql("select id, name, removed_at from screen where organisation_id = ? order by id")
                .param(organisation)
                .query()
                .listOfRows());
        state.addAll(jdbc.sql("select id, name, term, unit_price_minor from plan where organisation_id = ? order by id")
                .param(organisation)
                .query()
                .listOfRows());
        state.addAll(
                jdbc.sql("select id, name, email, company, enabled from app_user where organisation_id = ? order by id")
                        .param(organisation)
                        .query()
                        .listOfRows());
        state.addAll(jdbc.sql("""
                        select id, url, description, event_types, enabled, signing_secret, previous_secret_until
                        from webhook_endpoint where organisation_id = ? order by id""").param(organisation).query().listOfRows());
        state.add(jdbc.sql("select count(*) from outbound_email")
                .query(Long.class)
                .single());
        return state;
    }

    int status(Operation operation, String token) throws Exception {
        var request = request(operation.method(), operation.path());
        if (token != null) {
            request.with(bearer(token));
        }
        if (operation.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(operation.body());
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    String token(Caller caller) {
        return fixture.token(caller);
    }
}
