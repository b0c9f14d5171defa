package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The language of a page (decision 0053): the signed-in person's choice, else the switch's cookie, else the browser's
 * Accept-Language among English and French, else British English. Only a client changes their own choice.
 */
@IntegrationTest
class LanguageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    UserLanguages languages;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguageAmongThoseSpokenHere() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("Sign in to LicenceDesk")))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
        mvc.perform(get("/login").header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.8"))
                .andExpect(content().string(containsString("Connexion à LicenceDesk")))
                .andExpect(content().string(containsString("<html lang=\"fr\"")));
        mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9,fr;q=0.5"))
                .andExpect(content().string(containsString("Connexion à LicenceDesk")));
        mvc.perform(get("/login").header("Accept-Language", "en-US,fr;q=0.5"))
                .andExpect(content().string(containsString("Sign in to LicenceDesk")));
        mvc.perform(get("/login").header("Accept-Language", "de, es"))
                .andExpect(content().string(containsString("Sign in to LicenceDesk")));
    }

    @Test
    void theSwitchBeforeSigningInIsKeptInACookie() throws Exception {
        mvc.perform(get("/login").param("lang", "fr"))
                .andExpect(cookie().value(UserLocaleResolver.COOKIE, "fr"))
                .andExpect(content().string(containsString("Connexion à LicenceDesk")));
        mvc.perform(get("/login")
                        .cookie(new Cookie(UserLocaleResolver.COOKIE, "fr"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Connexion à LicenceDesk")));
        mvc.perform(get("/login").param("lang", "xx-not-a-language"))
                .andExpect(status().isOk())
                .andExpect(cookie().doesNotExist(UserLocaleResolver.COOKIE))
                .andExpect(content().string(containsString("Sign in to LicenceDesk")));
        mvc.perform(get("/login").cookie(new Cookie(UserLocaleResolver.COOKIE, "de")))
                .andExpect(content().string(containsString("Sign in to LicenceDesk")));
    }

    @Test
    void aClientsChoiceWinsOverTheirBrowser() throws Exception {
        mvc.perform(post("/portal/profile/language")
                        .param("language", "fr")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/profile"))
                .andExpect(flash().attribute("toast", "Votre langue est enregistrée."));
        assertThat(languages.chosen(org.alice())).contains(Language.FR);
        assertThat(languages.forClient(org.id(), org.alice().userId())).isEqualTo(Locale.FRANCE);
        assertThat(languages.chosen(org.bob())).isEmpty();

        mvc.perform(get("/portal/profile").header("Accept-Language", "en-GB").with(fixture.signedIn(org.alice())))
                .andExpect(content().string(containsString("Votre profil")))
                .andExpect(content().string(containsString("<option value=\"fr\" lang=\"fr\" selected=\"selected\">")));
        mvc.perform(get("/portal/profile").with(fixture.signedIn(org.bob())))
                .andExpect(content().string(containsString("Your profile")));

        mvc.perform(post("/portal/profile/language")
                        .param("language", "")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/profile"));
        assertThat(languages.chosen(org.alice())).isEmpty();
        assertThat(languages.forClient(org.id(), org.alice().userId())).isEqualTo(Locale.UK);
    }

    /**
     * A client who chose French in a browser asking for English was signed out to an English sign-in page, and "Forgot
     * your password?" was English too (decision 0176): their choice now becomes the switch's cookie as they sign out.
     */
    @Test
    void aChoiceInTheProfileOutlastsSigningOut() throws Exception {
        languages.choose(org.alice(), Language.FR);
        mvc.perform(post("/logout")
                        .header("Accept-Language", "en-GB")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?signedOut"))
                .andExpect(cookie().value(UserLocaleResolver.COOKIE, "fr"))
                // until the browser closes: the next person on a shared computer does not keep it for a year
                .andExpect(cookie().maxAge(UserLocaleResolver.COOKIE, -1));
        mvc.perform(get("/login")
                        .param("signedOut", "")
                        .header("Accept-Language", "en-GB")
                        .cookie(new Cookie(UserLocaleResolver.COOKIE, "fr")))
                .andExpect(content().string(containsString("Connexion à LicenceDesk")));

        mvc.perform(post("/logout")
                        .header("Accept-Language", "en-GB")
                        .with(fixture.signedIn(org.bob()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?signedOut"))
                .andExpect(cookie().doesNotExist(UserLocaleResolver.COOKIE));
    }

    /** "Browser's language" in the profile: a cookie left by the switch or a sign-out no longer decides (review). */
    @Test
    void choosingTheBrowsersLanguageForgetsTheCookie() throws Exception {
        languages.choose(org.alice(), Language.FR);
        mvc.perform(post("/portal/profile/language")
                        .param("language", "")
                        .header("Accept-Language", "en-GB")
                        .cookie(new Cookie(UserLocaleResolver.COOKIE, "fr"))
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/profile"))
                .andExpect(cookie().maxAge(UserLocaleResolver.COOKIE, 0))
                // and says so in the browser's language, as the page after it
                .andExpect(flash().attribute("toast", "Your language is saved."));
    }

    @Test
    void aLanguageNotSpokenHereIsRefusedAndChangesNothing() throws Exception {
        languages.choose(org.alice(), Language.FR);
        mvc.perform(post("/portal/profile/language")
                        .param("language", "de")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/profile"))
                .andExpect(flash().attribute("toastKind", "danger"));
        assertThat(languages.chosen(org.alice())).contains(Language.FR);
    }

    @Test
    void staffAnonymousUsersAndForgedPostsCannotChooseAClientsLanguage() throws Exception {
        mvc.perform(post("/portal/profile/language").param("language", "fr").with(csrf()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/portal/profile/language")
                        .param("language", "fr")
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/portal/profile/language").param("language", "fr").with(fixture.signedIn(org.alice())))
                .andExpect(status().isForbidden());
        assertThat(languages.chosen(org.alice())).isEmpty();
        assertThat(languages.chosen(org.manager())).isEmpty();
    }

    @Test
    void formErrorsAreInThePagesLanguage() throws Exception {
        mvc.perform(post("/portal/profile")
                        .param("name", "")
                        .header("Accept-Language", "fr")
                        .with(fixture.signedIn(org.alice()))
                        .with(csrf()))
                .andExpect(content().string(containsString("Saisissez votre nom.")))
                .andExpect(content().string(not(containsString("Enter your name."))));
    }
}
