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
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * An id that is not a number names no import: the not-found problem in the person's language, which the import
     * page reads as an import it can no longer follow (decision 0100). It was a 400 bad-request (decision 0151).
     */
    @Test
    void theImportsProgressWithAnIdThatIsNotANumberIsANotFoundProblemInThePersonsLanguage() throws Exception {
        var manager = user(users.loadUserByUsername(org.manager().email()));
        for (String language : List.of("en", "fr")) {
            var answer = mvc.perform(get("/licences/imports/abc/progress")
                            .header("Accept", "application/json")
                            .header("Accept-Language", language)
                            .with(manager))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).isEqualTo(404);
            assertThat(answer.getContentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/not-found");
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("detail").asString())
                    .isEqualTo(
                            language.equals("en")
                                    ? "There is nothing here: it may have been deleted, or it belongs to someone"
                                            + " else."
                                    : "Il n’y a rien ici\u00a0: cela a peut-être été supprimé, ou appartient à"
                                            + " quelqu’un d’autre.");
        }
        var page = mvc.perform(get("/licences/imports/abc/progress")
                        .header("Accept", BROWSER)
                        .with(manager))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("There is nothing here");
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

    /**
     * An error the servlet container dispatches to the error page (an uncaught exception, a firewall's or a filter's
     * refusal) answered a script Boot's own JSON ({@code timestamp}, {@code status}, {@code error}, {@code path}), and
     * so did every request that did not ask for HTML first (curl's {@code *}/{@code *}). Every status a dispatch can
     * carry is a problem of the API's type for the status, in the person's language, naming the path that failed;
     * anyone else gets the error page. ScriptAnswersAtTheServerTests sends the requests that cause them.
     */
    @Test
    void everyErrorTheContainerDispatchesIsAProblemForAScriptAndThePageForAnyoneElse() throws Exception {
        Map<Integer, String> types = new LinkedHashMap<>();
        types.put(400, "bad-request");
        types.put(401, "unauthenticated");
        types.put(403, "forbidden");
        types.put(404, "not-found");
        types.put(405, "method-not-allowed");
        types.put(408, "bad-request");
        types.put(413, "too-large");
        types.put(415, "unsupported-media-type");
        types.put(500, "internal");
        types.put(501, "method-not-allowed");
        types.put(503, "unavailable");
        for (var expected : types.entrySet()) {
            int status = expected.getKey();
            int answered = status == 501 ? 405 : status;
            Map<String, String> details = new HashMap<>();
            for (String language : List.of("en", "fr")) {
                var script = mvc.perform(errorDispatch(status)
                                .header("Accept", "application/json")
                                .header("Accept-Language", language))
                        .andReturn()
                        .getResponse();
                assertThat(script.getStatus()).as("%d", status).isEqualTo(answered);
                assertThat(script.getContentType()).as("%d", status).startsWith("application/problem+json");
                String body = script.getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).as("%d", status).doesNotContain("timestamp");
                JsonNode problem = JSON.readTree(body);
                assertThat(problem.get("type").asString())
                        .as("%d", status)
                        .isEqualTo("https://licencedesk.io/problems/" + expected.getValue());
                assertThat(problem.get("status").asInt()).as("%d", status).isEqualTo(answered);
                assertThat(problem.get("instance").asString()).as("%d", status).isEqualTo("/licences/7");
                details.put(language, problem.get("detail").asString());
            }
            assertThat(details.get("fr"))
                    .as("%d in French", status)
                    .isNotBlank()
                    .isNotEqualTo(details.get("en"));
            for (String accept : List.of(BROWSER, "*/*")) {
                var page = mvc.perform(errorDispatch(status).header("Accept", accept))
                        .andReturn()
                        .getResponse();
                assertThat(page.getStatus()).as("%d for %s", status, accept).isEqualTo(status);
                assertThat(page.getContentType())
                        .as("%d for %s", status, accept)
                        .startsWith("text/html");
            }
        }
    }

    /** What the servlet container sends the error page after a refusal: MockMvc does not dispatch it. */
    static MockHttpServletRequestBuilder errorDispatch(int status) {
        return get("/error")
                .with(dispatch -> {
                    dispatch.setDispatcherType(DispatcherType.ERROR);
                    return dispatch;
                })
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/licences/7");
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
