package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's bulk pause and resume over the REST API: each licence on its own, the answer saying what happened to
 * each, and a body naming a licence that is not the caller's refused whole.
 */
@IntegrationTest
class LicenceBulkApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan monthly;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
        token = fixture.token(org.manager());
    }

    record Answer(int status, JsonNode body) {}

    Answer bulk(String action, String bearerToken, String body) throws Exception {
        var request = post("/api/v1/licences/" + action)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (bearerToken != null) {
            request.with(bearer(bearerToken));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw));
    }

    long licence(TestOrganisation in, Plan plan, String name, Long clientId) {
        return licences.create(in.manager(), new NewLicence(plan.id(), name, null, 1, clientId))
                .id();
    }

    String code(long id) {
        return jdbc.sql("select coupon_code from licence where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    boolean paused(long id) {
        return jdbc.sql("select paused from licence where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    static String ids(long... ids) {
        var list = new StringBuilder();
        for (long id : ids) {
            list.append(list.isEmpty() ? "" : ", ").append(id);
        }
        return "{\"licenceIds\": [" + list + "]}";
    }

    @Test
    void aBulkPauseWithMixedResultsSaysWhatHappenedToEachAndResumeUndoesIt() throws Exception {
        long available = licence(org, monthly, "Lobby", null);
        long alreadyPaused = licence(org, monthly, "Hall", null);
        licences.pause(org.manager(), alreadyPaused);
        long expired = licence(org, monthly, "Old", org.alice().userId());
        jdbc.sql("update licence set activated_on = date '2024-01-01', ends_on = date '2024-02-01' where id = :id")
                .param("id", expired)
                .update();

        Answer paused = bulk("pause", token, ids(available, alreadyPaused, expired));

        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.body().get("done").valueStream().map(JsonNode::asString))
                .containsExactly(code(available));
        assertThat(paused.body().get("refused").get("paused").valueStream().map(JsonNode::asString))
                .containsExactly(code(alreadyPaused));
        assertThat(paused.body().get("refused").get("expired").valueStream().map(JsonNode::asString))
                .containsExactly(code(expired));
        assertThat(paused.body().get("deletedMeanwhile").asInt()).isZero();
        assertThat(paused(available))
                .as("the one refusal did not undo the others")
                .isTrue();
        assertThat(paused(expired)).isFalse();

        Answer resumed = bulk("resume", token, ids(available, alreadyPaused, expired));

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body().get("done").valueStream().map(JsonNode::asString))
                .containsExactly(code(available), code(alreadyPaused));
        assertThat(resumed.body().get("refused").get("expired").valueStream().map(JsonNode::asString))
                .containsExactly(code(expired));
        assertThat(paused(available)).isFalse();
        assertThat(paused(alreadyPaused)).isFalse();
    }

    /**
     * A licence named twice was paused by its first turn and refused by its second, so the answer listed it both done
     * and refused as already paused; it is changed once, and listed once, as sending invoices counts it once.
     */
    @Test
    void aLicenceNamedTwiceIsChangedOnceAndListedOnce() throws Exception {
        long lobby = licence(org, monthly, "Lobby", null);

        Answer paused = bulk("pause", token, ids(lobby, lobby));

        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.body().get("done").valueStream().map(JsonNode::asString))
                .containsExactly(code(lobby));
        assertThat(paused.body().get("refused").size())
                .as(paused.body().toString())
                .isZero();
        assertThat(paused(lobby)).isTrue();
    }

    @Test
    void anotherOrganisationsLicenceIsNamedAndNothingIsPaused() throws Exception {
        TestOrganisation other = fixture.organisation();
        long theirs = licence(other, fixture.monthlyPlan(other), "Theirs", null);
        long ours = licence(org, monthly, "Ours", null);

        Answer refused = bulk("pause", token, ids(ours, theirs, 987_654_321L));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString()))
                .containsExactly("licenceIds[1]", "licenceIds[2]");
        assertThat(refused.body().toString())
                .as("another organisation's licence and nobody's are refused in the same words")
                .contains("is not one of your licences");
        assertThat(paused(ours)).isFalse();
        assertThat(paused(theirs)).isFalse();
    }

    @Test
    void aClientsTokenAndAnonymousAreRefusedAndNothingIsPaused() throws Exception {
        long ours = licence(org, monthly, "Ours", org.alice().userId());

        assertThat(bulk("pause", fixture.token(org.alice()), ids(ours)).status())
                .isEqualTo(403);
        assertThat(bulk("pause", null, ids(ours)).status()).isEqualTo(401);
        assertThat(bulk("resume", null, ids(ours)).status()).isEqualTo(401);
        assertThat(paused(ours)).isFalse();
    }

    @Test
    void anEmptyOrTooLongSelectionIsRefusedNamingTheField() throws Exception {
        assertThat(bulk("pause", token, "{\"licenceIds\": []}").status()).isEqualTo(422);
        long[] many = new long[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = i + 1;
        }
        Answer tooMany = bulk("pause", token, ids(many));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().get("errors").get(0).get("field").asString()).isEqualTo("licenceIds");
        assertThat(bulk("resume", token, "{}").status()).isEqualTo(422);
        assertThat(List.of(bulk("pause", token, "{\"licenceIds\": [null]}").status()))
                .containsExactly(422);
    }
}
