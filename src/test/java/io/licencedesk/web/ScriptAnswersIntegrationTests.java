package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.path;
import static io.licencedesk.web.HandlerRoutes.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.web.HandlerRoutes.Input;
import io.licencedesk.web.HandlerRoutes.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages' scripts (app.js's fetches: the import's progress, the selection, the client search) ask for {@code
 * Accept: application/json} alone, and read the answer as JSON. A refused request (an id of "abc", an object not found,
 * a method the address does not take) answered them the HTML error page, which they could not read: the import page's
 * progress, for one, got a 400 page for {@code /licences/imports/abc/progress}. Every console and portal route is asked
 * as a script, read from Spring MVC's handler mappings so that a route added later is swept too, and every refusal must
 * be an RFC 9457 problem (decision 0104); a person's browser still gets the page.
 */
@IntegrationTest
class ScriptAnswersIntegrationTests {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    UserDetailsService users;

    TestOrganisation org;
    final List<String> failures = new ArrayList<>();
    final Map<Integer, Integer> refusals = new HashMap<>();

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    @Test
    void everyRefusalOfAPagesRouteIsAProblemForAScript() throws Exception {
        List<Route> routes = HandlerRoutes.of(context).stream()
                .filter(ScriptAnswersIntegrationTests::aPagesRoute)
                .toList();
        assertThat(routes)
                .extracting(Route::toString)
                .contains(
                        "GET /licences/imports/{id}/progress",
                        "POST /licences/selection",
                        "GET /clients/options",
                        "GET /portal/licences/{id}");
        for (Route route : routes) {
            RequestPostProcessor who = route.pattern().startsWith("/portal")
                    ? user(users.loadUserByUsername(org.alice().email()))
                    : user(users.loadUserByUsername(org.owner().email()));
            List<String> variables = variables(route.pattern());
            for (String id : List.of("abc", "99999999999999999999", "987654321")) {
                if (!variables.isEmpty()) {
                    check(route, "path = " + id, request(route, route.method(), variables, id, Map.of()), who);
                }
            }
            for (Input input : route.inputs()) {
                if (!input.header() && input.required() && input.type() != String.class) {
                    var params = new HashMap<String, String>();
                    route.inputs().stream()
                            .filter(other -> !other.header() && other.required())
                            .forEach(other -> params.put(other.name(), plausible(other)));
                    params.put(input.name(), "abc");
                    check(route, input.name() + " = abc", request(route, route.method(), variables, "1", params), who);
                }
            }
            if (route.method() == HttpMethod.POST) {
                check(route, "as a GET", request(route, HttpMethod.GET, variables, "1", Map.of()), who);
            }
        }
        assertThat(failures)
                .withFailMessage(() -> failures.size() + " refusals were not problems:\n" + String.join("\n", failures))
                .isEmpty();
        // The sweep met each kind of refusal it is about.
        assertThat(refusals).containsKeys(400, 404, 405);
    }

    @Test
    void theImportsProgressWithAnIdThatIsNotANumberIsAProblemInThePersonsLanguage() throws Exception {
        var manager = user(users.loadUserByUsername(org.manager().email()));
        for (String language : List.of("en", "fr")) {
            var answer = mvc.perform(get("/licences/imports/abc/progress")
                            .header("Accept", "application/json")
                            .header("Accept-Language", language)
                            .with(manager))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).isEqualTo(400);
            assertThat(answer.getContentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/bad-request");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asString())
                    .isEqualTo(
                            language.equals("en")
                                    ? "This page sent something that was not understood, so nothing was changed."
                                            + " Reload the page and try again."
                                    : "Cette page a envoyé une demande qui n’a pas été comprise\u00a0: rien n’a été"
                                            + " modifié. Rechargez la page et réessayez.");
        }
        var page = mvc.perform(get("/licences/imports/abc/progress")
                        .header("Accept", BROWSER)
                        .with(manager))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("That request was not valid");
    }

    @Test
    void aLicenceThatIsNotThereIsANotFoundProblemForAScriptAndThePageForAPerson() throws Exception {
        var manager = user(users.loadUserByUsername(org.manager().email()));
        var script = mvc.perform(get("/licences/987654321")
                        .header("Accept", "application/json")
                        .with(manager))
                .andReturn()
                .getResponse();
        assertThat(script.getStatus()).isEqualTo(404);
        assertThat(script.getContentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(script.getContentAsString(StandardCharsets.UTF_8))
                        .get("type")
                        .asString())
                .isEqualTo("https://licencedesk.io/problems/not-found");
        var page = mvc.perform(
                        get("/licences/987654321").header("Accept", BROWSER).with(manager))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentType()).startsWith("text/html");
    }

    static boolean aPagesRoute(Route route) {
        String pattern = route.pattern();
        return !pattern.startsWith("/api")
                && !pattern.startsWith("/v3/")
                && !pattern.startsWith("/swagger")
                && !pattern.equals("/error")
                && !pattern.equals("/login")
                && !pattern.equals("/logout");
    }

    static String plausible(Input input) {
        if (input.type() == boolean.class || input.type() == Boolean.class) {
            return "true";
        }
        return "1";
    }

    static MockHttpServletRequestBuilder request(
            Route route, HttpMethod method, List<String> variables, String id, Map<String, String> params) {
        var values = new HashMap<String, String>();
        variables.forEach(variable -> values.put(variable, id));
        String address = path(route, values);
        var request = method == HttpMethod.GET
                ? get(address)
                : method == HttpMethod.POST
                        ? post(address).with(csrf())
                        : MockMvcRequestBuilders.request(method, address);
        params.forEach(request::param);
        return request.header("Accept", "application/json");
    }

    void check(Route route, String how, MockHttpServletRequestBuilder request, RequestPostProcessor who)
            throws Exception {
        MockHttpServletResponse answer =
                mvc.perform(request.with(who)).andReturn().getResponse();
        int status = answer.getStatus();
        if (status < 400) {
            return;
        }
        refusals.merge(status, 1, Integer::sum);
        String type = String.valueOf(answer.getContentType());
        String body = answer.getContentAsString(StandardCharsets.UTF_8);
        if (!type.startsWith("application/problem+json") || !body.contains("\"status\":" + status)) {
            failures.add(route + " with " + how + ": " + status + " " + type + " "
                    + body.substring(0, Math.min(120, body.length())).replace('\n', ' '));
        }
    }
}
