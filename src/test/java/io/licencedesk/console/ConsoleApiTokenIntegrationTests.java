package io.licencedesk.console;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiToken;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff make API tokens on their console page and revoke them there: a token made on the page works on the REST API at
 * once, its secret is shown on the next page only, and a revoked one is refused from the next request. Nobody else
 * sees or revokes a person's tokens; bad input is refused beside its field and makes nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConsoleApiTokenIntegrationTests {

    static final Pattern SECRET = Pattern.compile("ldk_live_[A-Za-z0-9_-]{43}");
    static final Pattern REVOKE = Pattern.compile("/api-tokens/(\\d+)/revoke");

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

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
        var post = post("/api-tokens").param("name", name).param("access", access);
        return expiresOn == null ? post : post.param("expiresOn", expiresOn);
    }

    MvcResult made(Caller caller, String name) throws Exception {
        return mvc.perform(make(name, "READ_ONLY", null)
                        .with(fixture.signedIn(caller))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your new token")))
                .andReturn();
    }

    String page(Caller caller) throws Exception {
        return mvc.perform(get("/api-tokens").with(fixture.signedIn(caller)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static String secretIn(String html) {
        Matcher secret = SECRET.matcher(html);
        assertThat(secret.find()).as("a token's secret on the page").isTrue();
        return secret.group();
    }

    int apiStatus(String token) throws Exception {
        return mvc.perform(get("/api/v1/licences").with(bearer(token)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void makesATokenThatWorksOnTheApiAtOnceAndIsRefusedOnceRevoked() throws Exception {
        var signedIn = fixture.signedIn(org.manager());
        MvcResult made = mvc.perform(make("Shop (production)", "READ_WRITE", null)
                        .with(signedIn)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("newToken"))
                .andExpect(model().attribute(
                                "toast", "Token “Shop (production)” made. Copy it now: it is shown only this once."))
                .andReturn();

        String shown = made.getResponse().getContentAsString();
        assertThat(shown).contains("Your new token “Shop (production)”").contains("it will not be shown again");
        String secret = secretIn(shown);
        assertThat(shown).contains("data-copy=\"" + secret + "\"");

        assertThat(apiStatus(secret)).isEqualTo(200);

        ApiToken listed = tokens.tokens(org.manager()).get(0);
        assertThat(secret).startsWith(listed.prefix());
        assertThat(listed.access()).isEqualTo(ApiAccess.READ_WRITE);
        assertThat(listed.lastUsedAt()).isNotNull();
        String list = page(org.manager());
        assertThat(list).doesNotContain(secret).contains(listed.prefix() + "…", "Read and write", "Active");
        assertThat(list).contains(" from ", "Never"); // last used from an address; expires never
        Matcher revoke = REVOKE.matcher(list);
        assertThat(revoke.find()).isTrue();

        mvc.perform(post(revoke.group()).with(signedIn).with(csrf()))
                .andExpect(redirectedUrl("/api-tokens"))
                .andExpect(flash().attribute(
                                "toast",
                                "Token “Shop (production)” revoked: programs that use it are refused from their next"
                                        + " request."));

        assertThat(apiStatus(secret)).isEqualTo(401);
        assertThat(page(org.manager())).contains("Revoked").doesNotContain("/revoke\"");
    }

    @Test
    void showsTheSecretOnceInTheAnswerAndNeverKeepsOrLogsIt(CapturedOutput output) throws Exception {
        var signedIn = fixture.signedIn(org.owner());
        // Spring's TRACE logging prints requests, models and session attributes: on, it still shows no secret.
        var logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("org.springframework.web", "org.springframework.session", "org.thymeleaf");
        loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
        MvcResult made;
        try {
            made = mvc.perform(make("CRM", "READ_ONLY", null).with(signedIn).with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn();
        } finally {
            loggers.forEach(logger -> logging.setLogLevel(logger, null));
        }
        assertThat(output.getAll())
                .as("TRACE logging was on")
                .contains("Mapped to io.licencedesk.console.ConsoleApiTokenController#issue");
        String secret = secretIn(made.getResponse().getContentAsString());
        // Before the page is asked for again: the session store (the database) never held the secret. As a flash
        // attribute for the page after a redirect it did, until that page was read (decision 0159).
        List<byte[]> sessionAttributes = jdbc.sql("select attribute_bytes from spring_session_attributes")
                .query(byte[].class)
                .list();
        assertThat(sessionAttributes)
                .noneMatch(bytes -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret));
        String reloaded = page(org.owner());

        assertThat(reloaded)
                .doesNotContain(secret)
                .doesNotContain("Your new token")
                .contains("CRM");
        assertThat(made.getResponse().getHeaderNames())
                .allSatisfy(header ->
                        assertThat(made.getResponse().getHeaders(header)).noneMatch(value -> value.contains(secret)));
        assertThat(jdbc.sql("select count(*) from api_token where secret_hash = ? or prefix = ?")
                        .param(secret)
                        .param(secret)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(output.getAll()).doesNotContain(secret);
        assertThat(made.getModelAndView().getModel().get("newToken").toString()).doesNotContain(secret);
    }

    @Test
    void listsNameAccessLastDayAndStatusOfEachOwnTokenNewestFirst() throws Exception {
        LocalDate lastDay = LocalDate.now(clock).plusDays(30);
        mvc.perform(make("Accounting", "READ_WRITE", lastDay.toString())
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(status().isOk());
        made(org.owner(), "Reports");
        tokens.revoke(
                org.owner(),
                tokens.issue(org.owner(), new NewApiToken("Old script", ApiAccess.READ_ONLY, null))
                        .token()
                        .id());
        long expired = tokens.issue(
                        org.owner(),
                        new NewApiToken(
                                "Trial export",
                                ApiAccess.READ_ONLY,
                                LocalDate.now(clock).plusDays(1)))
                .token()
                .id();
        jdbc.sql("update api_token set expires_at = ? where id = ?")
                .param(java.sql.Timestamp.from(clock.instant().minusSeconds(3600)))
                .param(expired)
                .update();
        tokens.issue(org.manager(), new NewApiToken("Manager's own", ApiAccess.READ_ONLY, null));

        String page = page(org.owner());

        String after = "After " + lastDay.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
        assertThat(page)
                .containsSubsequence(
                        "Trial export",
                        "Expired",
                        "Old script",
                        "Revoked",
                        "Reports",
                        "Read only",
                        "Never",
                        "Active",
                        "Accounting",
                        "Read and write",
                        after,
                        "Active");
        assertThat(page).doesNotContain("Manager&#39;s own").doesNotContain("Manager's own");
        assertThat(REVOKE.matcher(page).results().count())
                .as("a Revoke button on each active token")
                .isEqualTo(2);
    }

    @Test
    void opensForOwnersAndAccountManagersFromTheirMenuAndForOwnersFromSettings() throws Exception {
        for (Caller staff : List.of(org.owner(), org.manager())) {
            mvc.perform(get("/licences").with(fixture.signedIn(staff)))
                    .andExpect(content().string(containsString("href=\"/api-tokens\"")));
            assertThat(page(staff))
                    .contains("New token", "Authorization: Bearer ldk_live_…")
                    .doesNotContain("docs/api.md");
            assertTheDocumentationLinkOpens(page(staff), staff);
        }
        String settings = mvc.perform(get("/settings").with(fixture.signedIn(org.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(settings.split("Manage your API tokens", -1))
                .as("one link on Settings")
                .hasSize(2);
    }

    private static final Pattern DOCUMENTATION_LINK = Pattern.compile("<a href=\"([^\"]+)\">API documentation</a>");

    /**
     * The page points to the documentation the server serves (a repository's file is nowhere a user of a running
     * server can open): the link's address answers the Swagger UI to its reader, and to someone not signed in.
     */
    void assertTheDocumentationLinkOpens(String page, Caller reader) throws Exception {
        Matcher link = DOCUMENTATION_LINK.matcher(page);
        assertThat(link.find()).as("a link to the API documentation").isTrue();
        assertThat(link.group(1)).isEqualTo("/swagger-ui/index.html");
        for (var request : List.of(get(link.group(1)).with(fixture.signedIn(reader)), get(link.group(1)))) {
            mvc.perform(request).andExpect(status().isOk()).andExpect(content().string(containsString("swagger-ui")));
        }
    }

    @Test
    void refusesAnonymousUsersClientsAndForgedPostsAndMakesNothing() throws Exception {
        long owners = tokens.issue(org.owner(), new NewApiToken("Owner's", ApiAccess.READ_ONLY, null))
                .token()
                .id();
        Supplier<List<MockHttpServletRequestBuilder>> requests = () -> List.of(
                get("/api-tokens"), make("Sneaky", "READ_WRITE", null), post("/api-tokens/{id}/revoke", owners));

        for (var request : requests.get()) {
            mvc.perform(request.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        for (var request : requests.get()) {
            mvc.perform(request.with(fixture.signedIn(org.alice())).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        for (var withoutCsrf : requests.get().subList(1, 3)) {
            mvc.perform(withoutCsrf.with(fixture.signedIn(org.owner()))).andExpect(status().isForbidden());
        }

        assertThat(tokens.tokens(org.owner()))
                .singleElement()
                .satisfies(token -> assertThat(token.revoked()).isFalse());
        assertThat(tokens.tokens(org.alice())).isEmpty();
    }

    @Test
    void revokesNobodyElsesTokenAndAnswersNotFound() throws Exception {
        long owners = tokens.issue(org.owner(), new NewApiToken("Owner's", ApiAccess.READ_ONLY, null))
                .token()
                .id();
        long clients = tokens.issue(org.alice(), new NewApiToken("Alice's", ApiAccess.READ_ONLY, null))
                .token()
                .id();
        for (Caller stranger : List.of(org.manager(), other.owner(), other.manager())) {
            for (long id : new long[] {owners, clients, Long.MAX_VALUE}) {
                mvc.perform(post("/api-tokens/{id}/revoke", id)
                                .with(fixture.signedIn(stranger))
                                .with(csrf()))
                        .andExpect(status().isNotFound())
                        .andExpect(content().string(containsString("Not found")));
            }
            assertThat(page(stranger)).doesNotContain("Owner&#39;s").doesNotContain("Alice&#39;s");
        }

        assertThat(tokens.tokens(org.owner()))
                .singleElement()
                .satisfies(token -> assertThat(token.revoked()).isFalse());
        assertThat(tokens.tokens(org.alice()))
                .singleElement()
                .satisfies(token -> assertThat(token.revoked()).isFalse());
    }

    @Test
    void refusesBadInputBesideItsFieldAndMakesNothing() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String after = "Choose a last day after today, or none.";
        Map<MockHttpServletRequestBuilder, Map<String, String>> cases = Map.ofEntries(
                Map.entry(make("", "READ_ONLY", null), Map.of("name", "Give the token a name")),
                Map.entry(make("   ", "READ_ONLY", ""), Map.of("name", "Give the token a name")),
                Map.entry(make("x".repeat(101), "READ_ONLY", null), Map.of("name", "Keep the name to 100 characters.")),
                Map.entry(make("Bell\u0007", "READ_ONLY", null), Map.of("name", "Remove the control characters")),
                Map.entry(make("Shop\0", "READ_ONLY", null), Map.of("name", "Remove the control characters")),
                Map.entry(make("<b>Shop</b>", "READ_ONLY", null), Map.of("name", "Remove the HTML tags")),
                Map.entry(make("Shop", "READ_ONLY", today.minusDays(1).toString()), Map.of("expiresOn", after)),
                Map.entry(make("Shop", "READ_ONLY", today.toString()), Map.of("expiresOn", after)),
                Map.entry(make("Shop", "READ_ONLY", "31/12/2027"), Map.of("expiresOn", "Enter a date such as")),
                Map.entry(make("Shop", "READ_ONLY", "2027-02-30"), Map.of("expiresOn", "Enter a date such as")),
                Map.entry(make("Shop", "READ_ONLY", "+300000-01-01"), Map.of("expiresOn", "Enter a date such as")),
                Map.entry(make("Shop", "READ_ONLY", "+999999999-12-31"), Map.of("expiresOn", "Enter a date such as")),
                Map.entry(make("Shop", "READ_ONLY", "9".repeat(40)), Map.of("expiresOn", "Enter a date such as")),
                Map.entry(make("Shop", "ADMIN", null), Map.of("access", "Choose read only, or read and write.")),
                Map.entry(post("/api-tokens").param("name", "Shop"), Map.of("access", "Choose read only")),
                // Every field's error at once, those accounts gives (the last day) beside the form's own.
                Map.entry(
                        make("", "READ_ONLY", today.toString()),
                        Map.of("name", "Give the token a name", "expiresOn", after)),
                Map.entry(
                        make("<b>Shop</b>", "ADMIN", today.plusYears(11).toString()),
                        Map.of(
                                "name",
                                "Remove the HTML tags",
                                "access",
                                "Choose read only",
                                "expiresOn",
                                "Choose a last day")),
                Map.entry(
                        make("", "read_write", "tomorrow"),
                        Map.of(
                                "name",
                                "Give the token a name",
                                "access",
                                "Choose read only",
                                "expiresOn",
                                "Enter a date")));

        for (var bad : cases.entrySet()) {
            FieldErrors.expectExactly(
                    mvc, bad.getKey().with(fixture.signedIn(org.manager())).with(csrf()), bad.getValue());
        }

        assertThat(tokens.tokens(org.manager())).isEmpty();
    }

    @Test
    void keepsWhatWasTypedWhenRefused() throws Exception {
        mvc.perform(make("Nightly export", "READ_WRITE", "2000-01-01")
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Nightly export\"")))
                .andExpect(content().string(containsString("value=\"2000-01-01\"")))
                .andExpect(content().string(not(containsString("Your new token"))));
    }
}
