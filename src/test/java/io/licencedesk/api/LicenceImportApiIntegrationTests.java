package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Licence imports over the REST API: send, follow, read the problems, confirm; and who is refused. */
@IntegrationTest
class LicenceImportApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FILE = "name,plan,screens\nLobby,Monthly,2\nKiosk,Weekly,1\nShop,monthly,3\n";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        fixture.monthlyPlan(org);
        token = fixture.token(org.manager());
    }

    record Answer(int status, JsonNode body, MockHttpServletResponse response) {}

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), response);
    }

    Answer upload(String bearerToken, String file) throws Exception {
        return send(post("/api/v1/licence-imports")
                .param("name", "book.csv")
                .with(bearer(bearerToken))
                .contentType("text/csv")
                .content(file));
    }

    JsonNode settled(long id) throws Exception {
        return settled(id, token);
    }

    JsonNode settled(long id, String token) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String status = send(get("/api/v1/licence-imports/" + id).with(bearer(token)))
                            .body()
                            .get("status")
                            .asString();
                    return !status.equals("checking") && !status.equals("importing");
                });
        return send(get("/api/v1/licence-imports/" + id).with(bearer(token))).body();
    }

    long licences() {
        return jdbc.sql("select count(*) from licence where organisation_id = :id")
                .param("id", org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aFileIsCheckedThenImportedOnConfirmationAndTheSameFileAgainCreatesNothing() throws Exception {
        Answer started = upload(token, FILE);
        assertThat(started.status()).isEqualTo(202);
        long id = started.body().get("id").asLong();
        assertThat(started.response().getHeader("Location")).isEqualTo("http://localhost/api/v1/licence-imports/" + id);

        JsonNode checked = settled(id);
        assertThat(checked.get("status").asString()).isEqualTo("checked");
        assertThat(checked.get("rows").asLong()).isEqualTo(3);
        assertThat(checked.get("toCreate").asLong()).isEqualTo(2);
        assertThat(checked.get("refused").asLong()).isEqualTo(1);
        JsonNode problems = send(get("/api/v1/licence-imports/" + id + "/problems")
                        .with(bearer(token)))
                .body();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asString()).isEqualTo("plan");
        assertThat(problems.get(0).get("reason").asString()).startsWith("No plan is named “Weekly”");
        assertThat(licences()).isZero();

        Answer confirmed =
                send(post("/api/v1/licence-imports/" + id + "/confirm").with(bearer(token)));
        assertThat(confirmed.status()).isEqualTo(202);
        assertThat(confirmed.response().getHeader("Location"))
                .isEqualTo("http://localhost/api/v1/licence-imports/" + id);
        assertThat(settled(id).get("created").asLong()).isEqualTo(2);
        assertThat(licences()).isEqualTo(2);
        assertThat(send(post("/api/v1/licence-imports/" + id + "/confirm").with(bearer(token)))
                        .status())
                .as("confirmed twice")
                .isEqualTo(409);

        long again = upload(token, FILE).body().get("id").asLong();
        JsonNode second = settled(again);
        assertThat(second.get("alreadyImported").asLong()).isEqualTo(2);
        assertThat(second.get("toCreate").asLong()).isZero();
        assertThat(send(post("/api/v1/licence-imports/" + again + "/confirm").with(bearer(token)))
                        .status())
                .isEqualTo(409);
        assertThat(licences()).isEqualTo(2);
    }

    /**
     * A reseller's book of licences as German Excel saves it from their old system: a byte order mark, semicolons,
     * CRLF, their own header names ("Client E-mail", "Licence Reference"), screens as decimals ("10,0"), amounts with a
     * currency sign, days DD.MM.YYYY and an e-mail in capitals. The whole file was refused for its "Client E-mail"
     * column; now each row that means one thing is taken, the one that does not is named with its line, column and what
     * to write, nothing is saved before confirming, and the same file again creates nothing (decision 0177).
     */
    @Test
    void aResellersFileAsGermanExcelSavesItIsCheckedThenImportedOnce() throws Exception {
        String alice = org.alice().email().toUpperCase(java.util.Locale.ROOT);
        String file = "\uFEFFName;Plan;Screens;Client E-mail;Activated;Amount;Reference\r\n"
                + "Lobby;MONTHLY;10,0;" + alice + " ;08.05.2026;\"1 234,50 €\";OLD-1\r\n"
                + "Kiosk;Monthly;2;;;12,00 €;OLD-2\r\n"
                + "Shop;Monthly;2,5;;;25,00 €;OLD-3\r\n"
                + "\r\n";

        long id = upload(token, file).body().get("id").asLong();
        JsonNode checked = settled(id);
        assertThat(checked.get("status").asString()).isEqualTo("checked");
        assertThat(checked.get("toCreate").asLong()).isEqualTo(2);
        assertThat(checked.get("refused").asLong()).isEqualTo(1);
        JsonNode problems = send(get("/api/v1/licence-imports/" + id + "/problems")
                        .with(bearer(token)))
                .body();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("line").asInt()).isEqualTo(4);
        assertThat(problems.get(0).get("column").asString()).isEqualTo("screens");
        assertThat(problems.get(0).get("reason").asString())
                .isEqualTo("“2,5” is not a whole number of screens. Write the number alone, from 1 to 10,000, for"
                        + " example 10.");
        assertThat(licences()).isZero();

        assertThat(send(post("/api/v1/licence-imports/" + id + "/confirm").with(bearer(token)))
                        .status())
                .isEqualTo(202);
        assertThat(settled(id).get("created").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select quantity from licence where organisation_id = :id and name = 'Lobby'")
                        .param("id", org.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(10);

        long again = upload(token, file).body().get("id").asLong();
        assertThat(settled(again).get("alreadyImported").asLong()).isEqualTo(2);
        assertThat(licences()).isEqualTo(2);
    }

    @Test
    void aFileLargerThanTheApisOtherBodiesIsTaken() throws Exception {
        var file = new StringBuilder("name,plan,screens\n");
        for (int i = 1; file.length() <= 200 * 1024; i++) {
            file.append("Screen wall number ").append(i).append(",Monthly,1\n");
        }
        Answer started = upload(token, file.toString());
        assertThat(started.status()).isEqualTo(202);
        JsonNode checked = settled(started.body().get("id").asLong());
        assertThat(checked.get("refused").asLong()).isZero();
        assertThat(checked.get("toCreate").asLong())
                .isEqualTo(checked.get("rows").asLong())
                .isGreaterThan(5_000);
    }

    /**
     * curl's {@code --data-binary @book.csv} without a Content-Type posts the file as a form; the answer told the
     * caller to send application/json, which the import refuses as well. It names the types the import takes.
     */
    @Test
    void aFilePostedAsAFormIsRefusedNamingTheTypesTheImportTakes() throws Exception {
        Answer form = send(post("/api/v1/licence-imports")
                .with(bearer(token))
                .contentType("application/x-www-form-urlencoded")
                .content(FILE));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.body().get("type").asString()).endsWith("/unsupported-media-type");
        assertThat(form.body().get("detail").asString()).contains("text/csv").doesNotContain("application/json");
        assertThat(form.response().getHeader("Accept")).isEqualTo("text/csv, application/octet-stream");
        Answer wildcard = send(post("/api/v1/licence-imports")
                .with(bearer(token))
                .contentType("*/*")
                .content(FILE));
        assertThat(wildcard.status()).isEqualTo(415);
        assertThat(wildcard.body().get("detail").asString()).contains("text/csv");
        assertThat(jdbc.sql("select count(*) from licence_import where organisation_id = :id")
                        .param("id", org.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * A file declared in another charset was read as UTF-8 all the same: windows-1252's "Ã©" (bytes C3 A9) is UTF-8's
     * "é", so the licence would have been imported with another name than the sender's file says. Refused before
     * anything is read, saying the file must be UTF-8; UTF-8 and US-ASCII declared are taken.
     */
    @Test
    void aFileDeclaredInAnotherCharsetThanUtf8IsRefusedAndNothingIsImported() throws Exception {
        String file = "name,plan,screens\nCafÃ© lobby,Monthly,2\n";
        for (String charset : List.of("utf-16", "UTF-16LE", "windows-1252", "iso-8859-1", "\"latin1\"", "x-bogus")) {
            for (String type : List.of("text/csv", "application/octet-stream")) {
                Answer refused = send(post("/api/v1/licence-imports")
                        .param("name", "book.csv")
                        .with(bearer(token))
                        .header("Content-Type", type + ";charset=" + charset)
                        .content(file.getBytes(java.nio.charset.Charset.forName("windows-1252"))));
                assertThat(refused.status()).as(type + ";charset=" + charset).isEqualTo(415);
                assertThat(refused.body().get("type").asString()).endsWith("/unsupported-media-type");
                assertThat(refused.body().get("detail").asString())
                        .as(charset)
                        .contains("must be UTF-8", "CSV UTF-8", "Nothing was imported");
            }
        }
        assertThat(jdbc.sql("select count(*) from licence_import where organisation_id = :id")
                        .param("id", org.id())
                        .query(Long.class)
                        .single())
                .isZero();

        for (String charset : List.of("utf-8", "UTF8", "\"utf-8\"", "us-ascii")) {
            Answer started = send(post("/api/v1/licence-imports")
                    .param("name", "book.csv")
                    .with(bearer(token))
                    .contentType("text/csv;charset=" + charset)
                    .content(FILE.getBytes(StandardCharsets.UTF_8)));
            assertThat(started.status()).as(charset).isEqualTo(202);
            assertThat(settled(started.body().get("id").asLong()).get("status").asString())
                    .as(charset)
                    .isEqualTo("checked");
        }
        assertThat(licences()).isZero();
    }

    /**
     * A file name the import would not keep as sent is a 400 naming {@code name}, and no import is made: one over 255
     * characters was cut, and one with a control character became "licences.csv", each answered 202 as if taken. A
     * name of 255 characters is kept whole.
     */
    @Test
    void aFileNameTheImportWouldNotKeepAsSentIsRefusedAndNothingIsMade() throws Exception {
        for (String name : List.of("n".repeat(256), "book\u0000.csv", "book\n.csv")) {
            Answer refused = send(post("/api/v1/licence-imports")
                    .param("name", name)
                    .with(bearer(token))
                    .contentType("text/csv")
                    .content(FILE));
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.body().get("type").asString()).endsWith("/bad-parameter");
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("name");
            assertThat(refused.body().get("detail").asString())
                    .isEqualTo("The parameter name must be a file name of at most 255 characters, without control"
                            + " characters.");
        }
        assertThat(jdbc.sql("select count(*) from licence_import where organisation_id = :id")
                        .param("id", org.id())
                        .query(Long.class)
                        .single())
                .isZero();
        String longest = "n".repeat(251) + ".csv";
        Answer taken = send(post("/api/v1/licence-imports")
                .param("name", longest)
                .with(bearer(token))
                .contentType("text/csv")
                .content(FILE));
        assertThat(taken.status()).isEqualTo(202);
        assertThat(taken.body().get("fileName").asString()).isEqualTo(longest);
        settled(taken.body().get("id").asLong());
    }

    @Test
    void aFileThatIsNotALicenceCsvEndsRefusedWithTheReason() throws Exception {
        long id = upload(token, "").body().get("id").asLong();
        JsonNode refused = settled(id);
        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.get("problem").asString()).startsWith("The file is empty.");
    }

    /**
     * The imports could be read only one by one, by an id the program had kept: {@code GET /api/v1/licence-imports}
     * answered 405. It is now the organisation's imports, newest first, in numbered pages like the API's other short
     * lists, each item as {@code GET /api/v1/licence-imports/{id}} answers it.
     */
    @Test
    void theListHasTheOrganisationsImportsNewestFirstEachAsItsOwnAddressAnswersIt() throws Exception {
        long first = upload(token, FILE).body().get("id").asLong();
        settled(first);
        long second = upload(token, "").body().get("id").asLong();
        settled(second);
        long third = upload(token, FILE).body().get("id").asLong();
        settled(third);
        TestOrganisation other = fixture.organisation();
        fixture.monthlyPlan(other);
        String otherToken = fixture.token(other.manager());
        long othersImport = upload(otherToken, FILE).body().get("id").asLong();

        Answer all = send(get("/api/v1/licence-imports").with(bearer(token)));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()
                        .get("data")
                        .valueStream()
                        .map(item -> item.get("id").asLong()))
                .containsExactly(third, second, first);
        assertThat(all.body().get("total").asLong()).isEqualTo(3);
        assertThat(all.body().get("page").asInt()).isEqualTo(1);
        assertThat(all.body().get("limit").asInt()).isEqualTo(25);
        assertThat(all.body().get("hasMore").asBoolean()).isFalse();
        for (JsonNode item : all.body().get("data")) {
            assertThat(item)
                    .isEqualTo(
                            send(get("/api/v1/licence-imports/" + item.get("id").asLong())
                                            .with(bearer(token)))
                                    .body());
        }
        assertThat(all.body().get("data").get(1).get("status").asString()).isEqualTo("refused");

        Answer secondPage = send(get("/api/v1/licence-imports?page=2&limit=2").with(bearer(token)));
        assertThat(secondPage
                        .body()
                        .get("data")
                        .valueStream()
                        .map(item -> item.get("id").asLong()))
                .containsExactly(first);
        assertThat(secondPage.body().get("hasMore").asBoolean()).isFalse();
        Answer firstPage = send(get("/api/v1/licence-imports?limit=2").with(bearer(token)));
        assertThat(firstPage
                        .body()
                        .get("data")
                        .valueStream()
                        .map(item -> item.get("id").asLong()))
                .containsExactly(third, second);
        assertThat(firstPage.body().get("hasMore").asBoolean()).isTrue();

        Answer others = send(get("/api/v1/licence-imports").with(bearer(otherToken)));
        assertThat(others.body()
                        .get("data")
                        .valueStream()
                        .map(item -> item.get("id").asLong()))
                .containsExactly(othersImport);
        assertThat(send(get("/api/v1/licence-imports").with(bearer(fixture.readOnlyToken(org.owner()))))
                        .body()
                        .get("total")
                        .asLong())
                .as("a read-only token reads the list")
                .isEqualTo(3);
        settled(othersImport, otherToken);
    }

    @Test
    void theListIsRefusedToAClientAnonymousAndBadPageParameters() throws Exception {
        settled(upload(token, FILE).body().get("id").asLong());
        assertThat(send(get("/api/v1/licence-imports").with(bearer(fixture.token(org.alice()))))
                        .status())
                .isEqualTo(403);
        Answer anonymous = send(get("/api/v1/licence-imports"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("type").asString()).endsWith("/unauthenticated");
        assertThat(send(get("/api/v1/licence-imports").header("Authorization", "Bearer ldk_live_" + "x".repeat(43)))
                        .status())
                .isEqualTo(401);
        for (String[] bad : new String[][] {
            {"page", "0"},
            {"limit", "0"},
            {"limit", "101"},
            {"limit", "ten"},
            {"page", "99999999999"},
            {"status", "checked"}
        }) {
            Answer refused =
                    send(get("/api/v1/licence-imports?" + bad[0] + "=" + bad[1]).with(bearer(token)));
            assertThat(refused.status()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(refused.body().get("type").asString()).endsWith("/bad-parameter");
        }
        Answer pastTheEnd = send(get("/api/v1/licence-imports?page=9").with(bearer(token)));
        assertThat(pastTheEnd.body().get("page").asInt()).isEqualTo(1);
        assertThat(pastTheEnd.body().get("data")).hasSize(1);
    }

    @Test
    void anotherOrganisationAClientAReadOnlyTokenAndAnonymousAreRefused() throws Exception {
        long id = upload(token, FILE).body().get("id").asLong();
        settled(id);
        TestOrganisation other = fixture.organisation();
        String otherToken = fixture.token(other.manager());
        String clientToken = fixture.token(org.alice());
        for (String path :
                new String[] {"/api/v1/licence-imports/" + id, "/api/v1/licence-imports/" + id + "/problems"}) {
            assertThat(send(get(path).with(bearer(otherToken))).status()).isEqualTo(404);
            assertThat(send(get(path).with(bearer(clientToken))).status()).isEqualTo(403);
            assertThat(send(get(path)).status()).isEqualTo(401);
        }
        String confirm = "/api/v1/licence-imports/" + id + "/confirm";
        assertThat(send(post(confirm).with(bearer(otherToken))).status()).isEqualTo(404);
        assertThat(send(post(confirm).with(bearer(clientToken))).status()).isEqualTo(403);
        assertThat(send(post(confirm).with(bearer(fixture.readOnlyToken(org.manager()))))
                        .status())
                .isEqualTo(403);
        assertThat(send(post(confirm)).status()).isEqualTo(401);
        assertThat(upload(clientToken, FILE).status()).isEqualTo(403);
        assertThat(upload(fixture.readOnlyToken(org.manager()), FILE).status()).isEqualTo(403);
        assertThat(licences()).isZero();
        assertThat(send(get("/api/v1/licence-imports/" + id).with(bearer(token)))
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("checked");
    }
}
