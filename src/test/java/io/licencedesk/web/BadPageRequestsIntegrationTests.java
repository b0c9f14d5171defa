package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.web.HandlerRoutes.Input;
import io.licencedesk.web.HandlerRoutes.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.ClassUtils;

/** An address a page cannot read shows the 400 page to a browser, not Spring's JSON problem. */
@IntegrationTest
class BadPageRequestsIntegrationTests {

    /** What Chromium asks for when it opens a page. */
    static final String BROWSER =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    @ParameterizedTest
    @CsvSource({
        "manager, /licences?size=abc",
        "manager, /licences?client=abc",
        "manager, /licences?soon=maybe",
        "manager, /invoices?client=abc",
        "manager, /clients?page=abc",
        "manager, /outbox?page=abc",
        "client, /portal/invoices?page=abc"
    })
    void showsTheBadRequestPage(String role, String address) throws Exception {
        String email =
                role.equals("client") ? org.alice().email() : org.manager().email();

        mvc.perform(get(address).accept(BROWSER).with(user(users.loadUserByUsername(email))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("That request was not valid")))
                .andExpect(content().string(not(containsString("Failed to convert"))));
    }

    @ParameterizedTest
    @CsvSource({"manager, /licences/1/delete", "manager, /invoices/1/void", "client, /portal/licences/1/activate"})
    void showsAPageForAFormsAddressOpenedInTheBrowser(String role, String address) throws Exception {
        String email =
                role.equals("client") ? org.alice().email() : org.manager().email();

        mvc.perform(get(address).accept(BROWSER).with(user(users.loadUserByUsername(email))))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("That address is not a page")));
    }

    @Test
    void keepsTheProblemResponseOfTheApi() throws Exception {
        mvc.perform(get("/api/v1/device/activate").accept(BROWSER))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @CsvSource({
        "manager, /nope",
        "manager, /licences/1/nope",
        "manager, /css/nope.css",
        "client, /portal/nope",
        // An id that is not one names nothing, as an id that does not exist (decision 0151); it was the 400 page.
        "manager, /licences/abc",
        "client, /portal/licences/abc"
    })
    void showsTheNotFoundPageForAnAddressNothingServes(String role, String address) throws Exception {
        String email =
                role.equals("client") ? org.alice().email() : org.manager().email();

        mvc.perform(get(address).accept(BROWSER).with(user(users.loadUserByUsername(email))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("There is nothing here")))
                .andExpect(content().string(not(containsString("No static resource"))));
    }

    /**
     * A signed-in person on an error page keeps the navigation bar and their account menu: without them, the page of a
     * licence deleted meanwhile (or a mistyped address) led only "to the start page".
     */
    @ParameterizedTest
    @CsvSource({
        "manager, /licences/999999999, 404, /invoices",
        "manager, /nope, 404, /invoices",
        "manager, /licences/abc, 404, /invoices",
        "manager, /licences?size=abc, 400, /invoices",
        "manager, /licences/1/delete, 405, /invoices",
        "client, /portal/licences/999999999, 404, /portal/invoices",
        "client, /portal/nope, 404, /portal/invoices"
    })
    void keepsTheNavigationOnAnErrorPage(String role, String address, int status, String navigation) throws Exception {
        String email =
                role.equals("client") ? org.alice().email() : org.manager().email();

        mvc.perform(get(address).accept(BROWSER).with(user(users.loadUserByUsername(email))))
                .andExpect(status().is(status))
                .andExpect(content().string(containsString("class=\"navbar navbar-expand-md navbar-dark app-navbar\"")))
                .andExpect(content().string(containsString("href=\"" + navigation + "\"")))
                .andExpect(content().string(containsString(email)));
    }

    @Test
    void asksAnAnonymousVisitorToSignInBeforeSayingWhetherAnAddressExists() throws Exception {
        mvc.perform(get("/nope").accept(BROWSER))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));
    }

    @Test
    void keepsTheProblemResponseOfTheApiForAnAddressNothingServes() throws Exception {
        mvc.perform(get("/api/v1/device/nope").accept(BROWSER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * The Accept headers a console address meets: a page's (alone, and as Chromium sends it), a script's, a tool's
     * and none at all.
     */
    static final List<String> ACCEPTS = List.of("text/html", BROWSER, "application/json", "*/*", "");

    /**
     * Every console address, signed in as a manager, with each Accept a browser, a script, a tool or nothing sends:
     * none is answered 406 or 5xx. {@code POST /licences/selection} answered a page (Accept text/html) 406 Not
     * Acceptable, its JSON being all it produced, as did its clear, the import's progress and upload, and the clients'
     * options.
     */
    @Test
    void answersEveryConsoleAddressWhateverItAccepts() throws Exception {
        var plan = fixture.monthlyPlan(org);
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Sweep", null, 1, org.alice().userId()))
                .id();
        var manager = user(users.loadUserByUsername(org.manager().email()));
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Route route : HandlerRoutes.of(context)) {
            if (!console(route.pattern())) {
                continue;
            }
            for (String accept : ACCEPTS) {
                var request = MockMvcRequestBuilders.request(
                                route.method(),
                                URI.create(HandlerRoutes.path(
                                        route,
                                        HandlerRoutes.variables(route.pattern()).stream()
                                                .collect(Collectors.toMap(
                                                        Function.identity(), variable -> "" + licence)))))
                        .with(manager)
                        .with(csrf());
                route.inputs().stream()
                        .filter(input -> input.required() && !input.header())
                        .forEach(input -> request.param(input.name(), plausible(input, licence)));
                if (!accept.isEmpty()) {
                    request.header("Accept", accept);
                }
                requests++;
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                if (status == 406 || status >= 500) {
                    failures.add(route + " with Accept \"" + accept + "\": " + status);
                }
            }
        }
        assertThat(requests).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /** The console's own addresses: not the API's, the portal's, the sign-in's or the documentation's. */
    static boolean console(String pattern) {
        return !pattern.matches(
                "/(api|portal|error|login|logout|password|v3|swagger-ui|assets|webjars)(/.*)?|/swagger-ui.html");
    }

    static String plausible(Input input, long licence) {
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(input.type());
        if (type == Boolean.class) {
            return "true";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "" + licence;
        }
        return "Plausible";
    }
}
