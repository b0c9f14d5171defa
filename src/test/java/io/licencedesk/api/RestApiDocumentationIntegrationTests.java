package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.web.ApiProblemWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The served OpenAPI document describes every REST operation, its security, and its problem answers. */
class RestApiDocumentationIntegrationTests extends RestApiSweep {

    @Test
    void describesEveryOperationWithTheTokenScheme() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = JsonMapper.builder().build().readTree(raw);
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("components")
                        .get("securitySchemes")
                        .get("apiToken")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations()) {
            JsonNode path = document.get("paths").get(operation.pattern());
            JsonNode described =
                    path == null ? null : path.get(operation.method().name().toLowerCase(Locale.ROOT));
            if (described == null) {
                missing.add(operation + ": not in the document");
            } else if (described.get("security") == null
                    || !described.get("security").toString().contains("apiToken")) {
                missing.add(operation + ": no apiToken security");
            } else if (described.get("summary") == null && described.get("description") == null) {
                missing.add(operation + ": no summary");
            }
        }
        assertThat(missing).isEmpty();
        assertThat(document.get("components")
                        .get("schemas")
                        .get("Licence")
                        .get("properties")
                        .has("billingStatus"))
                .isTrue();
        assertThat(document.get("components")
                        .get("schemas")
                        .get("Money")
                        .get("properties")
                        .get("amount")
                        .get("type")
                        .toString())
                .contains("string");
    }

    /**
     * The client list's description says the order it answers in: it said "Newest first" while the list came by name,
     * as the console's client list and its CSV do, so a program that took the first item for the newest client got
     * another.
     */
    @Test
    void describesTheOrderOfTheClientListAsItAnswers() throws Exception {
        String owner = token(org.owner());
        var added = mvc.perform(post("/api/v1/clients")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Zoe Added Last %d\", \"email\": \"zoe-%d@example.test\"}"
                                .formatted(org.id(), org.id())))
                .andReturn()
                .getResponse();
        assertThat(added.getStatus()).isEqualTo(201);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/clients").with(bearer(owner)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        page.get("data").forEach(client -> names.add(client.get("name").asString()));
        assertThat(names).containsExactly(org.alice().name(), org.bob().name(), "Zoe Added Last " + org.id());

        JsonNode document = json.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String description = document.get("paths")
                .get("/api/v1/clients")
                .get("get")
                .get("description")
                .asString();
        assertThat(description).startsWith("By name").doesNotContain("Newest first");
    }

    /**
     * The served document's introduction is all an integrator who cannot read our repository has: it names no file
     * of it, and what it says about tokens, problems, limits and headers is what the server does.
     */
    @Test
    void introducesTheApiWithWhatTheServerDoesAndNamesNoRepositoryFile() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).doesNotContainPattern(Pattern.compile("docs/[\\w/-]+\\.md"));
        String introduction = JsonMapper.builder()
                .build()
                .readTree(raw)
                .get("info")
                .get("description")
                .asString();

        assertThat(introduction)
                .contains(
                        "### Tokens",
                        "### Errors",
                        "### Paging",
                        "### Idempotency",
                        "### Rate limits",
                        "### Versions and formats",
                        "### Webhooks",
                        "### Device API")
                .contains("Authorization: Bearer " + ApiTokens.PREFIX)
                .contains(ApiProblemWriter.TYPE_PREFIX)
                .contains(ApiRequestFilters.MAX_REST_BODY_BYTES / 1024 + " KiB")
                .contains(ApiRequestFilters.MAX_BODY_BYTES / 1024 + " KiB")
                .contains("`" + IdempotencyFilter.HEADER + "`", "`" + IdempotencyFilter.REPLAYED + ": true`")
                .contains("1 to " + IdempotencyFilter.MAX_KEY_LENGTH + " printable ASCII")
                .contains("`" + DeviceApiController.SIGNATURE + "`", "`" + DeviceApiController.SIGNATURE_KEY_ID + "`");

        String owner = fixture.token(org.owner());
        var answer = mvc.perform(get("/api/v1/plans").with(bearer(owner)))
                .andReturn()
                .getResponse();
        assertThat(introduction)
                .contains("`" + answer.getHeader("RateLimit-Policy") + "`")
                .contains(answer.getHeader("RateLimit-Limit") + " requests a minute");

        // The example problem is the one the server answers, but for its licence's number.
        String path = "/api/v1/licences/" + licenceId + "/pause";
        mvc.perform(post(path).with(bearer(owner)));
        JsonNode refused = JsonMapper.builder()
                .build()
                .readTree(mvc.perform(post(path).with(bearer(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(introduction)
                .contains("\"type\": \"" + refused.get("type").asString() + "\"")
                .contains("\"title\": \"" + refused.get("title").asString() + "\"")
                .contains("\"status\": " + refused.get("status").asInt())
                .contains("\"detail\": \"" + refused.get("detail").asString() + "\"");
        assertThat(refused.get("instance").asString()).isEqualTo(path);
    }

    /**
     * OpenAPI 3.1 gives an "http" security scheme no "in" (only an "apiKey" scheme has one): with it the served
     * document is not a valid OpenAPI document, and a validator or generator that checks it refuses the whole API.
     */
    @Test
    void describesItsBearerSchemesAsOpenApiAllowsThem() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode schemes =
                JsonMapper.builder().build().readTree(raw).get("components").get("securitySchemes");
        assertThat(schemes.propertyNames()).containsExactlyInAnyOrder("apiToken", "deviceCredential");
        for (String name : schemes.propertyNames()) {
            JsonNode scheme = schemes.get(name);
            assertThat(scheme.get("type").asString()).as(name).isEqualTo("http");
            assertThat(scheme.get("scheme").asString()).as(name).isEqualTo("bearer");
            assertThat(scheme.has("in")).as(name + " names no \"in\"").isFalse();
        }
    }

    /**
     * Each operation's refusals are in the document as problems, so that a client generated from it or a check of
     * its answers knows a 404 or a 422 as an answer of the operation, with the fields every problem has.
     */
    @Test
    void describesTheProblemsEveryOperationMayAnswer() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = JsonMapper.builder().build().readTree(raw);
        List<String> without = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            JsonNode item = document.get("paths").get(path);
            for (String method : item.propertyNames()) {
                JsonNode problem =
                        item.get(method).get("responses").path("default").path("content");
                if (!problem.path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asString("")
                        .equals("#/components/schemas/Problem")) {
                    without.add(method + " " + path);
                }
            }
        }
        assertThat(without).isEmpty();
        JsonNode problem = document.get("components").get("schemas").get("Problem");
        assertThat(problem.get("required").toString()).contains("\"type\"", "\"title\"", "\"status\"", "\"detail\"");
        assertThat(problem.get("properties").propertyNames()).contains("instance", "errors");
    }

    /**
     * Each answer that names where its object is, the 201 of a licence, client or plan created, a coupon code redeemed
     * and a screen registered and the 202s of a licence import, declares its {@code Location} header, as its ETag:
     * the document named none, though docs/api.md promises it and the server sends it.
     */
    @Test
    void declaresTheLocationOfWhatIsCreatedOrAccepted() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode paths = JsonMapper.builder().build().readTree(raw).get("paths");
        List<String> undeclared = new ArrayList<>();
        for (String answer : List.of(
                "/api/v1/licences post 201",
                "/api/v1/clients post 201",
                "/api/v1/plans post 201",
                "/api/v1/portal/redemptions post 201",
                "/api/v1/portal/licences/{id}/screens post 201",
                "/api/v1/licence-imports post 202",
                "/api/v1/licence-imports/{id}/confirm post 202")) {
            String[] parts = answer.split(" ");
            JsonNode location = paths.path(parts[0])
                    .path(parts[1])
                    .path("responses")
                    .path(parts[2])
                    .path("headers")
                    .path("Location");
            if (!location.path("schema").path("format").asString("").equals("uri")) {
                undeclared.add(answer);
            }
        }
        assertThat(undeclared).isEmpty();
    }

    /**
     * The resources write a field without a value as {@code null} (NullableFieldsDocumentation), and their descriptions
     * say so: they said "absent" ("Its client; absent while the licence is unassigned.") where the answer has
     * {@code "client": null}, which an integrator testing for the key's presence reads as always set. The device
     * API's answer, which leaves such fields out, and a problem's {@code errors} keep "absent".
     */
    @Test
    void saysNullOfTheFieldsTheResourcesWriteAsNull() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode schemas = JsonMapper.builder().build().readTree(raw).at("/components/schemas");
        List<String> absent = new ArrayList<>();
        for (String resource : List.of(
                "Licence",
                "LicenceListItem",
                "ClientLicence",
                "Client",
                "Plan",
                "Invoice",
                "HowToPay",
                "Renewal",
                "HistoryEntry",
                "FieldChange",
                "ImportProblem",
                "LicenceImport",
                "Screen")) {
            JsonNode schema = schemas.get(resource);
            assertThat(schema).as(resource).isNotNull();
            if (schema.path("description").asString("").toLowerCase(Locale.ROOT).contains("absent")) {
                absent.add(resource);
            }
            for (String field : schema.path("properties").propertyNames()) {
                String description =
                        schema.at("/properties/" + field + "/description").asString("");
                if (description.toLowerCase(Locale.ROOT).contains("absent")) {
                    absent.add(resource + "." + field + ": " + description);
                }
            }
        }
        assertThat(absent).isEmpty();
        assertThat(schemas.at("/DeviceAnswer/properties/endsOn/description").asString())
                .contains("absent");
    }

    /**
     * A query parameter that takes one of a few words lists them as an enum, as the server reads them (the
     * licence module's sorts and statuses, the invoices' statuses), so that a generated client or Swagger UI offers
     * them instead of free text.
     */
    @Test
    void listsTheWordsAChoiceParameterTakes() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode paths = JsonMapper.builder().build().readTree(raw).get("paths");
        assertThat(choices(paths.at("/~1api~1v1~1licences/get"), "status"))
                .isEqualTo(lowerCase(io.licencedesk.licence.LifecycleStatus.values()));
        assertThat(choices(paths.at("/~1api~1v1~1licences/get"), "sort"))
                .isEqualTo(lowerCase(io.licencedesk.licence.LicenceSort.values()));
        assertThat(choices(paths.at("/~1api~1v1~1licences/get"), "order")).containsExactly("asc", "desc");
        // the invoicing module's one list of statuses and groups, as the API spells them
        List<String> invoiceStatuses = lowerCase(io.licencedesk.invoicing.InvoiceStatusChoice.values());
        assertThat(choices(paths.at("/~1api~1v1~1invoices/get"), "status")).isEqualTo(invoiceStatuses);
    }

    /** A field that takes one of a few words lists them, as the module that sets it has them. */
    @Test
    void listsTheStatusesOfALicenceImport() throws Exception {
        String raw =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> statuses = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(raw)
                .at("/components/schemas/LicenceImport/properties/status/enum")
                .forEach(value -> statuses.add(value.asString()));
        assertThat(statuses).isEqualTo(lowerCase(io.licencedesk.licence.ImportStatus.values()));
    }

    static List<String> choices(JsonNode operation, String parameter) {
        List<String> values = new ArrayList<>();
        for (JsonNode described : operation.get("parameters")) {
            if (described.get("name").asString().equals(parameter)) {
                described.at("/schema/enum").forEach(value -> values.add(value.asString()));
            }
        }
        return values;
    }

    static List<String> lowerCase(Enum<?>[] values) {
        return java.util.Arrays.stream(values)
                .map(value -> value.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
