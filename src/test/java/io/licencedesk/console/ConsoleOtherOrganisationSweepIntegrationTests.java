package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceImports;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every address of the console that names an object, found from the controllers rather than listed by hand, asked by
 * another organisation's owner with this organisation's object: each is a 404, as for an object that does not exist
 * (never a 403, which would confirm it exists), and nothing of the organisation changes. A new address whose object
 * this sweep cannot name fails it, so that it is added here.
 */
@IntegrationTest
class ConsoleOtherOrganisationSweepIntegrationTests {

    private static final long NO_SUCH_ID = 987_654_321L;

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
    InvoiceManagement invoicing;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Webhooks webhooks;

    @Autowired
    LicenceImports imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAddressOfAnObjectIsA404ForAnotherOrganisationAndChangesNothing() throws Exception {
        TestOrganisation org = fixture.organisation();
        TestOrganisation other = fixture.organisation();
        Plan plan = fixture.monthlyPlan(org);
        long licenceId = licences.create(
                        org.manager(),
                        new NewLicence(
                                plan.id(), "Secret lobby", null, 3, org.alice().userId()))
                .id();
        long invoiceId = invoicing
                .send(org.manager(), List.of(licenceId))
                .issued()
                .get(0)
                .id();
        long endpointId = webhooks.register(
                        org.owner(), new NewEndpoint("https://203.0.113.7/hooks", "Ours", true, Set.of()))
                .endpoint()
                .id();
        Map<String, Long> objects = Map.of(
                "/licences/imports/{id}",
                imports.start(
                                org.manager(),
                                "ours.csv",
                                new ByteArrayInputStream(
                                        "name,plan,screens\nOne,Monthly,1\n".getBytes(StandardCharsets.UTF_8)))
                        .id(),
                "/licences/{id}",
                licenceId,
                "/clients/{id}",
                org.alice().userId(),
                "/plans/{id}",
                plan.id(),
                "/invoices/{id}",
                invoiceId,
                "/outbox/{id}",
                jdbc.sql("select max(id) from outbound_email where organisation_id = :org")
                        .param("org", org.id())
                        .query(Long.class)
                        .single(),
                "/api-tokens/{id}",
                tokens.issue(org.owner(), new NewApiToken("Ours", ApiAccess.READ_WRITE, null))
                        .token()
                        .id(),
                "/people/{id}",
                org.manager().userId(),
                "/settings/webhooks/{id}",
                endpointId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !imports.find(org.manager(), objects.get("/licences/imports/{id}"))
                        .status()
                        .running());
        List<Object> before = state(org);
        var stranger = fixture.signedIn(other.owner().email());
        Map<String, String> answers = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();

        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().equals("io.licencedesk.console")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.contains("{")) {
                    continue;
                }
                Long id = objects.entrySet().stream()
                        .filter(object -> pattern.startsWith(object.getKey()))
                        .findFirst()
                        .map(Map.Entry::getValue)
                        .orElse(null);
                if (id == null) {
                    unnamed.add(pattern);
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    String ours = answer(method.name(), pattern, id, stranger);
                    String none = answer(method.name(), pattern, NO_SUCH_ID, stranger);
                    answers.put(method + " " + pattern, ours.equals(none) ? ours : ours + " where none is " + none);
                }
            }
        }

        assertThat(unnamed).as("addresses whose object this sweep cannot name").isEmpty();
        assertThat(answers).hasSizeGreaterThan(20);
        // the same answer as for an object that does not exist: a 404, or a refusal of the form before any lookup
        assertThat(answers)
                .allSatisfy((operation, answer) ->
                        assertThat(answer).as(operation).matches("404|302 to /[a-z/-]*(\\{id})?"));
        assertThat(state(org)).isEqualTo(before);
    }

    /** Status, and where a redirect leads with the id in the address written {id}, so that two ids compare. */
    private String answer(String method, String pattern, long id, RequestPostProcessor who) throws Exception {
        String path = pattern.replace("{id}", Long.toString(id)).replace("{deliveryId}", Long.toString(NO_SUCH_ID));
        var response = mvc.perform(request(HttpMethod.valueOf(method), path)
                        .param("autoRenew", "yes")
                        .param("role", "MANAGER")
                        .with(who)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        String location = response.getRedirectedUrl();
        return location == null
                ? Integer.toString(response.getStatus())
                : response.getStatus() + " to " + location.replace(Long.toString(id), "{id}");
    }

    /** What a stranger's request could have changed. */
    private List<Object> state(TestOrganisation org) {
        List<Object> state = new ArrayList<>();
        for (String table : List.of("licence", "invoice", "plan", "webhook_endpoint", "licence_import", "api_token")) {
            state.add(jdbc.sql("select * from " + table + " where organisation_id = :org order by id")
                    .param("org", org.id())
                    .query()
                    .listOfRows()
                    .toString());
        }
        // the mail dispatcher works on the invoice's e-mail meanwhile: which e-mails exist is what a stranger could
        // change
        state.add(jdbc.sql("select id from outbound_email where organisation_id = :org order by id")
                .param("org", org.id())
                .query(Long.class)
                .list());
        state.add(jdbc.sql("select * from app_user where organisation_id = :org order by id")
                .param("org", org.id())
                .query()
                .listOfRows()
                .toString());
        return state;
    }
}
