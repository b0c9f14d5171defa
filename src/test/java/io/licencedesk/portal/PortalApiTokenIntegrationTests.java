package io.licencedesk.portal;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Clients make API tokens under their profile: a token acts as that client (not as staff) from its first request until
 * it is revoked on the page. Nobody else sees or revokes a client's tokens; staff do not reach the page.
 */
@IntegrationTest
class PortalApiTokenIntegrationTests {

    static final String PAGE = "/portal/profile/api-tokens";
    static final Pattern SECRET = Pattern.compile("ldk_live_[A-Za-z0-9_-]{43}");
    static final Pattern REVOKE = Pattern.compile("/portal/profile/api-tokens/(\\d+)/revoke");

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Clock clock;

    TestOrganisation org;
    TestOrganisation other;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
    }

    MockHttpServletRequestBuilder make(String name, String access, String expiresOn) {
        return post(PAGE).param("name", name).param("access", access).param("expiresOn", expiresOn);
    }

    String page(Caller caller) throws Exception {
        return mvc.perform(get(PAGE).with(fixture.signedIn(caller)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    int apiStatus(String token) throws Exception {
        return mvc.perform(get("/api/v1/licences").with(bearer(token)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void makesATokenThatActsAsTheClientAtOnceAndIsRefusedOnceRevoked() throws Exception {
        var alice = fixture.signedIn(org.alice());
        String lastDay = LocalDate.now(clock).plusDays(7).toString();
        String shown = mvc.perform(
                        make("Shop", "READ_ONLY", lastDay).with(alice).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("newToken"))
                .andExpect(content().string(containsString("it will not be shown again")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher secret = SECRET.matcher(shown);
        assertThat(secret.find()).isTrue();

        // Authenticated, as a client: the staff's licence list is not for clients.
        assertThat(apiStatus(secret.group())).isEqualTo(403);
        String list = page(org.alice());
        assertThat(list)
                .doesNotContain(secret.group())
                .contains(secret.group().substring(0, 15) + "…", "Read only", "Active");
        Matcher revoke = REVOKE.matcher(list);
        assertThat(revoke.find()).isTrue();

        mvc.perform(post(revoke.group()).with(alice).with(csrf()))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute(
                                "toast",
                                "Token “Shop” revoked: programs that use it are refused from their next request."));

        assertThat(apiStatus(secret.group())).isEqualTo(401);
        assertThat(page(org.alice())).contains("Revoked");
    }

    @Test
    void opensFromTheProfilePage() throws Exception {
        String profile = mvc.perform(get("/portal/profile").with(fixture.signedIn(org.alice())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(profile.split("href=\"" + PAGE + "\"", -1))
                .as("one link on the profile")
                .hasSize(2);
        assertThat(page(org.alice()))
                .contains("New token", "Authorization: Bearer ldk_live_…")
                .doesNotContain("docs/api.md");
        Matcher link =
                Pattern.compile("<a href=\"([^\"]+)\">API documentation</a>").matcher(page(org.alice()));
        assertThat(link.find())
                .as("a link to the API documentation the server serves")
                .isTrue();
        assertThat(link.group(1)).isEqualTo("/swagger-ui/index.html");
        for (var request : List.of(get(link.group(1)).with(fixture.signedIn(org.alice())), get(link.group(1)))) {
            mvc.perform(request).andExpect(status().isOk()).andExpect(content().string(containsString("swagger-ui")));
        }
    }

    @Test
    void refusesAnonymousUsersStaffAndForgedPostsAndMakesNothing() throws Exception {
        long alices = tokens.issue(org.alice(), new NewApiToken("Alice's", ApiAccess.READ_ONLY, null))
                .token()
                .id();
        Supplier<List<MockHttpServletRequestBuilder>> requests =
                () -> List.of(get(PAGE), make("Sneaky", "READ_WRITE", ""), post(PAGE + "/{id}/revoke", alices));

        for (var request : requests.get()) {
            mvc.perform(request.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        for (Caller staff : List.of(org.owner(), org.manager())) {
            for (var request : requests.get()) {
                mvc.perform(request.with(fixture.signedIn(staff)).with(csrf())).andExpect(status().isForbidden());
            }
        }
        for (var withoutCsrf : requests.get().subList(1, 3)) {
            mvc.perform(withoutCsrf.with(fixture.signedIn(org.alice()))).andExpect(status().isForbidden());
        }

        assertThat(tokens.tokens(org.alice()))
                .singleElement()
                .satisfies(token -> assertThat(token.revoked()).isFalse());
        assertThat(tokens.tokens(org.owner())).isEmpty();
        assertThat(tokens.tokens(org.manager())).isEmpty();
    }

    @Test
    void revokesNoOtherClientsTokenAndAnswersNotFound() throws Exception {
        long alices = tokens.issue(org.alice(), new NewApiToken("Alice's", ApiAccess.READ_ONLY, null))
                .token()
                .id();
        long owners = tokens.issue(org.owner(), new NewApiToken("Owner's", ApiAccess.READ_ONLY, null))
                .token()
                .id();
        for (Caller stranger : List.of(org.bob(), other.alice())) {
            for (long id : new long[] {alices, owners}) {
                mvc.perform(post(PAGE + "/{id}/revoke", id)
                                .with(fixture.signedIn(stranger))
                                .with(csrf()))
                        .andExpect(status().isNotFound())
                        .andExpect(content().string(containsString("Not found")));
            }
            assertThat(page(stranger)).doesNotContain("Alice&#39;s");
        }

        assertThat(tokens.tokens(org.alice()))
                .singleElement()
                .satisfies(token -> assertThat(token.revoked()).isFalse());
        assertThat(tokens.tokens(org.owner()))
                .singleElement()
                .satisfies(token -> assertThat(token.revoked()).isFalse());
    }

    @Test
    void refusesBadInputBesideItsFieldAndMakesNothing() throws Exception {
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        for (var bad : List.of(
                make("", "READ_ONLY", ""),
                make("y".repeat(101), "READ_ONLY", ""),
                make("Tab\u0001", "READ_ONLY", ""),
                make("Shop", "OWNER", ""),
                make("Shop", "READ_ONLY", yesterday),
                make("Shop", "READ_ONLY", "not a date"))) {
            mvc.perform(bad.with(fixture.signedIn(org.alice())).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("is-invalid")))
                    .andExpect(content().string(containsString("Please correct the fields marked below.")));
        }
        assertThat(tokens.tokens(org.alice())).isEmpty();
    }
}
