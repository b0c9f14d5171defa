package io.licencedesk.web;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.web.HandlerRoutes.Route;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An id in the address that names nothing ("abc", a number too large for a long, a negative one, zero) is answered as
 * an id that does not exist, and as another organisation's: the same 404, the not-found page to a person and the
 * {@code not-found} problem to the API, never a 400 or a 5xx (decision 0151). {@code /licences/abc} was the 400 page
 * ("That request was not valid"), {@code /api/v1/licences/abc} a 400 {@code bad-parameter}, where a person who mistyped
 * or cut a link expects "not found". Every console, portal and API route with a variable is asked, read from the
 * request mappings.
 */
@IntegrationTest
class IdsThatNameNothingIntegrationTests {

    /** Ids that name nothing; 987654321 is a number no object has, the answer the others must equal. */
    static final String NONE = "987654321";

    static final List<String> NAME_NOTHING = List.of("abc", "99999999999999999999", "-1", "0", "1.5", "%20");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ApplicationContext context;

    @Autowired
    Webhooks webhooks;

    @Test
    void everyIdThatNamesNothingIsTheNotFoundOfAnIdThatDoesNotExist() throws Exception {
        TestOrganisation org = organisations.create();
        TestOrganisation other = organisations.create();
        long othersLicence = licences.create(
                        other.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(other).id(),
                                "Theirs",
                                null,
                                1,
                                other.alice().userId()))
                .id();
        long othersWebhookEndpoint = webhooks.register(
                        other.owner(), new NewEndpoint("https://203.0.113.10/theirs", null, true, Set.of()))
                .endpoint()
                .id();
        webhooks.disable(other.owner(), othersWebhookEndpoint);
        String staffToken = fixture.token(org.owner());
        String clientToken = fixture.token(org.alice());
        List<String> wrong = new ArrayList<>();
        int routes = 0;
        for (Route route : HandlerRoutes.of(context)) {
            List<String> variables = HandlerRoutes.variables(route.pattern());
            if (variables.isEmpty()
                    || route.pattern().startsWith("/error")
                    || route.pattern().contains("keys")) {
                continue;
            }
            boolean api = route.pattern().startsWith("/api/");
            boolean portal =
                    route.pattern().startsWith("/portal") || route.pattern().startsWith("/api/v1/portal");
            Function<MockHttpServletRequestBuilder, MockHttpServletRequestBuilder> who = request -> api
                    ? request.with(bearer(portal ? clientToken : staffToken))
                    : request.with(fixture.signedIn(portal ? org.alice() : org.owner()))
                            .with(csrf());
            routes++;
            MockHttpServletResponse none = send(route, variables, NONE, api, who);
            if (none.getStatus() != 404) {
                wrong.add(route + " with " + NONE + ": " + none.getStatus());
            }
            List<String> ids = new ArrayList<>(NAME_NOTHING);
            if (route.pattern().matches(".*/licences/\\{id}.*")) {
                // Another organisation's licence: the ids of other kinds could be this organisation's own objects.
                ids.add("" + othersLicence);
            }
            if (route.pattern().matches(".*/webhook-endpoints/\\{id}.*")) {
                ids.add("" + othersWebhookEndpoint);
            }
            for (String id : ids) {
                MockHttpServletResponse answer = send(route, variables, id, api, who);
                if (answer.getStatus() != 404 || !notFound(answer, api, none)) {
                    wrong.add(route + " with " + id + ": " + answer.getStatus() + " " + answer.getContentType());
                }
            }
        }
        assertThat(routes).isGreaterThan(60);
        assertThat(wrong)
                .withFailMessage(() ->
                        wrong.size() + " answers differ from an id that does not exist:\n" + String.join("\n", wrong))
                .isEmpty();
    }

    private MockHttpServletResponse send(
            Route route,
            List<String> variables,
            String id,
            boolean api,
            Function<MockHttpServletRequestBuilder, MockHttpServletRequestBuilder> who)
            throws Exception {
        String path = HandlerRoutes.path(
                route, variables.stream().collect(Collectors.toMap(Function.identity(), variable -> id)));
        if (id.startsWith("%")) {
            path = path.replace("%2520", "%20");
        }
        var request = MockMvcRequestBuilders.request(route.method(), URI.create(path));
        if (!api) {
            request.header("Accept", BadPageRequestsIntegrationTests.BROWSER);
        }
        if (api && route.method() != HttpMethod.GET && route.method() != HttpMethod.DELETE) {
            request.contentType("application/json").content("{}");
        }
        return mvc.perform(who.apply(request)).andReturn().getResponse();
    }

    /** The not-found page, or the not-found problem, the same as for an id that does not exist when that is one. */
    private static boolean notFound(MockHttpServletResponse answer, boolean api, MockHttpServletResponse none)
            throws Exception {
        String body = answer.getContentAsString(StandardCharsets.UTF_8);
        if (!api) {
            return String.valueOf(answer.getContentType()).startsWith("text/html")
                    && body.contains("There is nothing here");
        }
        if (!String.valueOf(answer.getContentType()).startsWith("application/problem+json")
                || !body.contains("/problems/not-found")) {
            return false;
        }
        String expected = none.getContentAsString(StandardCharsets.UTF_8);
        return none.getStatus() != 404
                || body.replaceAll("\"instance\":\"[^\"]*\"", "")
                        .equals(expected.replaceAll("\"instance\":\"[^\"]*\"", ""));
    }
}
