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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation of the REST API, found from the controllers rather than listed by hand, is refused to whoever may
 * not use it, and the refusal changes nothing: no token, a made-up, revoked or expired token (401), a read-only
 * token for a write (403), a token of the wrong role (403), and another organisation's or another client's token
 * on this organisation's objects (404, never a 403 that would confirm they exist).
 */
@IntegrationTest
@AutoConfigureMockMvc
class RestApiAccessIntegrationTests {

    private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

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

    TestOrganisation org;
    Plan plan;
    long licenceId;
    long screenId;
    long invoiceId;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        licenceId = licences.create(org.manager(), new NewLicence(plan.id(), "Lobby", null, 3, org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), licenceId);
        screenId = screens.register(org.alice(), licenceId, "Left").screen().id();
        invoiceId = invoicing.send(org.manager(), List.of(licenceId)).issued().get(0).id();
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
                            .replace("{id}", Long.toString(licenceId));
                    operations.add(new Operation(
                            HttpMethod.valueOf(method.name()),
                            pattern,
                            path,
                            body(pattern),
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
            case "/api/v1/clients" -> "{\"name\": \"New\", \"email\": \"new-%d@example.com\"}".formatted(org.id());
            case "/api/v1/clients/{id}" -> "{\"company\": \"Changed\"}";
            case "/api/v1/plans" -> "{\"name\": \"New\", \"term\": \"P1M\", \"unitPrice\": \"1.00\"}";
            case "/api/v1/plans/{id}" -> "{\"unitPrice\": \"2.00\"}";
            case "/api/v1/invoices/send" -> "{\"licenceIds\": [%d]}".formatted(licenceId);
            case "/api/v1/invoices/{id}/pay" -> "{\"paidOn\": \"%s\"}".formatted(java.time.LocalDate.now());
            case "/api/v1/invoices/{id}/void" -> "{\"reason\": \"Changed\"}";
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
        state.addAll(jdbc.sql("select id, name, note, quantity, client_id, paused, activated_on, ends_on, billing_status"
                        + " from licence where organisation_id = ? order by id")
                .param(organisation)
                .query()
                .listOfRows());
        state.addAll(jdbc.sql("select id, status, paid_on, void_reason from invoice where organisation_id = ? order by id")
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
        state.addAll(jdbc.sql("select id, name, email, company, enabled from app_user where organisation_id = ? order by id")
                .param(organisation)
                .query()
                .listOfRows());
        state.add(jdbc.sql("select count(*) from outbound_email").query(Long.class).single());
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

    @Test
    void refusesWhoeverMayNotUseAnOperationAndChangesNothing() throws Exception {
        TestOrganisation other = fixture.organisation();
        String otherOwner = token(other.owner());
        String otherClient = token(other.alice());
        String bob = token(org.bob());
        String readOnlyOwner = fixture.readOnlyToken(org.owner());
        String readOnlyClient = fixture.readOnlyToken(org.alice());
        String revoked = token(org.owner());
        jdbc.sql("update api_token set revoked_at = current_timestamp where prefix = ? and user_id = ?")
                .param(revoked.substring(0, 15))
                .param(org.owner().userId())
                .update();
        String expired = token(org.owner());
        jdbc.sql("update api_token set expires_at = timestamp '2020-01-01 00:00:00' where prefix = ? and user_id = ?")
                .param(expired.substring(0, 15))
                .param(org.owner().userId())
                .update();
        String owner = token(org.owner());
        String client = token(org.alice());
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();

        for (Operation operation : operations()) {
            expect(wrong, operation, "no token", status(operation, null), 401);
            expect(wrong, operation, "a made-up token", status(operation, "ldk_live_" + "x".repeat(43)), 401);
            expect(wrong, operation, "a revoked token", status(operation, revoked), 401);
            expect(wrong, operation, "an expired token", status(operation, expired), 401);
            if (operation.portal()) {
                expect(wrong, operation, "a staff token", status(operation, owner), 403);
                if (operation.write()) {
                    expect(wrong, operation, "a read-only token", status(operation, readOnlyClient), 403);
                }
                if (operation.onAnObject()) {
                    expect(wrong, operation, "another client's token", status(operation, bob), 404);
                    expect(wrong, operation, "another organisation's client", status(operation, otherClient), 404);
                }
            } else {
                expect(wrong, operation, "a client's token", status(operation, client), 403);
                if (operation.write()) {
                    expect(wrong, operation, "a read-only token", status(operation, readOnlyOwner), 403);
                }
                if (operation.onAnObject()) {
                    expect(wrong, operation, "another organisation's owner", status(operation, otherOwner), 404);
                } else if (operation.pattern().equals("/api/v1/invoices/send")) {
                    int status = status(operation, otherOwner);
                    if (status < 400 || status >= 500) {
                        wrong.add(operation + " by another organisation's owner: " + status);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    private static void expect(List<String> wrong, Operation operation, String who, int status, int expected) {
        if (status != expected) {
            wrong.add(operation + " with " + who + ": " + status + " (expected " + expected + ")");
        }
    }
}
