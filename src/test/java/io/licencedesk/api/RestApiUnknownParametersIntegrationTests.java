package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query parameter an operation does not take is refused with a 400 {@code bad-parameter} naming it and the ones
 * the operation takes, which are exactly those its OpenAPI description lists; every GET operation of the document is
 * tried (staff, portal and device). The pages are left alone: browsers and htmx add parameters of their own.
 */
class RestApiUnknownParametersIntegrationTests extends RestApiSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void refusesAnUnknownParameterOnEveryGetOperationNamingTheDocumentedOnes() throws Exception {
        JsonNode document = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String owner = token(org.owner());
        String client = token(org.alice());
        String credential = screens.register(org.alice(), licenceId, "Right").credential();
        String keyId = answer(get("/api/v1/device/key").with(bearer(credential)))
                .get("keyId")
                .asString();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (var path : document.get("paths").properties()) {
            JsonNode operation = path.getValue().get("get");
            if (operation == null) {
                continue;
            }
            tried++;
            List<String> documented = new ArrayList<>();
            if (operation.has("parameters")) {
                for (JsonNode parameter : operation.get("parameters")) {
                    if (parameter.get("in").asString().equals("query")) {
                        documented.add(parameter.get("name").asString());
                    }
                }
            }
            String address = filledIn(path.getKey(), keyId) + "?state=paused";
            String token = path.getKey().startsWith("/api/v1/device/")
                    ? credential
                    : path.getKey().startsWith("/api/v1/portal/") ? client : owner;
            MockHttpServletResponse response = mvc.perform(
                            get(URI.create(address)).with(bearer(token)))
                    .andReturn()
                    .getResponse();
            String expected = documented.isEmpty()
                    ? "The parameter state is not one this operation takes: it takes no query parameters."
                    : "The parameter state is not one this operation takes: use " + String.join(", ", documented) + ".";
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() != 400
                    || !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
                wrong.add(address + ": " + response.getStatus() + " " + body);
                continue;
            }
            JsonNode problem = JSON.readTree(body);
            if (!problem.get("type").asString().equals("https://licencedesk.io/problems/bad-parameter")
                    || !problem.get("detail").asString().equals(expected)
                    || !problem.get("errors").get(0).get("field").asString().equals("state")) {
                wrong.add(address + ": " + body + " (expected the detail: " + expected + ")");
            }
        }
        assertThat(tried).isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    /**
     * Every yes/no query parameter of the OpenAPI document takes exactly true or false (in any case), as its 400 says;
     * not Spring's yes, on, 1, no, off or 0.
     */
    @Test
    void takesOnlyTrueOrFalseForEveryYesNoParameter() throws Exception {
        JsonNode document = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String owner = token(org.owner());
        String client = token(org.alice());
        List<String> wrong = new ArrayList<>();
        int yesNo = 0;
        int tried = 0;
        for (var path : document.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (!method.getValue().has("parameters")) {
                    continue;
                }
                for (JsonNode parameter : method.getValue().get("parameters")) {
                    if (!parameter.get("in").asString().equals("query")
                            || !parameter.get("schema").path("type").asString().equals("boolean")) {
                        continue;
                    }
                    yesNo++;
                    if (!method.getKey().equals("get")) {
                        wrong.add(method.getKey() + " " + path.getKey() + " " + parameter.get("name") + ": not tried");
                        continue;
                    }
                    tried++;
                    String name = parameter.get("name").asString();
                    String token = path.getKey().startsWith("/api/v1/portal/") ? client : owner;
                    for (String value : List.of("yes", "on", "1", "no", "off", "0", "y", "truee")) {
                        String address = filledIn(path.getKey(), "") + "?" + name + "=" + value;
                        MockHttpServletResponse response = mvc.perform(
                                        get(URI.create(address)).with(bearer(token)))
                                .andReturn()
                                .getResponse();
                        String body = response.getContentAsString(StandardCharsets.UTF_8);
                        if (response.getStatus() != 400
                                || !body.contains("/problems/bad-parameter")
                                || !body.contains("The parameter " + name + " must be true or false.")) {
                            wrong.add(address + ": " + response.getStatus() + " " + body);
                        }
                    }
                    for (String value : List.of("true", "false", "TRUE", "False")) {
                        String address = filledIn(path.getKey(), "") + "?" + name + "=" + value;
                        int status = mvc.perform(get(URI.create(address)).with(bearer(token)))
                                .andReturn()
                                .getResponse()
                                .getStatus();
                        if (status != 200) {
                            wrong.add(address + ": " + status);
                        }
                    }
                }
            }
        }
        assertThat(yesNo).isGreaterThanOrEqualTo(2);
        assertThat(tried).isEqualTo(yesNo);
        assertThat(wrong).isEmpty();
    }

    /**
     * Every enumerated, yes/no and number query parameter of every operation of the served document refuses a value
     * that is not one of its own, an empty one included, with a 400 {@code bad-parameter} naming it and (for a list)
     * every value it takes; and takes each of its documented values. {@code ?sort=} listed newest first and {@code
     * ?expired=} every licence, as if asked for, while {@code ?status=} was refused (decision 0096). A write is
     * tried too, and changes nothing.
     */
    @Test
    void refusesAValueNotOfItsListOrTypeOnEveryEnumeratedYesNoAndNumberParameter() throws Exception {
        JsonNode document = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String owner = token(org.owner());
        String client = token(org.alice());
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();
        int enumerated = 0;
        int tried = 0;
        for (var path : document.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (!method.getValue().has("parameters") || path.getKey().startsWith("/api/v1/device/")) {
                    continue;
                }
                for (JsonNode parameter : method.getValue().get("parameters")) {
                    JsonNode schema = parameter.get("schema");
                    String type = schema.path("type").asString();
                    boolean listed = schema.has("enum");
                    if (!parameter.get("in").asString().equals("query")
                            || !(listed || type.equals("boolean") || type.equals("integer"))) {
                        continue;
                    }
                    enumerated += listed ? 1 : 0;
                    String name = parameter.get("name").asString();
                    String token = path.getKey().startsWith("/api/v1/portal/") ? client : owner;
                    String address = filledIn(path.getKey(), "") + "?" + name + "=";
                    HttpMethod verb = HttpMethod.valueOf(method.getKey().toUpperCase(java.util.Locale.ROOT));
                    for (String value : listed ? List.of("", "bogus", " ") : List.of("", " ")) {
                        tried++;
                        MockHttpServletResponse response = mvc.perform(request(
                                                verb,
                                                URI.create(address
                                                        + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)))
                                        .with(bearer(token)))
                                .andReturn()
                                .getResponse();
                        String body = response.getContentAsString(StandardCharsets.UTF_8);
                        if (response.getStatus() != 400 || !body.contains("/problems/bad-parameter")) {
                            wrong.add(verb + " " + address + "'" + value + "': " + response.getStatus() + " " + body);
                            continue;
                        }
                        JsonNode problem = JSON.readTree(body);
                        String detail = problem.get("detail").asString();
                        if (!problem.get("errors")
                                        .get(0)
                                        .get("field")
                                        .asString()
                                        .equals(name)
                                || !detail.contains("The parameter " + name)) {
                            wrong.add(address + "'" + value + "': does not name " + name + ": " + body);
                        }
                        if (listed) {
                            for (JsonNode allowed : schema.get("enum")) {
                                if (!detail.contains(allowed.asString())) {
                                    wrong.add(address + "'" + value + "': does not name " + allowed + ": " + detail);
                                }
                            }
                        }
                    }
                    if (listed && verb == HttpMethod.GET) {
                        for (JsonNode allowed : schema.get("enum")) {
                            int status = mvc.perform(get(URI.create(address + allowed.asString()))
                                            .with(bearer(token)))
                                    .andReturn()
                                    .getResponse()
                                    .getStatus();
                            if (status != 200) {
                                wrong.add(address + allowed.asString() + ": " + status);
                            }
                        }
                    }
                }
            }
        }
        assertThat(enumerated).isGreaterThanOrEqualTo(4);
        assertThat(tried).isGreaterThan(20);
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    /**
     * A cursor sent empty ({@code ?after=}) was read as no cursor on the licence list and answered the first page, as
     * if asked for: every cursor parameter of the served document says it takes no empty value ({@code minLength}),
     * and every parameter that says so refuses an empty or blank one with a 400 {@code bad-parameter} naming it, as
     * an enumerated, yes/no or number parameter does (decision 0101).
     */
    @Test
    void refusesAnEmptyCursorOnEveryOperationThatPagesByCursor() throws Exception {
        JsonNode document = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String owner = token(org.owner());
        List<Object> before = state();
        List<String> cursors = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    String name = parameter.get("name").asString();
                    boolean cursor = name.equals("after") || name.equals("before");
                    boolean notEmpty = parameter.get("schema").path("minLength").asInt() >= 1;
                    if (!parameter.get("in").asString().equals("query") || !(cursor || notEmpty)) {
                        continue;
                    }
                    String operation = method.getKey() + " " + path.getKey() + " " + name;
                    cursors.add(operation);
                    if (!notEmpty) {
                        wrong.add(operation + ": no minLength");
                    }
                    for (String value : List.of("", "%20")) {
                        String address = filledIn(path.getKey(), "") + "?" + name + "=" + value;
                        MockHttpServletResponse response = mvc.perform(request(
                                                HttpMethod.valueOf(
                                                        method.getKey().toUpperCase(java.util.Locale.ROOT)),
                                                URI.create(address))
                                        .with(bearer(owner)))
                                .andReturn()
                                .getResponse();
                        String body = response.getContentAsString(StandardCharsets.UTF_8);
                        if (response.getStatus() != 400 || !body.contains("/problems/bad-parameter")) {
                            wrong.add(address + ": " + response.getStatus() + " " + body);
                            continue;
                        }
                        JsonNode problem = JSON.readTree(body);
                        if (!problem.get("errors")
                                        .get(0)
                                        .get("field")
                                        .asString()
                                        .equals(name)
                                || !problem.get("detail")
                                        .asString()
                                        .equals("The parameter " + name + " is empty: give it a value, or leave it"
                                                + " out.")) {
                            wrong.add(address + ": " + body);
                        }
                    }
                }
            }
        }
        assertThat(cursors)
                .contains(
                        "get /api/v1/licences after",
                        "get /api/v1/licences before",
                        "get /api/v1/licences/{id}/history after",
                        "get /api/v1/licences/{id}/history before");
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    /** A page size or number out of range named its parameter only in errors: "Use a number from 1 to 100." */
    @Test
    void namesTheParameterOfALimitOrPageOutOfRangeInTheDetail() throws Exception {
        String owner = token(org.owner());
        JsonNode limit = answer(get("/api/v1/licences?limit=101").with(bearer(owner)));
        assertThat(limit.get("detail").asString()).isEqualTo("The parameter limit must be a number from 1 to 100.");
        assertThat(limit.get("errors").get(0).get("field").asString()).isEqualTo("limit");
        JsonNode page = answer(get("/api/v1/clients?page=0").with(bearer(owner)));
        assertThat(page.get("detail").asString()).isEqualTo("The parameter page must be a page number from 1.");
        assertThat(page.get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    @Test
    void namesEveryUnknownParameterAndKeepsTheDocumentedOnes() throws Exception {
        String owner = token(org.owner());
        JsonNode problem = answer(
                get("/api/v1/licences?state=paused&status=paused&Limit=5").with(bearer(owner)));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString())
                .isEqualTo("The parameters Limit, state are not one this operation takes: use client, expiringSoon,"
                        + " expired, status, q, sort, order, after, before, limit, inUseOn.");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Limit");
        assertThat(problem.get("errors").get(1).get("field").asString()).isEqualTo("state");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/licences");

        JsonNode listed = answer(get("/api/v1/licences?status=paused&q=lobby&sort=ends&order=asc&limit=5")
                .with(bearer(owner)));
        assertThat(listed.get("data")).isEmpty();
        assertThat(answer(get("/api/v1/licences?status=active").with(bearer(owner)))
                        .get("count")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void refusesAnUnknownParameterOfAWriteAndChangesNothing() throws Exception {
        List<Object> before = state();
        var response = mvc.perform(post("/api/v1/licences/" + licenceId + "/pause?force=true")
                        .with(bearer(token(org.owner()))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("bad-parameter", "it takes no query parameters");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownParameterOfADeviceCheckIn() throws Exception {
        String credential = screens.register(org.alice(), licenceId, "Right").credential();
        var response = mvc.perform(post("/api/v1/device/check-in?debug=1")
                        .header("Authorization", "Bearer " + credential)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"device-a\",\"nonce\":\"n-1\"}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/bad-parameter");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("debug");
    }

    @Test
    void leavesThePagesParametersAlone() throws Exception {
        assertThat(mvc.perform(get("/licences?state=paused&_=1733370000").with(fixture.signedIn(org.manager())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/portal?state=paused&_=1733370000").with(fixture.signedIn(org.alice())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private JsonNode answer(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String filledIn(String pattern, String keyId) {
        return pattern.replace("{screenId}", Long.toString(screenId))
                .replace("{keyId}", keyId)
                .replace("/invoices/{id}", "/invoices/" + invoiceId)
                .replace("/plans/{id}", "/plans/" + plan.id())
                .replace("/clients/{id}", "/clients/" + org.alice().userId())
                .replace("{id}", Long.toString(licenceId));
    }
}
