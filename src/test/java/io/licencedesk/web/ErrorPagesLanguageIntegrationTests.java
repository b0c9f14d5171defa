package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An error page speaks the language the person chose as every other page does: {@code ?lang=fr}, the cookie it sets,
 * or the browser's Accept-Language. {@code ?lang=fr} on an address nothing serves (404), or opened with a method it
 * does not take (405), showed the English page, although Accept-Language: fr was honoured there.
 */
@IntegrationTest
class ErrorPagesLanguageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    record ErrorPage(String who, String address, int status, String french) {}

    static final List<ErrorPage> PAGES = List.of(
            new ErrorPage("manager", "/licences/999999999", 404, "Introuvable"),
            new ErrorPage("manager", "/licences/abc", 404, "Introuvable"),
            new ErrorPage("manager", "/nope", 404, "Introuvable"),
            new ErrorPage("manager", "/licences?size=abc", 400, "Cette demande n’était pas valide"),
            new ErrorPage("manager", "/licences/1/delete", 405, "Cette adresse n’est pas une page"),
            new ErrorPage("client", "/portal/licences/999999999", 404, "Introuvable"),
            new ErrorPage("client", "/portal/nope", 404, "Introuvable"),
            new ErrorPage("client", "/portal/licences/1/activate", 405, "Cette adresse n’est pas une page"));

    @Test
    void everyErrorPageHonoursTheLanguageChosenInTheAddressItsCookieOrTheBrowser() throws Exception {
        List<String> english = new ArrayList<>();
        record Way(String name, UnaryOperator<MockHttpServletRequestBuilder> asks, String query) {}
        List<Way> ways = List.of(
                new Way("?lang=fr", request -> request, "lang=fr"),
                new Way("cookie", request -> request.cookie(new Cookie(UserLocaleResolver.COOKIE, "fr")), null),
                new Way("Accept-Language", request -> request.header("Accept-Language", "fr"), null));
        for (ErrorPage page : PAGES) {
            String email = page.who().equals("client")
                    ? org.alice().email()
                    : org.manager().email();
            for (Way way : ways) {
                String address = way.query() == null
                        ? page.address()
                        : page.address() + (page.address().contains("?") ? "&" : "?") + way.query();
                var answer = mvc.perform(way.asks()
                                .apply(get(address)
                                        .accept(BadPageRequestsIntegrationTests.BROWSER)
                                        .with(fixture.signedIn(email))))
                        .andReturn()
                        .getResponse();
                String body = answer.getContentAsString(StandardCharsets.UTF_8);
                if (answer.getStatus() != page.status()
                        || !body.contains(page.french())
                        || !body.contains("<html lang=\"fr\"")) {
                    english.add(address + " by " + way.name() + ": " + answer.getStatus());
                }
            }
        }
        assertThat(english).isEmpty();
    }
}
