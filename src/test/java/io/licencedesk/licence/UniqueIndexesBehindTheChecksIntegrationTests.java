package io.licencedesk.licence;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A unique index that refuses what the check before it let through (a writer that raced past the check, or a row the
 * check does not read) is answered as the check answers: the 409 problem naming the field on the API, the field's
 * error on the console's form, and nothing changed (decision 0153). It was a 500. The clashing row is written between
 * the check and the write: a plan by another transaction while the rename's check runs (the plan's lock covers only
 * the plan renamed), and a screen's name key by SQL as a writer that forgot the rule would leave it (V38's index on
 * {@code (licence_id, name_key)}, decision 0151).
 */
@IntegrationTest
class UniqueIndexesBehindTheChecksIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @MockitoSpyBean
    PlanRepository planRepository;

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    TestOrganisation org;
    Plan plan;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
    }

    /** While the rename's check runs, another transaction adds and commits a plan of that name. */
    void anotherPlanTakesTheNameDuringTheCheck(String name) {
        TransactionTemplate another = new TransactionTemplate(transactions);
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        doAnswer(check -> {
                    boolean taken = (boolean) check.callRealMethod();
                    another.executeWithoutResult(status ->
                            planRepository.insert(org.id(), name, Period.ofYears(1), 9900, true, clock.instant()));
                    return taken;
                })
                .when(planRepository)
                .nameTaken(anyLong(), eq(name), any());
    }

    String planName() {
        return jdbc.sql("select name from plan where id = ?")
                .param(plan.id())
                .query(String.class)
                .single();
    }

    static void assertConflictNaming(MockHttpServletResponse answer, String field, String detail) throws Exception {
        String raw = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).as(raw).isEqualTo(409);
        JsonNode problem = JSON.readTree(raw);
        assertThat(problem.get("type").asString()).endsWith("/conflict");
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("detail").asString()).isEqualTo(detail);
    }

    @Test
    void aPlanRenamedToANameTakenPastTheCheckIsThe409NamingTheNameOnTheApi() throws Exception {
        anotherPlanTakesTheNameDuringTheCheck("Gold");

        MockHttpServletResponse answer = mvc.perform(patch("/api/v1/plans/" + plan.id())
                        .with(bearer(fixture.token(org.owner())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Gold\"}"))
                .andReturn()
                .getResponse();

        assertConflictNaming(answer, "name", "A plan with this name already exists.");
        assertThat(planName()).isNotEqualTo("Gold");
    }

    @Test
    void aPlanRenamedToANameTakenPastTheCheckIsTheNamesErrorOnTheForm() throws Exception {
        anotherPlanTakesTheNameDuringTheCheck("Silver");

        MockHttpServletResponse answer = mvc.perform(post("/plans/" + plan.id())
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf())
                        .param("name", "Silver")
                        .param("term", "P1M")
                        .param("unitPrice", "10.00")
                        .param("autoRenew", "true"))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("A plan with this name already exists.");
        assertThat(planName()).isNotEqualTo("Silver");
    }

    /** A screen name key the check does not read (a removed screen's, which V38 sets to null) held by the index. */
    void nameKeyHeldPastTheCheck(long licenceId, String name) {
        jdbc.sql("""
                        insert into screen (organisation_id, licence_id, name, name_key, removed_at, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(org.id(), licenceId, name, name.toLowerCase(), now(), now())
                .update();
    }

    /** The application's time as both databases take it for a time with zone. */
    OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    MockHttpServletResponse asAlice(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(bearer(fixture.token(org.alice())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
    }

    @Test
    void aScreenRegisteredOrRenamedToANameTheIndexHoldsIsThe409NamingTheNameAndNothingChanges() throws Exception {
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Wall", null, 3, org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), licence);
        long lobby = screens.register(org.alice(), licence, "Lobby").screen().id();
        nameKeyHeldPastTheCheck(licence, "Hall");
        String address = "/api/v1/portal/licences/" + licence + "/screens";

        assertConflictNaming(
                asAlice(post(address), "{\"name\": \"Hall\"}"),
                "name",
                "Another screen of this licence is already called “Hall”.");
        assertConflictNaming(
                asAlice(patch(address + "/" + lobby), "{\"name\": \"Hall\"}"),
                "name",
                "Another screen of this licence is already called “Hall”.");

        assertThat(jdbc.sql("select name from screen where licence_id = ? and removed_at is null")
                        .param(licence)
                        .query(String.class)
                        .list())
                .containsExactly("Lobby");
    }
}
