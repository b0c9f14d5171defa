package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The clients page pages through many clients, and editing a client keeps its e-mail unique. */
@IntegrationTest
class ConsoleClientPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void pagesThroughClientsAndEditsOne() throws Exception {
        TestOrganisation org = organisations.create();
        for (int i = 0; i < 30; i++) {
            accounts.addClient(
                    org.manager(),
                    new NewClient("Zed " + i, "zed" + i + "-" + org.id() + "@example.test", null, null, null));
        }
        var manager = user(users.loadUserByUsername(org.manager().email()));

        mvc.perform(get("/clients").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andExpect(content().string(containsString("page=2")));
        mvc.perform(get("/clients").param("page", "2").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of 2")));

        mvc.perform(post("/clients/{id}", org.alice().userId())
                        .param("name", "Alice Renamed")
                        .param("email", org.bob().email())
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("of your organisation, already signs in with this address.")));
        for (String notAVatNumber : List.of("XX!!", "!!??", "GB 123 <b>")) {
            mvc.perform(post("/clients/{id}", org.alice().userId())
                            .param("name", "Alice Renamed")
                            .param("email", org.alice().email())
                            .param("vatNumber", notAVatNumber)
                            .with(manager)
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Enter the VAT or tax number in letters and digits")));
        }
        assertThat(accounts.client(org.manager(), org.alice().userId()).name()).isNotEqualTo("Alice Renamed");
        mvc.perform(post("/clients/{id}", org.alice().userId())
                        .param("name", "Alice Renamed")
                        .param("email", org.alice().email())
                        .param("billingAddress", "1 Main Street")
                        .param("vatNumber", "GB123")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients/" + org.alice().userId()));
        assertThat(accounts.client(org.manager(), org.alice().userId()).vatNumber())
                .isEqualTo("GB123");
    }

    /**
     * app.js focuses the first field marked aria-invalid after a refused form, and a screen reader reads the message
     * the field is described by: each refused field of the add and edit forms carries both, the others neither.
     */
    @Test
    void marksEachRefusedFieldForTheFocusAndTheScreenReader() throws Exception {
        TestOrganisation org = organisations.create();
        var manager = user(users.loadUserByUsername(org.manager().email()));

        for (var refused :
                List.of(post("/clients"), post("/clients/{id}", org.alice().userId()))) {
            Document page = refusedPage(refused.param("name", "")
                    .param("email", "not an e-mail")
                    .param("company", "Cinema Lumière")
                    .param("vatNumber", "XX!!")
                    .with(manager)
                    .with(csrf()));

            for (String field : List.of("name", "email", "vatNumber")) {
                var input = page.getElementById(field);
                assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
                assertThat(input.attr("aria-describedby")).as(field).isEqualTo(field + "-error");
                assertThat(page.getElementById(field + "-error").text())
                        .as(field)
                        .isNotBlank();
            }
            for (String field : List.of("company", "billingAddress")) {
                var input = page.getElementById(field);
                assertThat(input.hasAttr("aria-invalid")).as(field).isFalse();
                assertThat(input.hasAttr("aria-describedby")).as(field).isFalse();
            }
        }
    }

    /**
     * Editing a client, reached from their page ("Edit details"), went back to the client list when saved or
     * cancelled; it goes back to the client's page, where the details saved show, and names the client on the way.
     */
    @Test
    void editingAClientGoesBackToTheirPage() throws Exception {
        TestOrganisation org = organisations.create();
        var manager = user(users.loadUserByUsername(org.manager().email()));
        String page = "/clients/" + org.alice().userId();

        Document form = Jsoup.parse(mvc.perform(get(page + "/edit").with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select(".breadcrumb a").eachAttr("href")).containsExactly("/clients", page);
        assertThat(form.select(".breadcrumb a").last().text())
                .isEqualTo(org.alice().name());
        assertThat(form.select("form[method=post] a.btn").attr("href")).isEqualTo(page);

        mvc.perform(post(page)
                        .param("name", "Alice Renamed")
                        .param("email", org.alice().email())
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl(page));
        Document refused = refusedPage(post(page)
                .param("name", "")
                .param("email", org.alice().email())
                .with(manager)
                .with(csrf()));
        assertThat(refused.select(".breadcrumb a").last().text()).isEqualTo("Alice Renamed");
        // Adding a client still goes back to the list, which it joins.
        assertThat(Jsoup.parse(mvc.perform(get("/clients/new").with(manager))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("form[method=post] a.btn")
                        .attr("href"))
                .isEqualTo("/clients");
    }

    /** As on the people page: an address pasted with spaces around it was refused as "not a valid e-mail address". */
    @Test
    void anAddressPastedWithSpacesAroundItIsThatAddress() throws Exception {
        TestOrganisation org = organisations.create();
        var manager = user(users.loadUserByUsername(org.manager().email()));
        String email = "zoe-" + org.id() + "@example.test";

        mvc.perform(post("/clients")
                        .param("name", "Zoe")
                        .param("email", "  " + email + " \t")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients"));
        var added = accounts.clients(org.manager(), email, 1, 10).items();
        assertThat(added).extracting(Client::email).containsExactly(email);

        mvc.perform(post("/clients/{id}", added.get(0).id())
                        .param("name", "Zoe")
                        .param("email", " new-" + email + " ")
                        .with(manager)
                        .with(csrf()))
                .andExpect(redirectedUrl("/clients/" + added.get(0).id()));
        assertThat(accounts.client(org.manager(), added.get(0).id()).email()).isEqualTo("new-" + email);
    }

    /**
     * The invitation box sent something else than yes or no (by hand, or a script): the page said "Please correct the
     * fields marked below" and marked none. It marks the box, and adds no client.
     */
    @Test
    void anInvitationBoxThatIsNeitherYesNorNoIsMarkedBesideIt() throws Exception {
        TestOrganisation org = organisations.create();
        var manager = user(users.loadUserByUsername(org.manager().email()));
        String email = "yann-" + org.id() + "@example.test";

        Document page = refusedPage(post("/clients")
                .param("name", "Yann")
                .param("email", email)
                .param("invite", "maybe")
                .with(manager)
                .with(csrf()));

        assertThat(page.getElementById("invite").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("invite").attr("aria-describedby")).contains("invite-error");
        assertThat(page.getElementById("invite-error").text()).isEqualTo("This value is not valid.");
        assertThat(accounts.clients(org.manager(), email, 1, 10).items()).isEmpty();
    }

    /**
     * A form refused for another field said nothing of its taken address, which was refused only on the next try; it
     * is said at once, as the licence form says every refusal at once. The client's own address is not taken.
     */
    @Test
    void aTakenAddressIsSaidBesideTheFormsOtherRefusals() throws Exception {
        TestOrganisation org = organisations.create();
        TestOrganisation other = organisations.create();
        var manager = user(users.loadUserByUsername(org.manager().email()));

        for (String form : List.of("/clients", "/clients/" + org.alice().userId())) {
            for (String taken :
                    List.of(org.bob().email(), " " + other.alice().email().toUpperCase(Locale.ROOT))) {
                Document page = refusedPage(post(form)
                        .param("name", "")
                        .param("email", taken)
                        .with(manager)
                        .with(csrf()));
                assertThat(page.select("#name-error").text()).isEqualTo("Enter a name.");
                // Whose it is when it is someone of the organisation's; nothing of another organisation's account.
                assertThat(page.select("#email-error").text())
                        .isEqualTo(
                                taken.equals(org.bob().email())
                                        ? org.bob().name() + ", of your organisation, already signs in with this"
                                                + " address."
                                        : "This address already has a LicenceDesk account, and an address has only"
                                                + " one. Ask the person for another address.");
            }
        }
        Document own = refusedPage(post("/clients/{id}", org.alice().userId())
                .param("name", "")
                .param("email", org.alice().email())
                .with(manager)
                .with(csrf()));
        assertThat(own.getElementById("email-error")).isNull();
        assertThat(accounts.client(org.manager(), org.alice().userId()).name())
                .isEqualTo(org.alice().name());
    }

    private Document refusedPage(MockHttpServletRequestBuilder post) throws Exception {
        return Jsoup.parse(mvc.perform(post)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
