package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.StatementCounter;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What checking a bulk pause's or resume's selection costs (a count of SQL statements, not a time): the up to 100
 * ids are checked in one query, where each was looked up on its own (a hundred lookups, each of several statements,
 * before anything was paused).
 */
@IntegrationTest
@Import(StatementCounter.class)
class LicenceBulkApiStatementsIntegrationTests {

    /** The token's checks and the selection's one query, with room to spare; a lookup an id was hundreds. */
    static final int MOST_STATEMENTS = 12;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    StatementCounter counter;

    @Test
    void checksAHundredIdsInOneQueryAndStillNamesTheOnesNotYours() {
        TestOrganisation org = fixture.organisation();
        Plan monthly = fixture.monthlyPlan(org);
        String token = fixture.token(org.manager());
        TestOrganisation other = fixture.organisation();
        long theirs = licences.create(
                        other.manager(),
                        new NewLicence(fixture.monthlyPlan(other).id(), "Theirs", null, 1, null))
                .id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            ids.add(licences.create(org.manager(), new NewLicence(monthly.id(), "Screen " + i, null, 1, null))
                    .id());
        }
        ids.add(3, theirs);
        ids.add(987_654_321L);

        for (String action : List.of("pause", "resume")) {
            var counted = counter.count(() -> bulk(action, token, ids));
            JsonNode problem = counted.result();

            assertThat(problem.get("status").asInt()).as(problem.toString()).isEqualTo(422);
            assertThat(problem.get("errors")
                            .valueStream()
                            .map(error -> error.get("field").asString()))
                    .containsExactly("licenceIds[3]", "licenceIds[99]");
            assertThat(counted.statements())
                    .as("statements of a refused %s of 100 ids:%n%s", action, String.join("\n", counted.sql()))
                    .isLessThanOrEqualTo(MOST_STATEMENTS);
        }
    }

    private JsonNode bulk(String action, String token, List<Long> ids) {
        try {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/licences/" + action)
                            .with(bearer(token))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"licenceIds\": ["
                                    + ids.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                    + "]}"))
                    .andReturn()
                    .getResponse();
            return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }
}
