package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.Accessibility;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/** The licence list from the keyboard (decision 0054): one Tab stop a row, arrows to its controls, visible focus. */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class KeyboardBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    Plan monthly;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        for (int i = 1; i <= 3; i++) {
            licences.create(
                    org.manager(),
                    new NewLicence(
                            monthly.id(), "Screen " + i, null, 1, org.alice().userId()));
        }
    }

    void list(Page page) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(org.manager().email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        page.navigate("/licences");
    }

    /**
     * Waits until the client box has had its options and done with them: what tom-select does with an answer (opening
     * its list, taking the focus back) is done by then. It asks for them as it takes the focus (its preload), 250 ms
     * later, and on each search typed.
     */
    static void optionsAnswered(Page page) {
        page.waitForFunction("() => { const box = document.querySelector('.ts-wrapper');"
                + " return box.classList.contains('preloaded') && !box.classList.contains('loading'); }");
    }

    /**
     * Waits until the timers the page has set so far have run: tom-select takes the focus on its next turn, and the
     * page closes the list after a choice on its own. A timer set now runs after those set before it for as soon.
     */
    static void timersSetSoFarRun(Page page) {
        page.evaluate("() => new Promise(resolve => setTimeout(resolve))");
    }

    static Locator name(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void eachRowIsOneTabStopWithItsControlsOnTheArrows(Page page) {
        list(page);
        // Newest first: Screen 3, 2, 1.
        name(page, "Screen 3").focus();
        page.keyboard().press("Tab");
        assertThat(name(page, "Screen 2")).isFocused();
        page.keyboard().press("Tab");
        assertThat(name(page, "Screen 1")).isFocused();
        // The keys are told while the keyboard is in the table.
        assertThat(page.locator(".licence-table caption")).isVisible();

        page.keyboard().press("ArrowUp");
        assertThat(name(page, "Screen 2")).isFocused();
        page.keyboard().press("ArrowRight");
        Locator edit = page.getByTitle(Pattern.compile("^Edit ")).nth(1);
        assertThat(edit).isFocused();
        // The ring shows: a solid outline, not Bootstrap's faint shadow.
        assertThat(edit).hasCSS("outline-style", "solid");
        page.keyboard().press("End");
        assertThat(page.getByTitle(Pattern.compile("^Delete ")).nth(1)).isFocused();
        page.keyboard().press("Home");
        assertThat(page.locator(".select-licence").nth(1)).isFocused();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("[data-copy]").nth(1)).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#toasts .toast")).containsText("copied");

        // Its actions work from the keyboard: Delete opens its dialog, checked by axe while open.
        name(page, "Screen 2").focus();
        page.keyboard().press("End");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        page.waitForFunction("() => document.getElementById('delete-dialog').contains(document.activeElement)");
        Accessibility.check(page);
    }

    /**
     * The selection from the keyboard only: Space checks a row's box, Tab reaches the toolbar's actions, Enter opens
     * their question, Tab stays in it (it went to the browser's address bar from the last button), and Escape closes it with the focus back on the button that opened it.
     */
    @Test
    void theToolbarsQuestionsOpenKeepAndGiveBackTheFocusFromTheKeyboard(Page page) {
        list(page);
        name(page, "Screen 3").focus();
        page.keyboard().press("Home");
        Locator box = page.locator(".select-licence").first();
        assertThat(box).isFocused();
        page.keyboard().press("Space");
        assertThat(box).isChecked();
        assertThat(page.locator("#selection-count")).hasText("1 selected");

        for (String action : java.util.List.of("Pause", "Send invoices")) {
            Locator opener = page.locator("#selection-toolbar")
                    .getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName(action).setExact(true));
            assertThat(opener).isEnabled();
            opener.focus();
            page.keyboard().press("Enter");
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).isVisible();
            page.waitForFunction("() => document.querySelector('.modal.show').contains(document.activeElement)");
            for (int press = 0; press < 6; press++) {
                page.keyboard().press("Tab");
                Assertions.assertThat(page.evaluate(
                                "() => document.querySelector('.modal.show').contains(document.activeElement)"))
                        .as("Tab stays in the question of " + action)
                        .isEqualTo(true);
            }
            for (int press = 0; press < 6; press++) {
                page.keyboard().press("Shift+Tab");
                Assertions.assertThat(page.evaluate(
                                "() => document.querySelector('.modal.show').contains(document.activeElement)"))
                        .as("Shift+Tab stays in the question of " + action)
                        .isEqualTo(true);
            }
            page.keyboard().press("Escape");
            assertThat(dialog).isHidden();
            assertThat(opener).isFocused();
        }
    }

    /**
     * Clear selection disables itself once nothing is selected: pressed from the keyboard, it dropped the focus on the
     * page's body, and the next Tab started again at the top of the page.
     */
    @Test
    void clearingTheSelectionFromTheKeyboardKeepsTheFocusInTheToolbar(Page page) {
        list(page);
        Locator box = page.getByRole(
                        AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Select licence ")))
                .first();
        box.check();
        Locator clear = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear selection"));
        assertThat(clear).isEnabled();
        clear.focus();
        page.keyboard().press("Enter");

        assertThat(clear).isDisabled();
        assertThat(box).not().isChecked();
        Locator count = page.locator("#selection-count");
        assertThat(count).hasText("0 selected");
        assertThat(count).isFocused();
        page.keyboard().press("Tab");
        Assertions.assertThat(page.evaluate("() => document.getElementById('selection-toolbar')"
                        + ".compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING"))
                .as("the next Tab goes on from the toolbar, not from the top of the page")
                .isNotEqualTo(0);
    }

    /**
     * A row's Pause posts the page and comes back to the list: the focus was on the page's body, and the next Tab went
     * through the menu and the filters again, rows away from the licence just paused (on a phone, the page was back
     * at its top). It is now on the row's Resume, in the Pause button's place.
     */
    @Test
    void pausingARowFromTheKeyboardLeavesTheFocusOnItsResume(Page page) {
        list(page);
        name(page, "Screen 1").focus();
        Locator pause = page.locator(".licence-table tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Screen 1"))
                .getByTitle(Pattern.compile("^Pause "));
        String code = pause.getAttribute("title").substring("Pause ".length());
        for (int press = 0;
                press < 6
                        && !pause.evaluate("button => button === document.activeElement")
                                .equals(true);
                press++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(pause).isFocused();
        page.keyboard().press("Enter");

        assertThat(page.locator("#toasts .toast")).containsText("Licence " + code + " paused.");
        assertThat(page.getByTitle("Resume " + code)).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#toasts .toast")).containsText("Licence " + code + " resumed.");
        assertThat(page.getByTitle("Pause " + code)).isFocused();
    }

    /**
     * A licence's page, paused from the keyboard, came back with Resume in the place of Pause and the keyboard at the
     * top of the page (decision 0149): the form pressed was gone. Pause and Resume take each other's place as People's
     * Disable and Enable do, and the focus is on the one shown.
     */
    @Test
    void pausingALicenceFromItsPageLeavesTheFocusOnResume(Page page) {
        list(page);
        name(page, "Screen 3").click();
        Locator pause = page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause").setExact(true));
        pause.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#toasts .toast")).containsText("paused.");
        Locator resume = page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume").setExact(true));
        assertThat(resume).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#toasts .toast")).containsText("resumed.");
        assertThat(pause).isFocused();
    }

    /**
     * A client's portal access turned off from their page, from the keyboard: Enable came in the place of Disable, and
     * the keyboard was at the top of the page (decision 0149). It is on Enable, then on Disable again.
     */
    @Test
    void turningAClientsAccessOffAndOnFromTheKeyboardLeavesTheFocusOnTheButtonShown(Page page) {
        list(page);
        Caller bob = org.bob();
        page.navigate("/clients/" + bob.userId());
        Locator disable = page.getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions()
                        .setName("Disable portal access for " + bob.name())
                        .setExact(true));
        disable.focus();
        page.keyboard().press("Enter");
        Locator enable = page.getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions()
                        .setName("Enable portal access for " + bob.name())
                        .setExact(true));
        assertThat(enable).isFocused();
        page.keyboard().press("Enter");
        assertThat(disable).isFocused();
    }

    /**
     * The Close (×) of a toast and of a dialog showed, when the keyboard reached it, only Bootstrap's faint 25 % glow,
     * which a person could not find on the toast's green (decision 0149): they show the solid ring, white on a toast.
     */
    @Test
    void theCloseButtonsOfAToastAndADialogShowTheRing(Page page) {
        list(page);
        name(page, "Screen 1").focus();
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("Enter");
        assertThat(page.locator("#toasts .toast")).containsText("copied");
        Locator closeToast = page.locator("#toasts .toast .btn-close");
        closeToast.focus();
        assertThat(closeToast).hasCSS("outline-style", "solid");
        assertThat(closeToast).hasCSS("outline-color", "rgb(255, 255, 255)");
        page.keyboard().press("Enter");

        name(page, "Screen 1").focus();
        page.keyboard().press("End");
        page.keyboard().press("Enter");
        Locator closeDialog = page.locator("#delete-dialog .btn-close");
        page.waitForFunction("() => document.getElementById('delete-dialog').contains(document.activeElement)");
        closeDialog.focus();
        assertThat(closeDialog).hasCSS("outline-style", "solid");
        page.keyboard().press("Escape");
    }

    /**
     * The profile's e-mail and role are read-only fields, each a Tab stop a screen reader reads: Bootstrap's plain-text
     * style (outline 0 on focus, more specific than the page's ring) left them with no sign of the focus at all.
     */
    @Test
    void theProfilesReadOnlyFieldsShowWhereTheFocusIs(Page page) {
        list(page);
        page.navigate("/profile");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your details"))
                .click();
        for (String field : java.util.List.of("E-mail", "Role")) {
            page.keyboard().press("Tab");
            Locator readOnly = page.getByLabel(field, new Page.GetByLabelOptions().setExact(true));
            assertThat(readOnly).isFocused();
            assertThat(readOnly).hasCSS("outline-style", "solid");
        }
    }

    @Test
    void tabbingIntoTheUserFilterLeavesItClosedUntilAKeyAsks(Page page) {
        list(page);
        page.locator("#status").focus();
        page.keyboard().press("Tab");
        // Tom-select takes the focus on its box (its text field while nothing is chosen).
        page.waitForFunction("() => document.querySelector('.ts-wrapper').contains(document.activeElement)");
        // The options it asks for as it takes the focus opened the list as they came, over the filters.
        optionsAnswered(page);
        timersSetSoFarRun(page);
        assertThat(page.locator("#client-ts-dropdown")).isHidden();

        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#client-ts-dropdown")).isVisible();
        page.keyboard().press("Escape");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Expiring soon")))
                .isFocused();
    }

    @Test
    void tabLeavesAClientBoxItEnteredWithoutOpeningIt(Page page) {
        // Tom-select's opening takes the focus on the next turn; a box kept shut by closing it each time it opened
        // pulled the focus back from whatever Tab had reached, every turn, for as long as the page was open.
        list(page);
        page.locator("#status").focus();
        page.keyboard().press("Tab");
        page.waitForFunction("() => document.querySelector('.ts-wrapper').contains(document.activeElement)");
        page.keyboard().press("Tab");
        Locator expiringSoon = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Expiring soon"));
        assertThat(expiringSoon).isFocused();
        optionsAnswered(page);
        timersSetSoFarRun(page);
        assertThat(expiringSoon).isFocused();
        page.keyboard().press("Shift+Tab");
        page.waitForFunction("() => document.querySelector('.ts-wrapper').contains(document.activeElement)");
        page.keyboard().press("Shift+Tab");
        assertThat(page.locator("#status")).isFocused();

        page.navigate("/licences/new");
        page.getByLabel("Screens").focus();
        page.keyboard().press("Tab");
        page.waitForFunction("() => document.querySelector('.ts-wrapper').contains(document.activeElement)");
        page.keyboard().press("Tab");
        Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"));
        assertThat(save).isFocused();
        optionsAnswered(page);
        timersSetSoFarRun(page);
        assertThat(save).isFocused();
        assertThat(page.locator("#clientId-ts-dropdown")).isHidden();
    }

    @Test
    void choosingAClientWithTheKeyboardKeepsTheFocusOnTheBox(Page page) {
        list(page);
        page.navigate("/licences/new");
        page.getByLabel("Screens").focus();
        page.keyboard().press("Tab");
        page.waitForFunction("() => document.querySelector('.ts-wrapper').contains(document.activeElement)");
        page.keyboard().type("Alice");
        assertThat(page.locator("#clientId-ts-dropdown .option")
                        .filter(new Locator.FilterOptions().setHasText("Alice")))
                .isVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("#clientId-ts-dropdown")).isHidden();
        // The list closes on its own after a choice, and a search answer may still come: then the focus is looked at.
        optionsAnswered(page);
        timersSetSoFarRun(page);
        Assertions.assertThat(
                        page.evaluate("() => document.querySelector('.ts-wrapper').contains(document.activeElement)"))
                .as("the focus after choosing a client (it went to the page's body)")
                .isEqualTo(true);
        assertThat(page.locator("#clientId-ts-dropdown")).isHidden();
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")))
                .isFocused();
    }

    /**
     * The list's Expiring soon and Expired are links a screen reader announces as toggle buttons (role="button",
     * aria-pressed): Space, which works a button, scrolled the page and left the filter off (decision 0149).
     */
    @Test
    void spaceWorksAFilterToggleAsItWorksAButton(Page page) {
        list(page);
        Locator soon = page.getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Expiring soon").setExact(true));
        assertThat(soon).hasAttribute("aria-pressed", "false");
        soon.focus();
        page.keyboard().press(" ");
        assertThat(page).hasURL(Pattern.compile(".*[?&]soon=true.*"));
        assertThat(soon).hasAttribute("aria-pressed", "true");
        assertThat(soon).isFocused();
    }

    /**
     * A column's sort and the Status filter load the list again at once: the keyboard was back at the top of the page,
     * and Arrow down in Status (which chooses the next status) lost the place after one step (decision 0149). The list
     * that follows gives the focus back to the control changed.
     */
    @Test
    void sortingAndFilteringFromTheKeyboardKeepTheFocusOnTheControl(Page page) {
        list(page);
        Locator byName = page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Name").setExact(true));
        byName.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*[?&]sort=name.*"));
        assertThat(byName).isFocused();

        Locator status = page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true));
        status.focus();
        page.keyboard().press("ArrowDown");
        assertThat(page).hasURL(Pattern.compile(".*[?&]status=available.*"));
        assertThat(status).isFocused();
        // What it found is read with it.
        assertThat(status).hasAccessibleDescription(Pattern.compile("^\\d+ licences?$"));
        page.keyboard().press("ArrowDown");
        assertThat(page).hasURL(Pattern.compile(".*[?&]status=assigned.*"));
        assertThat(status).isFocused();
    }

    /**
     * Each client's "View licences" and "Edit" in the clients list were named alike ("View licences" on every row, "Edit
     * Alice Martin" on two clients of that name): a screen reader's list of links could not tell them apart. Each
     * names its client by name and e-mail, its visible words first (decision 0149).
     */
    @Test
    void theClientsListNamesEachClientsLinks(Page page) {
        list(page);
        page.navigate("/clients");
        Caller alice = org.alice();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("View licences of " + alice.name() + " (" + alice.email() + ")")
                                .setExact(true)))
                .isVisible();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Edit " + alice.name() + " (" + alice.email() + ")")
                                .setExact(true)))
                .isVisible();
        Assertions.assertThat(Accessibility.labelsNotInTheirNames(page)).isEmpty();
    }

    /**
     * Arrow down in Status chooses the next status, and each step loaded the list (decision 0149 gave the focus back
     * after each): reaching the third status from All loaded three lists, and a screen reader was taken through each
     * (decision 0156). From the keyboard, the list loads once the arrows rest, with the focus on Status and the list's
     * count read with it; Enter loads it at once.
     */
    @Test
    void arrowingThroughStatusLoadsTheListOnceTheArrowsRest(Page page) {
        list(page);
        java.util.List<String> loaded = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.isNavigationRequest()) {
                loaded.add(request.url());
            }
        });
        Locator status = page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true));
        status.focus();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertThat(page).hasURL(Pattern.compile(".*[?&]status=active.*"));
        assertThat(status).isFocused();
        assertThat(status).hasAccessibleDescription(Pattern.compile("^\\d+ licences?$"));
        Assertions.assertThat(loaded)
                .as("the lists loaded on the way to Active")
                .hasSize(1);

        loaded.clear();
        page.keyboard().press("ArrowUp");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*[?&]status=assigned.*"));
        assertThat(status).isFocused();
        Assertions.assertThat(loaded).hasSize(1);
    }

    /**
     * A search typed and sent with Enter came back with the keyboard at the top of the page. It goes back to the search
     * box, read with what the search found, as a filter changed from the keyboard is (decisions 0149, 0156).
     */
    @Test
    void searchingFromTheKeyboardLeavesTheFocusInTheSearchBoxWithWhatItFound(Page page) {
        list(page);
        Locator search = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search"));
        search.focus();
        page.keyboard().type("Screen 2");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*[?&]q=Screen\\+2.*"));
        assertThat(search).isFocused();
        assertThat(search).hasAccessibleDescription(Pattern.compile("1 licence"));
    }

    /**
     * A licence deleted from its row (End, Enter, then Delete in the question) came back with the keyboard on the page's
     * heading. It lands on the row that took its place (its name, the row's Tab stop), and the page's message says what
     * was deleted (decision 0156).
     */
    @Test
    void deletingARowFromTheKeyboardLeavesTheFocusOnTheRowThatTookItsPlace(Page page) {
        licences.create(org.manager(), new NewLicence(monthly.id(), "Screen to delete", null, 1, null));
        list(page);
        name(page, "Screen to delete").focus();
        page.keyboard().press("End");
        page.keyboard().press("Enter");
        Locator delete = page.getByRole(AriaRole.DIALOG)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Delete").setExact(true));
        delete.focus();
        page.keyboard().press("Enter");
        assertThat(name(page, "Screen to delete")).hasCount(0);
        assertThat(name(page, "Screen 3")).isFocused();
    }
}
