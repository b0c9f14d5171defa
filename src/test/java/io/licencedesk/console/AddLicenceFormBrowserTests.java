package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad input on the Add licence form: a message beside the field, the input kept (as text), nothing saved. */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class AddLicenceFormBrowserTests {

    static final String NAME_TAGS = "<script>alert('name')</script>";
    static final String NOTE_TAGS = "Lobby <img src=x onerror=alert('note')>";
    static final String PLAIN_TEXT_ONLY = "Remove the HTML tags: only plain text is allowed.";
    static final String SCREENS_RANGE = "Enter a number of screens from 1 to 10,000.";

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    final SignIn signIn = new SignIn();
    final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        fixture.monthlyPlan(org);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("Name", "", "", "1", "Enter a name."),
                Arguments.of("Screens", "Lobby", "", "0", SCREENS_RANGE),
                Arguments.of("Screens", "Lobby", "", "-1", SCREENS_RANGE),
                Arguments.of("Screens", "Lobby", "", "10001", SCREENS_RANGE),
                Arguments.of("Screens", "Lobby", "", "abc", "Enter a whole number of screens from 1 to 10,000."),
                Arguments.of("Name", NAME_TAGS, "", "1", PLAIN_TEXT_ONLY),
                Arguments.of("Note (optional)", "Lobby", NOTE_TAGS, "1", PLAIN_TEXT_ONLY));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" \"{2}\" \"{3}\"")
    @MethodSource("badInput")
    void refusesBadInputBesideTheFieldAndSavesNothing(
            String field, String name, String note, String screens, String message, Page page) {
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        signIn.as(page, org.manager().email());
        page.navigate("/licences/new");

        page.getByLabel("Plan").selectOption(new SelectOption().setLabel("Monthly — €10.00 per screen, 1 month"));
        page.getByLabel("Name").fill(name);
        page.getByLabel("Note (optional)").fill(note);
        page.getByLabel("Screens").fill(screens);
        button(page, "Save").click();

        Locator invalid = page.getByLabel(field);
        assertThat(invalid).hasAttribute("aria-invalid", "true");
        assertThat(invalid).hasAccessibleDescription(message);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Please correct the fields marked below.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add licence")))
                .isVisible();
        // What was typed comes back as text in the field, never as markup in the page.
        assertThat(page.getByLabel("Name")).hasValue(name);
        assertThat(page.getByLabel("Note (optional)")).hasValue(note);
        assertThat(page.getByLabel("Screens")).hasValue(screens);
        if (name.equals(NAME_TAGS)) {
            Screenshots.save(page, "add-licence-refused.png");
        }
        Assertions.assertThat(dialogs).isEmpty();
        Assertions.assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .count())
                .isZero();
    }

    /**
     * A client refused by the server (here one of no organisation of the caller's, as a client removed meanwhile or a
     * hand-made form would send) is named on the client box's own field, the one a screen reader meets.
     */
    @Test
    void aRefusedClientIsDescribedOnTheClientBox(Page page) {
        signIn.as(page, org.manager().email());
        page.navigate("/licences/new");
        page.getByLabel("Name").fill("Lobby");
        page.getByLabel("Screens").fill("1");
        page.getByLabel("Plan").selectOption(new SelectOption().setLabel("Monthly — €10.00 per screen, 1 month"));
        page.evaluate("() => { const box = document.querySelector('select#clientId').tomselect;"
                + " box.addOption({id: '999999999', label: 'Gone'}); box.setValue('999999999'); }");
        button(page, "Save").click();

        Locator clientBox = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Client"));
        assertThat(clientBox).hasAttribute("aria-invalid", "true");
        assertThat(clientBox).hasAccessibleDescription("Choose one of your clients.");
        // The keyboard starts at the field to correct, and its list stays shut over the form until asked for.
        assertThat(clientBox).isFocused();
        assertThat(page.locator(".ts-dropdown")).isHidden();
        Assertions.assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                        .count())
                .isZero();
    }

    /** The fields take no more than the server keeps (200 and 2,000 characters; ConsoleLicenceFormIntegrationTests). */
    @Test
    void fieldsTakeAsManyCharactersAsTheServerKeeps(Page page) {
        signIn.as(page, org.manager().email());
        page.navigate("/licences/new");

        page.getByLabel("Name").fill("x".repeat(300));
        page.getByLabel("Note (optional)").fill("y".repeat(2_100));

        assertThat(page.getByLabel("Name")).hasValue("x".repeat(200));
        assertThat(page.getByLabel("Note (optional)")).hasValue("y".repeat(2_000));
    }

    /**
     * Save clicked again before its answer came (a double click, an impatient second click) posts the form once: the
     * browser would drop the first answer, but the server would have added its licence all the same. The answer is held
     * back until the second click, as on a slow connection.
     */
    @Test
    void saveClickedAgainBeforeItsAnswerPostsOnce(Page page) {
        TestOrganisation ownOrganisation = organisations.create();
        fixture.monthlyPlan(ownOrganisation);
        signIn.as(page, ownOrganisation.manager().email());
        page.navigate("/licences/new");
        page.getByLabel("Plan").selectOption(new SelectOption().setLabel("Monthly — €10.00 per screen, 1 month"));
        page.getByLabel("Name").fill("Lobby");
        page.getByLabel("Screens").fill("2");
        List<Route> posts = new ArrayList<>();
        AtomicBoolean answered = new AtomicBoolean();
        page.route(url -> url.endsWith("/licences"), route -> {
            if (!route.request().method().equals("POST")) {
                route.resume();
            } else {
                posts.add(route);
                if (answered.get()) {
                    route.resume();
                }
            }
        });

        // Clicked by the page itself: Playwright's own click would wait for the first answer, which a person does not.
        page.waitForConsoleMessage(
                new Page.WaitForConsoleMessageOptions()
                        .setPredicate(message -> message.text().equals("clicked again")),
                () -> page.evaluate("() => { const save = document.querySelector('main form button[type=submit]');"
                        + " save.click(); setTimeout(() => { save.click(); console.log('clicked again'); }, 50); }"));
        answered.set(true);
        posts.forEach(route -> {
            try {
                route.resume();
            } catch (PlaywrightException cancelledByTheSecondClick) {
                // The browser gave up this post for the second one.
            }
        });

        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lobby")))
                .hasCount(1);
        Assertions.assertThat(posts).hasSize(1);
        Assertions.assertThat(
                        licences.list(ownOrganisation.manager(), LicenceFilter.none(), LicencePageRequest.first(10))
                                .count())
                .isEqualTo(1);
    }

    @AfterEach
    void noScriptRan() {
        Assertions.assertThat(dialogs).as("alerts raised by injected markup").isEmpty();
    }
}
