package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.api.ConditionalRequestsIntegrationTests.Answer;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * If-None-Match and If-Match as RFC 9110 13.1 has them (decision 0153), on every read that takes If-None-Match: a
 * licence, a client, a plan, an invoice, a licence import and a client's licence in the portal. {@code *} names any
 * current representation: a GET or HEAD of an object that exists is a 304 (it was a 200 with the body), one that does
 * not is still the 404; a list of tags is a 304 when one of them is current; If-None-Match compares weakly, so
 * {@code W/"tag"} is a 304 too; a tag that is not current is the 200. On a change, {@code If-Match: *} is true when the
 * object exists, and an object that does not is the 404.
 */
@IntegrationTest
class IfNoneMatchAndIfMatchAnyVersionIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    Plan plan;
    String owner;
    String alice;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        owner = fixture.token(org.owner());
        alice = fixture.token(org.alice());
    }

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    long licenceOfAlice() {
        return licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Foyer", null, 1, org.alice().userId()))
                .id();
    }

    long invoice() throws Exception {
        Answer sent = send(post("/api/v1/invoices/send")
                .with(bearer(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"licenceIds\": [" + licenceOfAlice() + "]}"));
        assertThat(sent.status()).isEqualTo(200);
        return sent.body().get("issued").get(0).get("id").asLong();
    }

    String checkedImport() throws Exception {
        Answer started = send(post("/api/v1/licence-imports")
                .param("name", "book.csv")
                .with(bearer(owner))
                .contentType("text/csv")
                .content("name,plan,screens\nLobby,Monthly,2\n"));
        assertThat(started.status()).isEqualTo(202);
        String address = "/api/v1/licence-imports/" + started.body().get("id").asLong();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> send(get(address).with(bearer(owner)))
                        .body()
                        .get("status")
                        .asString()
                        .equals("checked"));
        return address;
    }

    /** Each read that takes If-None-Match, by its address, with the token that may read it. */
    Map<String, String> reads() throws Exception {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("/api/v1/licences/" + licenceOfAlice(), owner);
        reads.put("/api/v1/clients/" + org.alice().userId(), owner);
        reads.put("/api/v1/plans/" + plan.id(), owner);
        reads.put("/api/v1/invoices/" + invoice(), owner);
        reads.put(checkedImport(), owner);
        reads.put("/api/v1/portal/licences/" + licenceOfAlice(), alice);
        return reads;
    }

    Answer read(String address, String token, String ifNoneMatch) throws Exception {
        return send(get(address).with(bearer(token)).header("If-None-Match", ifNoneMatch));
    }

    @Test
    void aStarIsA304ForEveryObjectThatExistsAndTheUnknownIdIsStillA404() throws Exception {
        for (Map.Entry<String, String> read : reads().entrySet()) {
            String address = read.getKey();
            String token = read.getValue();
            String tag = send(get(address).with(bearer(token))).etag();

            Answer any = read(address, token, "*");
            assertThat(any.status()).as(address).isEqualTo(304);
            assertThat(any.body()).as(address).isNull();
            assertThat(any.etag()).as(address).isEqualTo(tag);
            Answer anyByHead = send(head(address).with(bearer(token)).header("If-None-Match", "*"));
            assertThat(anyByHead.status()).as(address).isEqualTo(304);

            String unknown = address.substring(0, address.lastIndexOf('/') + 1) + "987654321";
            Answer none = read(unknown, token, "*");
            assertThat(none.status()).as(unknown).isEqualTo(404);
            assertThat(none.body().get("type").asString()).endsWith("/not-found");
        }
    }

    @Test
    void aListIsA304WhenOneOfItsTagsIsCurrentComparedWeaklyAndA200WhenNone() throws Exception {
        for (Map.Entry<String, String> read : reads().entrySet()) {
            String address = read.getKey();
            String token = read.getValue();
            String tag = send(get(address).with(bearer(token))).etag();

            assertThat(read(address, token, "\"a\", " + tag).status())
                    .as(address)
                    .isEqualTo(304);
            assertThat(read(address, token, tag + ",\"b\"").status())
                    .as(address)
                    .isEqualTo(304);
            assertThat(read(address, token, "W/" + tag).status()).as(address).isEqualTo(304);
            assertThat(read(address, token, "\"a\", W/" + tag).status())
                    .as(address)
                    .isEqualTo(304);
            Answer other = read(address, token, "\"a\", W/\"b\"");
            assertThat(other.status()).as(address).isEqualTo(200);
            assertThat(other.body()).as(address).isNotNull();
            assertThat(other.etag()).as(address).isEqualTo(tag);
        }
    }

    @Test
    void aStarInIfMatchIsTrueWhenTheObjectExistsAndTheUnknownIdIsA404() throws Exception {
        long licence = licenceOfAlice();
        String address = "/api/v1/licences/" + licence;
        Answer renamed = send(patch(address)
                .with(bearer(owner))
                .header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Renamed\"}"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).isEqualTo("Renamed");
        Answer client = send(patch("/api/v1/clients/" + org.alice().userId())
                .with(bearer(owner))
                .header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"company\": \"Cinéma Star\"}"));
        assertThat(client.status()).isEqualTo(200);

        assertThat(send(patch("/api/v1/licences/987654321")
                                .with(bearer(owner))
                                .header("If-Match", "*")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Nobody\"}"))
                        .status())
                .isEqualTo(404);
        assertThat(send(delete("/api/v1/licences/987654321").with(bearer(owner)).header("If-Match", "*"))
                        .status())
                .isEqualTo(404);
        assertThat(send(delete(address).with(bearer(owner)).header("If-Match", "*"))
                        .status())
                .isEqualTo(204);
        assertThat(send(delete(address).with(bearer(owner)).header("If-Match", "*"))
                        .status())
                .isEqualTo(404);
    }
}
