package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Signing in through the sign-in page, as a person does. A test class that signs the same person in
 * for every test keeps one instance: the first test signs in with the form, later tests (each in a
 * fresh browser context) reuse that session's cookie, which spares a password hash and two pages.
 */
final class SignIn {

    private final Map<String, List<Cookie>> sessions = new HashMap<>();

    /** Signs in with the form, then remembers the session for the next test of the class. */
    void as(Page page, String email) {
        List<Cookie> session = sessions.get(email);
        if (session == null) {
            throughTheForm(page, email);
            sessions.put(email, page.context().cookies());
        } else {
            page.context().addCookies(session);
            page.navigate("/");
        }
    }

    /** From the dashboard, where staff start, to the licence list through the navigation. */
    static void toTheList(Page page) {
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Licences").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/licences$"));
    }

    static void throughTheForm(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }
}
