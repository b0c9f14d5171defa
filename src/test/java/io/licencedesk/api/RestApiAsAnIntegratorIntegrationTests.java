package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an integrator reading docs/api.md and /v3/api-docs expects of the answers: the list's filters as the console
 * has them, the same client in a list as in the licence, enum values in lower case, and the portal's licence in the
 * API's own terms (an ISO term, money as money) with what the portal page shows of it.
 */
@IntegrationTest
class RestApiAsAnIntegratorIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestOrganisation org;
    Plan plan;
    String staff;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        plan = fixture.monthlyPlan(org);
        staff = fixture.token(org.owner());
    }

    JsonNode ok(String token, MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(bearer(token))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isBetween(200, 299);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    long licence(String name, Long clientId) {
        return licences.create(org.manager(), new NewLicence(plan.id(), name, null, 2, clientId))
                .id();
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void filtersTheListByStatusAsTheConsoleDoesAndRefusesAStatusItDoesNotKnow() throws Exception {
        long available = licence("Spare", null);
        long assigned = licence("Lobby", org.alice().userId());
        long paused = licence("Foyer", org.alice().userId());
        ok(staff, post("/api/v1/licences/" + paused + "/pause"));

        assertThat(ids(ok(staff, get("/api/v1/licences?status=available")))).containsExactly(available);
        assertThat(ids(ok(staff, get("/api/v1/licences?status=ASSIGNED")))).containsExactly(assigned);
        assertThat(ids(ok(staff, get("/api/v1/licences?status=paused")))).containsExactly(paused);
        assertThat(ids(ok(staff, get("/api/v1/licences")))).containsExactlyInAnyOrder(available, assigned, paused);

        var refused = mvc.perform(get("/api/v1/licences?status=lost").with(bearer(staff)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("\"field\":\"status\"");
    }

    /** The console's list opened from the dashboard shows the licences in use on a day; the API's list does too. */
    @Test
    void filtersTheListToTheLicencesInUseOnADayAsTheConsoleDoes() throws Exception {
        long assigned = licence("Lobby", org.alice().userId());
        long active = licence("Foyer", org.alice().userId());
        long paused = licence("Hall", org.alice().userId());
        String alice = fixture.token(org.alice());
        ok(alice, post("/api/v1/portal/licences/" + active + "/activate"));
        ok(alice, post("/api/v1/portal/licences/" + paused + "/activate"));
        ok(staff, post("/api/v1/licences/" + paused + "/pause"));
        LocalDate day = LocalDate.parse(
                ok(staff, get("/api/v1/licences/" + active)).get("activatedOn").asString());

        assertThat(ids(ok(staff, get("/api/v1/licences?inUseOn=" + day)))).containsExactly(active);
        assertThat(ids(ok(staff, get("/api/v1/licences?inUseOn=" + day.minusDays(1)))))
                .isEmpty();
        assertThat(ids(ok(staff, get("/api/v1/licences")))).contains(assigned, active, paused);
        var refused = mvc.perform(get("/api/v1/licences?inUseOn=2026-02-30").with(bearer(staff)))
                .andReturn()
                .getResponse();
        JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/bad-parameter");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("inUseOn");
    }

    /** The console's invoices page filters by groups of statuses and by the month of issue or payment; so does the API. */
    @Test
    void filtersInvoicesByTheConsolesGroupsAndMonths() throws Exception {
        long unpaid = licence("Lobby", org.alice().userId());
        long paid = licence("Foyer", org.alice().userId());
        JsonNode sent = ok(
                staff,
                post("/api/v1/invoices/send")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [" + unpaid + ", " + paid + "]}"));
        long unpaidInvoice = sent.at("/issued/0/id").asLong();
        long paidInvoice = sent.at("/issued/1/id").asLong();
        String issuedOn = sent.at("/issued/0/issuedOn").asString();
        ok(
                staff,
                post("/api/v1/invoices/" + paidInvoice + "/pay")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paidOn\": \"" + issuedOn + "\"}"));
        String month = issuedOn.substring(0, 7);

        assertThat(ids(ok(staff, get("/api/v1/invoices?status=unpaid")))).containsExactly(unpaidInvoice);
        assertThat(ids(ok(staff, get("/api/v1/invoices?status=overdue")))).isEmpty();
        assertThat(ids(ok(staff, get("/api/v1/invoices?status=not_void"))))
                .containsExactlyInAnyOrder(unpaidInvoice, paidInvoice);
        assertThat(ids(ok(staff, get("/api/v1/invoices?issuedIn=" + month))))
                .containsExactlyInAnyOrder(unpaidInvoice, paidInvoice);
        assertThat(ids(ok(staff, get("/api/v1/invoices?paidIn=" + month)))).containsExactly(paidInvoice);
        assertThat(ids(ok(staff, get("/api/v1/invoices?issuedIn=1999-01")))).isEmpty();
        for (String bad : List.of("issuedIn=2026-13", "paidIn=december", "status=late")) {
            var refused = mvc.perform(get("/api/v1/invoices?" + bad).with(bearer(staff)))
                    .andReturn()
                    .getResponse();
            JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
            assertThat(refused.getStatus()).as(bad).isEqualTo(400);
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    /**
     * The console's invoices page searches by keyword; so do the API's list, its totals and its export, with the same
     * filter, and never in another organisation's invoices.
     */
    @Test
    void searchesInvoicesByKeywordInTheListTheTotalsAndTheExport() throws Exception {
        long lobby = licence("Lobby north", org.alice().userId());
        long foyer = licence("Foyer", org.bob().userId());
        JsonNode sent = ok(
                staff,
                post("/api/v1/invoices/send")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [" + lobby + ", " + foyer + "]}"));
        long lobbyInvoice = sent.at("/issued/0/id").asLong();
        String lobbyNumber = sent.at("/issued/0/number").asString();
        long foyerInvoice = sent.at("/issued/1/id").asLong();
        var other = fixture.organisation();
        long theirs = licences.create(
                        other.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(other).id(),
                                "Lobby north",
                                null,
                                1,
                                other.alice().userId()))
                .id();
        ok(
                fixture.token(other.owner()),
                post("/api/v1/invoices/send")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [" + theirs + "]}"));

        assertThat(ids(ok(staff, get("/api/v1/invoices").param("q", "LOBBY N"))))
                .containsExactly(lobbyInvoice);
        assertThat(ids(ok(staff, get("/api/v1/invoices").param("q", lobbyNumber.toLowerCase(Locale.ROOT)))))
                .containsExactly(lobbyInvoice);
        assertThat(ids(ok(staff, get("/api/v1/invoices").param("q", "bob ltd"))))
                .containsExactly(foyerInvoice);
        assertThat(ids(ok(staff, get("/api/v1/invoices").param("q", "%")))).isEmpty();
        assertThat(ids(ok(staff, get("/api/v1/invoices").param("q", " ")))).hasSize(2);
        assertThat(ok(staff, get("/api/v1/invoices/totals").param("q", "foyer"))
                        .at("/data/0/invoices")
                        .asLong())
                .isEqualTo(1);
        String csv = mvc.perform(
                        get("/api/v1/invoices/export").param("q", "foyer").with(bearer(staff)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).toList())
                .singleElement()
                .satisfies(row ->
                        assertThat(row).startsWith(sent.at("/issued/1/number").asString() + ","));
    }

    @Test
    void aListNamesTheClientsCompanyAsTheLicenceDoes() throws Exception {
        ok(
                staff,
                patch("/api/v1/clients/" + org.alice().userId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"company\": \"Cinéma Lumière\"}"));
        long id = licence("Lobby", org.alice().userId());

        JsonNode listed = ok(staff, get("/api/v1/licences")).get("data").get(0);
        JsonNode fetched = ok(staff, get("/api/v1/licences/" + id));
        assertThat(listed.get("client").get("company").asString()).isEqualTo("Cinéma Lumière");
        assertThat(listed.get("client")).isEqualTo(fetched.get("client"));
    }

    /**
     * A program follows nextCursor while hasMore is true: the page before the first one is empty and has no
     * nextCursor, so it must not say there is more to follow either.
     */
    @Test
    void neverSaysThereIsMoreWithoutACursorToFollow() throws Exception {
        licence("Older", null);
        long newer = licence("Newer", null);
        JsonNode first = ok(staff, get("/api/v1/licences?limit=1"));
        assertThat(ids(first)).containsExactly(newer);
        assertThat(first.get("hasMore").asBoolean()).isTrue();

        // the first page's nextCursor names its only licence, the newest: nothing comes before it
        JsonNode beforeTheFirst = ok(
                staff,
                get("/api/v1/licences?limit=1&before=" + first.get("nextCursor").asString()));
        assertThat(beforeTheFirst.get("data")).isEmpty();
        assertThat(beforeTheFirst.get("nextCursor").isNull()).isTrue();
        assertThat(beforeTheFirst.get("hasMore").asBoolean()).isFalse();
    }

    /** A change sent without a Content-Type is told what to send, not "Content-Type 'null' is not supported". */
    @Test
    void tellsABodyWithoutAContentTypeWhatToSend() throws Exception {
        long id = licence("Lobby", null);
        var refused = mvc.perform(patch("/api/v1/licences/" + id).with(bearer(staff)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(415);
        JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/unsupported-media-type");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Send the body with Content-Type: application/json (the request had no Content-Type).");
    }

    @Test
    void writesAHistoryEntrysActionInLowerCaseAsEveryEnumValue() throws Exception {
        long id = licence("Lobby", org.alice().userId());
        ok(staff, post("/api/v1/licences/" + id + "/pause"));

        JsonNode history = ok(staff, get("/api/v1/licences/" + id + "/history"));
        List<String> actions = new ArrayList<>();
        history.get("data").forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).containsExactly("paused", "created");
    }

    @Test
    void theLocationOfARegisteredScreenAnswersTheScreenToItsClientOnly() throws Exception {
        long id = licence("Lobby", org.alice().userId());
        String alice = fixture.token(org.alice());
        var registered = mvc.perform(post("/api/v1/portal/licences/" + id + "/screens")
                        .with(bearer(alice))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Entrance\"}"))
                .andReturn()
                .getResponse();
        assertThat(registered.getStatus()).isEqualTo(201);
        String location = registered.getHeader("Location");

        JsonNode screen = ok(alice, get(location));
        assertThat(screen.get("name").asString()).isEqualTo("Entrance");
        assertThat(screen)
                .isEqualTo(JSON.readTree(registered.getContentAsString(StandardCharsets.UTF_8))
                        .get("screen"));
        assertThat(mvc.perform(get(location).with(bearer(fixture.token(org.bob()))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        ok(alice, delete(location));
        assertThat(mvc.perform(get(location).with(bearer(alice)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aRegisteredScreensCredentialIsNeverKeptForAnIdempotentReplay() throws Exception {
        long id = licence("Lobby", org.alice().userId());
        String alice = fixture.token(org.alice());
        MockHttpServletRequestBuilder register = post("/api/v1/portal/licences/" + id + "/screens")
                .header("Idempotency-Key", "register-entrance")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Entrance\"}");

        var first = mvc.perform(register.with(bearer(alice))).andReturn().getResponse();
        var replayed = mvc.perform(register.with(bearer(alice))).andReturn().getResponse();

        String credential = JSON.readTree(first.getContentAsString(StandardCharsets.UTF_8))
                .get("credential")
                .asString();
        assertThat(credential).startsWith("lds_");
        assertThat(replayed.getStatus()).isEqualTo(201);
        assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(replayed.getContentAsString()).doesNotContain(credential);
        assertThat(jdbc.sql("select count(*) from idempotency_key where answer_body is not null"
                                + " and key_text = 'register-entrance'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(ok(alice, get("/api/v1/portal/licences/" + id + "/screens"))).hasSize(1);
    }

    @Test
    void givesAClientsLicenceItsTermInIso8601ItsPriceAndWhetherItRenews() throws Exception {
        long id = licence("Lobby", org.alice().userId());

        JsonNode mine = ok(fixture.token(org.alice()), get("/api/v1/portal/licences/" + id));
        assertThat(mine.get("term").asString()).isEqualTo("P1M");
        assertThat(mine.get("unitPrice").get("amount").asString()).isEqualTo("10.00");
        assertThat(mine.get("price").get("amount").asString()).isEqualTo("20.00");
        assertThat(mine.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(mine.get("renewsAutomatically").asBoolean()).isFalse();
        assertThat(ok(fixture.token(org.alice()), get("/api/v1/portal/licences"))
                        .get("data")
                        .get(0))
                .isEqualTo(mine);
    }

    /**
     * An integrator who checks answers against the served document (a generated client, a schema validator) meets a
     * licence without a client, note or dates, a last page without a cursor and a client without a company: each of
     * those nulls must be one the document allows, not a field typed "string" or an object that cannot be null.
     */
    @Test
    void everyNullOfAnAnswerIsOneTheServedDocumentAllows() throws Exception {
        long available = licence("Spare", null);
        JsonNode schemas = JSON.readTree(mvc.perform(get("/v3/api-docs"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("components")
                .get("schemas");
        List<String> refused = new ArrayList<>();
        nullsRefused(schemas, ref("Licence"), ok(staff, get("/api/v1/licences/" + available)), "Licence", refused);
        nullsRefused(schemas, ref("LicencePage"), ok(staff, get("/api/v1/licences")), "LicencePage", refused);
        nullsRefused(
                schemas,
                ref("HistoryPage"),
                ok(staff, get("/api/v1/licences/" + available + "/history")),
                "HistoryPage",
                refused);
        nullsRefused(schemas, ref("NumberedPageClient"), ok(staff, get("/api/v1/clients")), "Clients", refused);

        assertThat(refused).isEmpty();
    }

    /**
     * An invoice for an Assigned licence bills its first term, which starts when the client activates it: it has no
     * term dates yet ("12 months from activation"), and the API writes termStart and termEnd as null. The document
     * said both were always there (required dates), so a generated client or a validator refused such an invoice in
     * every answer that carries one: the invoice, the send's outcome, the lists, the portal's.
     */
    @Test
    void anInvoiceOfALicenceNotYetActivatedIsOneTheServedDocumentAllows() throws Exception {
        long assigned = licence("Lobby", org.alice().userId());
        JsonNode schemas = JSON.readTree(mvc.perform(get("/v3/api-docs"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("components")
                .get("schemas");
        JsonNode sent = ok(
                staff,
                post("/api/v1/invoices/send")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [" + assigned + "]}"));
        long invoice = sent.at("/issued/0/id").asLong();
        String alice = fixture.token(org.alice());
        List<String> refused = new ArrayList<>();
        nullsRefused(schemas, ref("SendOutcome"), sent, "SendOutcome", refused);
        nullsRefused(schemas, ref("Invoice"), ok(staff, get("/api/v1/invoices/" + invoice)), "Invoice", refused);
        nullsRefused(schemas, ref("InvoicePage"), ok(staff, get("/api/v1/invoices")), "Invoices", refused);
        nullsRefused(
                schemas,
                ref("Invoice"),
                ok(alice, get("/api/v1/portal/invoices/" + invoice)),
                "portal Invoice",
                refused);

        assertThat(sent.at("/issued/0/termStart").isNull()).isTrue();
        assertThat(refused).isEmpty();
        JsonNode termStart = schemas.at("/Invoice/properties/termStart");
        assertThat(termStart.get("description").asString()).contains("activat");
    }

    static JsonNode ref(String schema) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    /** Adds the path of each null of the answer whose schema does not allow null. */
    static void nullsRefused(JsonNode schemas, JsonNode schema, JsonNode value, String at, List<String> refused) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            nullsRefused(schemas, schemas.get(name), value, at, refused);
        } else if (value.isNull()) {
            if (!allowsNull(schema)) {
                refused.add(at);
            }
        } else if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) {
                if (!allowsNull(branch)) {
                    nullsRefused(schemas, branch, value, at, refused);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                nullsRefused(schemas, schema.get("items"), value.get(i), at + "[" + i + "]", refused);
            }
        } else if (value.isObject() && schema.has("properties")) {
            for (String name : value.propertyNames()) {
                JsonNode property = schema.get("properties").get(name);
                if (property != null) {
                    nullsRefused(schemas, property, value.get(name), at + "." + name, refused);
                }
            }
        }
    }

    static boolean allowsNull(JsonNode schema) {
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) {
                if (allowsNull(branch)) {
                    return true;
                }
            }
        }
        JsonNode type = schema.get("type");
        return type != null
                && (type.isArray()
                        ? type.toString().contains("\"null\"")
                        : type.asString().equals("null"));
    }

    /**
     * The document says how many licences a send takes (1 to 20), as the server counts them, and a null among the
     * ids is refused with a sentence, not Bean Validation's "must not be null".
     */
    @Test
    void sendingInvoicesSaysHowManyLicencesItTakesAndRefusesANullIdInWords() throws Exception {
        JsonNode ids = JSON.readTree(mvc.perform(get("/v3/api-docs"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .at("/components/schemas/SendInvoices/properties/licenceIds");
        assertThat(ids.get("minItems").asInt()).isEqualTo(1);
        assertThat(ids.get("maxItems").asInt()).isEqualTo(20);

        var response = mvc.perform(post("/api/v1/invoices/send")
                        .with(bearer(staff))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"licenceIds\": [null]}"))
                .andReturn()
                .getResponse();
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("licenceIds[0]");
        assertThat(problem.at("/errors/0/detail").asString()).isEqualTo("Name each licence by its id; null is none.");
    }

    /**
     * The limits the document gives a licence's and a screen's fields are the ones the server keeps: a value at the
     * limit is taken and one past it refused, so that a client checking its input against the document agrees.
     */
    @Test
    void theDocumentsLimitsOfALicenceAndAScreenAreTheServers() throws Exception {
        JsonNode schemas = JSON.readTree(mvc.perform(get("/v3/api-docs"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("components")
                .get("schemas");
        for (String schema : List.of("CreateLicence", "LicenceChanges")) {
            assertThat(schemas.at("/" + schema + "/properties/quantity/minimum").asInt())
                    .isEqualTo(1);
            assertThat(schemas.at("/" + schema + "/properties/quantity/maximum").asInt())
                    .isEqualTo(10_000);
            assertThat(schemas.at("/" + schema + "/properties/name/maxLength").asInt())
                    .isEqualTo(200);
            assertThat(schemas.at("/" + schema + "/properties/note/maxLength").asInt())
                    .isEqualTo(2000);
        }
        assertThat(schemas.at("/ScreenName/properties/name/maxLength").asInt()).isEqualTo(100);

        assertThat(createLicence("x".repeat(200), "n".repeat(2000), 10_000)).isEqualTo(201);
        assertThat(createLicence("x".repeat(201), null, 1)).isEqualTo(422);
        assertThat(createLicence("Lobby", "n".repeat(2001), 1)).isEqualTo(422);
        assertThat(createLicence("Lobby", null, 10_001)).isEqualTo(422);
        assertThat(createLicence("Lobby", null, 0)).isEqualTo(422);
        long id = licence("Screens", org.alice().userId());
        String alice = fixture.token(org.alice());
        ok(alice, post("/api/v1/portal/licences/" + id + "/activate"));
        assertThat(registerScreen(alice, id, "s".repeat(101))).isEqualTo(422);
        assertThat(registerScreen(alice, id, "s".repeat(100))).isEqualTo(201);
    }

    int createLicence(String name, String note, int quantity) throws Exception {
        var body = JSON.createObjectNode()
                .put("planId", plan.id())
                .put("name", name)
                .put("note", note)
                .put("quantity", quantity);
        return mvc.perform(post("/api/v1/licences")
                        .with(bearer(staff))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.toString()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    int registerScreen(String token, long licence, String name) throws Exception {
        return mvc.perform(post("/api/v1/portal/licences/" + licence + "/screens")
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.createObjectNode().put("name", name).toString()))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
