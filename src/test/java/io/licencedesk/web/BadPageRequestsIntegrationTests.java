package io.licencedesk.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

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

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    @ParameterizedTest
    @CsvSource({
        "manager, /licences/abc",
        "manager, /licences?size=abc",
        "manager, /licences?client=abc",
        "manager, /licences?soon=maybe",
        "manager, /invoices?client=abc",
        "manager, /clients?page=abc",
        "manager, /outbox?page=abc",
        "client, /portal/licences/abc",
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
    @CsvSource({"manager, /nope", "manager, /licences/1/nope", "manager, /css/nope.css", "client, /portal/nope"})
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
        "manager, /licences/abc, 400, /invoices",
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
}
