package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.People;
import io.licencedesk.accounts.Role;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in sends each role home, refuses bad passwords, tells a disabled account so only when its password is right,
 * slows down guessing, and keeps the session in the database.
 */
@IntegrationTest
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    People people;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = organisations.create();
    }

    @Test
    void sendsStaffToTheConsoleAndClientsToThePortal() throws Exception {
        mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.manager().email())
                        .password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().userParameter("email").user(org.alice().email()).password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/portal"));
    }

    /**
     * The page asked for before signing in (decision 0127) is followed into the person's own side only: a client's
     * portal page after a member of staff signs in on the same browser answered them "forbidden", as a console page
     * does a client; an address of another site, or one that is not read, is not followed.
     */
    @Test
    void returnsToThePageAskedForOnThePersonsOwnSideOnly() throws Exception {
        for (String[] asked : new String[][] {
            {org.manager().email(), "/licences?q=acme", "/licences?q=acme"},
            {org.manager().email(), "/portal/invoices", "/"},
            {org.manager().email(), "//evil.test/x", "/"},
            {org.manager().email(), "/\\evil.test", "/"},
            // A browser drops tabs and line breaks from an address: "/\t/evil.test" is read as "//evil.test".
            {org.manager().email(), "/\t/evil.test", "/"},
            {org.manager().email(), "/\n/evil.test", "/"},
            {org.alice().email(), "/portal\r\n/\t/evil.test", "/portal"},
            {org.manager().email(), " //evil.test", "/"},
            {org.alice().email(), "/portal/invoices?page=2", "/portal/invoices?page=2"},
            {org.alice().email(), "/licences", "/portal"}
        }) {
            Cookie returnTo = new Cookie(
                    ReturnAfterSignIn.COOKIE,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(asked[1].getBytes(StandardCharsets.UTF_8)));
            mvc.perform(signIn(asked[0], TestOrganisation.PASSWORD, "10.0.0.31").cookie(returnTo))
                    .andExpect(redirectedUrl(asked[2]));
        }
        mvc.perform(signIn(org.manager().email(), TestOrganisation.PASSWORD, "10.0.0.31")
                        .cookie(new Cookie(ReturnAfterSignIn.COOKIE, "not*base64")))
                .andExpect(redirectedUrl("/"));
    }

    /** The demo's accounts are listed only by the embedded demo (DemoSignInsBrowserTests): not here, demo off. */
    @Test
    void showsNoDemoAccountsWithoutTheDemo() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in to LicenceDesk")))
                .andExpect(content().string(not(containsString("demo-sign-ins"))))
                .andExpect(content().string(not(containsString("demo-admin"))));
    }

    @Test
    void refusesAWrongPasswordAndUnknownUsers() throws Exception {
        mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.manager().email())
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?failed"));
        mvc.perform(formLogin()
                        .userParameter("email")
                        .user("nobody@example.test")
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?failed"));
    }

    @Test
    void tellsADisabledAccountSoOnlyWhenItsPasswordIsRight() throws Exception {
        people.disableClient(org.owner(), org.alice().userId());
        people.disable(org.owner(), org.manager().userId());

        mvc.perform(formLogin().userParameter("email").user(org.alice().email()).password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?failed"));
        mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.manager().email())
                        .password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?failed"));
        mvc.perform(get("/login").param("failed", ""))
                .andExpect(content().string(containsString("Wrong e-mail or password.")))
                .andExpect(content().string(not(containsString("disabled"))));

        mvc.perform(formLogin().userParameter("email").user(org.alice().email()).password(TestOrganisation.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?disabled=client"));
        mvc.perform(get("/login").param("disabled", "client"))
                .andExpect(content()
                        .string(containsString(
                                "This account is disabled. Ask your account manager to enable it again.")))
                .andExpect(content().string(not(containsString("Wrong e-mail or password."))));
        mvc.perform(get("/login").param("disabled", "client").header("Accept-Language", "fr"))
                .andExpect(content()
                        .string(containsString(
                                "Ce compte est désactivé. Demandez à votre chargé de compte de le réactiver.")));

        mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.manager().email())
                        .password(TestOrganisation.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?disabled=staff"));
        mvc.perform(get("/login").param("disabled", "staff"))
                .andExpect(content()
                        .string(containsString(
                                "This account is disabled. Ask an owner of your organisation to enable it again.")));

        people.enableClient(org.owner(), org.alice().userId());
        mvc.perform(formLogin().userParameter("email").user(org.alice().email()).password(TestOrganisation.PASSWORD))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/portal"));
    }

    @Test
    void countsADisabledAccountsSignInWithTheRightPasswordAsAFailure() throws Exception {
        people.disableClient(org.owner(), org.alice().userId());
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(formLogin()
                            .userParameter("email")
                            .user(org.alice().email())
                            .password(TestOrganisation.PASSWORD))
                    .andExpect(redirectedUrl("/login?disabled=client"));
        }
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where organisation_id = :org and action = 'SIGN_IN_FAILED' and subject_id = :alice
                        """)
                        .param("org", org.id())
                        .param("alice", org.alice().userId())
                        .query(Long.class)
                        .single())
                .as("each refused sign-in in the audit log")
                .isEqualTo(10);

        mvc.perform(formLogin().userParameter("email").user(org.alice().email()).password(TestOrganisation.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrlPattern("/login?tooMany=*"));
    }

    @Test
    void refusesADisabledOwnersRightPasswordOnTheMetricsEndpointsHttpBasic() throws Exception {
        people.changeRole(org.owner(), org.manager().userId(), Role.OWNER);
        people.disable(org.owner(), org.manager().userId());

        mvc.perform(get("/actuator/prometheus").with(httpBasic(org.manager().email(), TestOrganisation.PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(org.owner().email(), TestOrganisation.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void refusesEvenTheRightPasswordOnceAnAddressHasFailedTenTimes() throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(formLogin()
                            .userParameter("email")
                            .user(org.manager().email())
                            .password("wrong " + attempt))
                    .andExpect(redirectedUrl("/login?failed"));
        }

        String refused = mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.manager().email().toUpperCase(Locale.ROOT))
                        .password(TestOrganisation.PASSWORD))
                .andExpect(unauthenticated())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(refused).matches("/login\\?tooMany=\\d+");
        int wait = Integer.parseInt(refused.substring(refused.indexOf('=') + 1));
        assertThat(wait).as("seconds until the next attempt: 15 minutes / 10").isBetween(1, 90);
        mvc.perform(get(refused))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Too many sign-in attempts. Try again in "
                                + (wait < 60 ? wait + " s." : (wait + 59) / 60 + " min."))));
        mvc.perform(formLogin().userParameter("email").user(org.owner().email()).password(TestOrganisation.PASSWORD))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void letsTheRightPasswordInFromAnotherAddressWhileAGuesserIsHeldBack() throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(signIn(org.manager().email(), "wrong " + attempt, "10.0.0.7"))
                    .andExpect(redirectedUrl("/login?failed"));
        }
        mvc.perform(signIn(org.manager().email(), "wrong 11", "10.0.0.7"))
                .andExpect(redirectedUrlPattern("/login?tooMany=*"));

        mvc.perform(signIn(org.manager().email(), TestOrganisation.PASSWORD, "10.0.0.8"))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void letsTheRightPasswordInFromTheGuessersAddressWithTheDeviceCookieOfAnEarlierSignIn() throws Exception {
        Cookie device = mvc.perform(signIn(org.alice().email(), TestOrganisation.PASSWORD, "10.0.0.7"))
                .andExpect(authenticated())
                .andReturn()
                .getResponse()
                .getCookie("SIGN_IN_DEVICE");
        assertThat(device).as("the device cookie of a sign-in").isNotNull();
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(signIn(org.alice().email(), "wrong " + attempt, "10.0.0.7"))
                    .andExpect(redirectedUrl("/login?failed"));
        }

        for (String password : new String[] {"wrong 11", TestOrganisation.PASSWORD}) {
            mvc.perform(signIn(org.alice().email(), password, "10.0.0.7"))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrlPattern("/login?tooMany=*"));
        }
        mvc.perform(signIn(org.alice().email(), TestOrganisation.PASSWORD, "10.0.0.7")
                        .cookie(device))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/portal"));
    }

    @Test
    void remembersTheBrowserWithACookieThatScriptsCannotReadSentToTheSignInOnly() throws Exception {
        var response = mvc.perform(signIn(org.owner().email(), TestOrganisation.PASSWORD, "10.0.0.9")
                        .secure(true))
                .andExpect(authenticated())
                .andReturn()
                .getResponse();

        assertThat(response.getHeaders("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("SIGN_IN_DEVICE="))
                .singleElement()
                .asString()
                .contains("Path=/login", "Max-Age=15552000", "Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void limitsAnAddressWithoutAnAccountTheSameWay() throws Exception {
        String nobody = "nobody-" + org.owner().userId() + "@example.test";
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(formLogin().userParameter("email").user(nobody).password("wrong"))
                    .andExpect(redirectedUrl("/login?failed"));
        }

        mvc.perform(formLogin().userParameter("email").user(nobody).password("wrong"))
                .andExpect(redirectedUrlPattern("/login?tooMany=*"));
    }

    @Test
    void limitsPasswordGuessesThroughTheMetricsEndpointsHttpBasicToo() throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(get("/actuator/prometheus").with(httpBasic(org.owner().email(), "wrong " + attempt)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/actuator/prometheus").with(httpBasic(org.owner().email(), TestOrganisation.PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")));
        mvc.perform(formLogin().userParameter("email").user(org.owner().email()).password(TestOrganisation.PASSWORD))
                .andExpect(redirectedUrlPattern("/login?tooMany=*"));
    }

    @Test
    void aScraperPastTheLimitIsToldTheWaitInPlainTextAndABrowserGetsTheErrorPage() throws Exception {
        String scraper = "scraper-" + org.owner().userId() + "@example.test";
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(get("/actuator/prometheus").with(httpBasic(scraper, "wrong " + attempt)))
                    .andExpect(status().isUnauthorized());
        }

        // What Prometheus sends; the answer was Tomcat's error dispatch, the whole HTML error page (decision 0163).
        mvc.perform(get("/actuator/prometheus")
                        .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                        .with(httpBasic(scraper, "wrong again")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")))
                .andExpect(content().contentType("text/plain;charset=UTF-8"))
                .andExpect(content().string(matchesPattern("Too many sign-in attempts\\. Try again in \\d+ s\\.\n")));
        mvc.perform(get("/actuator/prometheus").header("Accept-Language", "fr").with(httpBasic(scraper, "wrong again")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content()
                        .string(matchesPattern("Trop de tentatives de connexion\\. Réessayez dans \\d+\u00a0s\\.\n")));
        mvc.perform(get("/actuator/prometheus")
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .with(httpBasic(scraper, "wrong again")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")))
                .andExpect(result -> assertThat(result.getResponse().getErrorMessage())
                        .as("the browser's answer goes through the error page")
                        .isEqualTo("Too many sign-in attempts"));
    }

    @Test
    void forgedSignInsWithoutTheCsrfTokenCountNothing() throws Exception {
        for (int attempt = 1; attempt <= 11; attempt++) {
            mvc.perform(post("/login").param("email", org.owner().email()).param("password", "wrong"))
                    .andExpect(status().isForbidden());
        }

        mvc.perform(formLogin().userParameter("email").user(org.owner().email()).password(TestOrganisation.PASSWORD))
                .andExpect(authenticated());
    }

    /** A wait of a minute or more is said in minutes, rounded up; a shorter one in seconds. */
    @Test
    void saysAWaitOfAMinuteOrMoreInMinutes() throws Exception {
        Map<String, String> english = new LinkedHashMap<>();
        english.put("873", "Try again in 15 min.");
        english.put("900", "Try again in 15 min.");
        english.put("60", "Try again in 1 min.");
        english.put("61", "Try again in 2 min.");
        english.put("59", "Try again in 59 s.");
        english.put("5", "Try again in 5 s.");
        for (var wait : english.entrySet()) {
            mvc.perform(get("/login").param("tooMany", wait.getKey()).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Too many sign-in attempts. " + wait.getValue())));
        }
        mvc.perform(get("/login").param("tooMany", "873").header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Réessayez dans 15\u00a0min.")));
        mvc.perform(get("/login").param("tooMany", "42").header("Accept-Language", "fr"))
                .andExpect(content().string(containsString("Réessayez dans 42\u00a0s.")));
    }

    @Test
    void ignoresAWaitInTheAddressThatIsNotANumber() throws Exception {
        mvc.perform(get("/login").param("tooMany", "<b>soon</b>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Too many sign-in attempts"))))
                .andExpect(content().string(not(containsString("<b>soon</b>"))));
    }

    @Test
    void sendsSomeoneAlreadySignedInHomeFromTheSignInPage() throws Exception {
        mvc.perform(get("/login")
                        .with(user(users.loadUserByUsername(org.manager().email()))))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void showsTheEmailOfAFailedSignInAgainOnceButNeverThePassword() throws Exception {
        // The address is kept in a cookie only the sign-in page is sent, as a browser sends it back: no session.
        var refused = mvc.perform(post("/login")
                        .param("email", org.manager().email())
                        .param("password", "wrong horse")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?failed"))
                .andReturn()
                .getResponse();
        assertThat(refused.getCookie("SESSION")).isNull();
        Cookie kept = refused.getCookie(SignInEmail.COOKIE);

        var shown = mvc.perform(get("/login").param("failed", "").cookie(kept))
                .andExpect(content()
                        .string(containsString("value=\"" + org.manager().email() + "\"")))
                .andExpect(content().string(not(containsString("wrong horse"))))
                .andReturn()
                .getResponse();
        assertThat(shown.getCookie(SignInEmail.COOKIE).getMaxAge()).isZero();
        mvc.perform(get("/login"))
                .andExpect(content()
                        .string(not(containsString("value=\"" + org.manager().email() + "\""))));
    }

    @Test
    void keepsSessionsInTheDatabase() throws Exception {
        long before = jdbc.sql("select count(*) from spring_session")
                .query(Long.class)
                .single();
        var signedIn = mvc.perform(formLogin()
                        .userParameter("email")
                        .user(org.owner().email())
                        .password(TestOrganisation.PASSWORD))
                .andReturn();
        long after = jdbc.sql("select count(*) from spring_session")
                .query(Long.class)
                .single();
        assertThat(after).isGreaterThan(before);
        var principal = jdbc.sql("select count(*) from spring_session where principal_name = :email")
                .param("email", org.owner().email())
                .query(Long.class)
                .single();
        assertThat(principal).isEqualTo(1);
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void sendsTheHomePageToEachRolesPlace() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    /**
     * "Sign out" on a page whose session had ended was refused as an expired form ("send the form again"): it signs the
     * browser out, which it already was, and says so (decision 0123). A signed-in session's sign-out with a wrong form
     * token is still refused and leaves it signed in, and one without any token is still "not sent from a page".
     */
    @Test
    void signingOutOfAnEndedSessionSaysSignedOutAndAWrongTokenSignsNobodyOut() throws Exception {
        mvc.perform(post("/logout").with(csrf().useInvalidToken()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?signedOut"));

        mvc.perform(post("/logout")
                        .with(user(users.loadUserByUsername(org.manager().email())))
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden())
                .andExpect(authenticated());
        var noToken =
                mvc.perform(post("/logout")).andExpect(status().isForbidden()).andReturn();
        assertThat(noToken.getRequest().getAttribute(ViewAsRefusals.REFUSAL)).isEqualTo("noFormToken");
    }

    private static MockHttpServletRequestBuilder signIn(String email, String password, String address) {
        return post("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}
