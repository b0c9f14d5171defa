package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.console.LicenceList.choose;
import static io.licencedesk.console.LicenceList.detail;
import static io.licencedesk.console.LicenceList.exactly;
import static io.licencedesk.console.LicenceList.names;
import static io.licencedesk.console.LicenceList.row;
import static io.licencedesk.console.LicenceList.rows;
import static io.licencedesk.console.LicenceList.toast;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.link;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's main list as an account manager uses it, end to end: adding, copying, details,
 * filters, search, pause and resume, delete. One organisation per class; each test that changes a
 * licence makes its own, so tests do not depend on their order.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class LicenceConsoleBrowserTests {

    // A darker orange than before, so that white text on it reaches 4.5:1 (decision 0054).
    static final String ORANGE = "rgb(184, 71, 10)";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan monthly;
    Plan yearly;
    LicenceDetails lobby;
    long cafe;
    long reception;
    long warehouse;
    LocalDate today;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        yearly = fixture.yearlyPlan(org);
        today = testLicences.today();
        long alice = org.alice().userId();
        long bob = org.bob().userId();
        cafe = testLicences.activated(org.owner(), monthly, alice, "Café menu boards", today.minusDays(10));
        reception = testLicences.activated(org.owner(), yearly, bob, "Old reception display", today.minusDays(400));
        warehouse = testLicences.activated(org.owner(), yearly, bob, "Warehouse dashboards", today.minusDays(5));
        testLicences.invoiced(org.owner(), yearly, bob, "Showroom video wall");
        lobby = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Lobby screens", "Two portrait screens beside the lifts", 2, alice));
    }

    /** How the drop-downs show Bob (TestOrganisations gives him the company Bob Ltd). */
    String bobLabel() {
        return org.bob().name() + " (Bob Ltd) <" + org.bob().email() + ">";
    }

    String aliceLabel() {
        return org.alice().name() + " (Alice Co) <" + org.alice().email() + ">";
    }

    final SignIn signIn = new SignIn();

    /** The account manager on the licence list, from the dashboard where staff start. */
    Page signedIn(Page page) {
        signIn.as(page, org.manager().email());
        SignIn.toTheList(page);
        return page;
    }

    LicenceDetails create(String name, Long clientId) {
        return licences.create(org.manager(), new NewLicence(monthly.id(), name, null, 1, clientId));
    }

    @Test
    void addsAnAssignedAndAnUnassignedLicenceThatAppearAtTheTopOfTheList(Page page) {
        signedIn(page);

        link(page, "Add licence").click();
        page.getByLabel("Plan").selectOption(new SelectOption().setLabel("Yearly — €100.00 per screen, 1 year"));
        page.getByLabel("Name").fill("Airport departures");
        page.getByLabel("Note").fill("Gate B, ceiling mounted");
        page.getByLabel("Screens").fill("3");
        choose(page, "Client", "alice", aliceLabel());
        Screenshots.save(page, "add-licence.png");
        button(page, "Save").click();

        assertThat(page).hasURL(Pattern.compile(".*/licences$"));
        assertThat(toast(page, "created.")).isVisible();
        Locator top = rows(page).first();
        assertThat(top).containsText("Airport departures");
        assertThat(top).containsText(org.alice().email());
        assertThat(top).containsText("Yearly");
        assertThat(top).containsText("€300.00");
        assertThat(top).containsText("Assigned");

        link(page, "Add licence").click();
        page.getByLabel("Plan").selectOption(new SelectOption().setLabel("Monthly — €10.00 per screen, 1 month"));
        page.getByLabel("Name").fill("Pop-up store window");
        button(page, "Save").click();

        assertThat(names(page).first()).hasText("Pop-up store window");
        assertThat(names(page).nth(1)).hasText("Airport departures");
        assertThat(rows(page).first()).containsText("Unassigned");
        assertThat(rows(page).first()).containsText("Available");
        String code = rows(page)
                .first()
                .getByRole(AriaRole.BUTTON)
                .first()
                .textContent()
                .strip();
        assertThat(toast(page, "Licence " + code + " created.")).isVisible();
        // The new licence stands out until the list is shown again.
        assertThat(page.locator("tr.licence-added")).hasCount(1);
        assertThat(rows(page).first()).hasClass(Pattern.compile("licence-added"));
        assertThat(rows(page).first()).containsText("New");
        Screenshots.save(page, "licences.png");
        page.reload();
        assertThat(page.locator("tr.licence-added")).hasCount(0);
    }

    @Test
    void choosesAClientTypedQuicklyWithEnterAndKeepsTheListClosedOverTheForm(Page page) {
        signedIn(page);
        link(page, "Add licence").click();
        page.getByLabel("Plan").selectOption(new SelectOption().setLabel("Monthly — €10.00 per screen, 1 month"));
        page.getByLabel("Name").fill("Quick typist");
        page.waitForLoadState(LoadState.LOAD);
        Locator client = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Client"));
        Locator options = page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Client"));
        client.focus();
        // The clients offered on focus, before anything is typed.
        assertThat(options.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(exactly(aliceLabel()))))
                .isVisible();

        // Typed and chosen at once, before the server has answered the search for what was typed.
        List<String> answered = new CopyOnWriteArrayList<>();
        page.onResponse(response -> answered.add(response.url()));
        page.keyboard().type("alice");
        page.keyboard().press("Enter");

        assertThat(page.locator("#clientId"))
                .hasValue(String.valueOf(org.alice().userId()));
        // The answer to that search arrives after the choice; once tom-select has shown it (it drops its
        // "loading" class then), the list must still be closed.
        page.waitForCondition(() -> answered.stream().anyMatch(url -> url.contains("/clients/options?q=alice")));
        page.waitForFunction("() => document.querySelector('.ts-wrapper.loading') === null");
        assertThat(options).isHidden();
        button(page, "Save").click();
        assertThat(toast(page, "created.")).isVisible();
        assertThat(rows(page).first()).containsText("Quick typist");
        assertThat(rows(page).first()).containsText(org.alice().email());
    }

    @Test
    void keepsEveryLetterTypedRightAfterClickingTheClientBox(Page page) {
        signedIn(page);
        link(page, "Add licence").click();
        page.waitForLoadState(LoadState.LOAD);
        Locator client = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Client"));

        // The box around the text field, which shows the chosen client (the field itself is hidden until then).
        client.locator("xpath=..").click();
        page.keyboard().type("alice");

        assertThat(client).hasValue("alice");
        assertThat(page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Client"))
                        .getByRole(AriaRole.OPTION)
                        .first())
                .hasText(aliceLabel());
        page.keyboard().press("Enter");
        assertThat(page.locator("#clientId"))
                .hasValue(String.valueOf(org.alice().userId()));
    }

    /**
     * Lighthouse's paste-preventing-inputs: no field of the list, the add form or the invoices cancels a paste, the
     * client box's text field included (tom-select cancelled it whenever the box was not focused).
     */
    @Test
    void noFieldPreventsPasting(Page page) {
        signedIn(page);
        for (var address : List.of(
                List.of("/licences", "client-ts-control"),
                List.of("/licences/new", "clientId-ts-control"),
                List.of("/invoices", "client-ts-control"))) {
            page.navigate(address.get(0));
            page.waitForLoadState(LoadState.LOAD);
            assertThat(page.locator("#" + address.get(1))).isAttached();
            @SuppressWarnings("unchecked")
            var pasted = (Map<String, List<String>>) page.evaluate("""
                    () => {
                        const fields = [...document.querySelectorAll('input:not([type=hidden]), textarea')];
                        const refused = fields.filter(field => {
                            const paste = new ClipboardEvent('paste',
                                {bubbles: true, cancelable: true, clipboardData: new DataTransfer()});
                            field.dispatchEvent(paste);
                            return paste.defaultPrevented;
                        });
                        const name = field => field.id || field.name;
                        return {tried: fields.map(name), refused: refused.map(name)};
                    }""");
            Assertions.assertThat(pasted.get("tried")).as(address.get(0)).contains(address.get(1));
            Assertions.assertThat(pasted.get("refused")).as(address.get(0)).isEmpty();
        }
    }

    @Test
    void copiesTheCouponCodeToTheClipboard(Page page) {
        signedIn(page);
        String code = lobby.couponCode().value();

        button(page, "Copy coupon code " + code).click();

        assertThat(toast(page, "Coupon code " + code + " copied to the clipboard"))
                .isVisible();
        Assertions.assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(code);
    }

    @Test
    void opensALicencesDetailsFromItsName(Page page) {
        signedIn(page);

        link(page, "Lobby screens").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lobby screens")))
                .isVisible();
        assertThat(detail(page, "Coupon code")).hasText(lobby.couponCode().value());
        assertThat(detail(page, "Name")).hasText("Lobby screens");
        assertThat(detail(page, "Amount")).containsText("€20.00");
        assertThat(detail(page, "Status")).containsText("Assigned");
        assertThat(detail(page, "Plan")).containsText("Monthly");
        assertThat(detail(page, "Screens")).hasText("2");
        assertThat(detail(page, "Note")).hasText("Two portrait screens beside the lifts");
        assertThat(detail(page, "Client")).containsText(org.alice().email());
        assertThat(detail(page, "Created")).containsText(DAY.format(today));
        assertThat(detail(page, "Activated")).hasText("Not yet");
        assertThat(detail(page, "Ends")).hasText("1 month from activation");
        Locator history = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("History"));
        assertThat(history).containsText("Created");
        assertThat(history).containsText(org.manager().email());
        Screenshots.save(page, "licence-details.png");
    }

    @Test
    void editsALicenceFromItsDetailsAndShowsTheChangeInItsHistory(Page page) {
        LicenceDetails window = create("Shop window", null);
        signedIn(page);
        link(page, "Shop window").click();

        link(page, "Edit").click();
        assertThat(page.getByLabel("Name")).hasValue("Shop window");
        page.getByLabel("Name").fill("Shop window, left");
        page.getByLabel("Screens").fill("0");
        button(page, "Save").click();
        assertThat(page.locator("#quantity-error")).hasText("Enter a number of screens from 1 to 10,000.");

        page.getByLabel("Screens").fill("4");
        choose(page, "Client", "alice", aliceLabel());
        Screenshots.save(page, "edit-licence.png");
        button(page, "Save").click();

        assertThat(toast(page, "Licence " + window.couponCode() + " saved.")).isVisible();
        assertThat(detail(page, "Name")).hasText("Shop window, left");
        assertThat(detail(page, "Screens")).hasText("4");
        assertThat(detail(page, "Client")).containsText(org.alice().email());
        assertThat(detail(page, "Status")).containsText("Assigned");
        Locator history = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("History"));
        assertThat(history).containsText("Edited");
        assertThat(history).containsText("Shop window → Shop window, left");
        assertThat(history).containsText("Screens: 1 → 4");
        assertThat(history).containsText("Client:");
    }

    /**
     * Two managers renaming one licence: the second one's name replaced the first one's, and both were told "saved".
     * The second is shown the first one's name beside the field, nothing saved, and replaces it by saving again.
     */
    @Test
    void theSecondOfTwoManagersRenamingALicenceIsShownTheOtherNameBeforeReplacingIt(Page page) {
        LicenceDetails desk = create("Front desk", null);
        signedIn(page);
        link(page, "Front desk").click();
        link(page, "Edit").click();
        licences.edit(
                org.owner(),
                desk.id(),
                other -> other.withName("Front desk, east").withQuantity(2));

        page.getByLabel("Name").fill("Front desk, west");
        button(page, "Save").click();

        assertThat(page.locator("#name-error"))
                .hasText("Someone else changed this since you opened the page: it is now “Front desk, east”. Nothing"
                        + " was saved. Save again to replace it with yours.");
        assertThat(page.getByLabel("Name")).hasValue("Front desk, west");
        assertThat(page.getByLabel("Screens")).hasValue("2");
        Assertions.assertThat(licences.details(org.manager(), desk.id()).name()).isEqualTo("Front desk, east");
        button(page, "Save").click();
        assertThat(toast(page, "Licence " + desk.couponCode() + " saved.")).isVisible();
        assertThat(detail(page, "Name")).hasText("Front desk, west");
        assertThat(detail(page, "Screens")).hasText("2");
    }

    /**
     * An Available licence's row offers "Assign a client to licence … to select it" in place of its box; it led to the
     * top of the edit form, and the client box is at its foot. The keyboard now starts in that box, closed. (Aimed at
     * the select tom-select hides, #clientId, the link had Chromium focus that select after the page focused the box.)
     */
    @Test
    void theHintOfAnAvailableLicencesRowLeadsToTheClientBox(Page page) {
        LicenceDetails kiosk = create("Kiosk by the door", null);
        signedIn(page);
        page.getByTitle("Assign a client to licence " + kiosk.couponCode() + " to select it")
                .click();

        Locator client = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Client"));
        assertThat(client).isFocused();
        assertThat(page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Client")))
                .isHidden();
        page.keyboard().type("alice");
        // Chosen once offered, as a person does: the search's answer can come after the keys on a loaded machine.
        assertThat(page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Client"))
                        .getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(exactly(aliceLabel()))))
                .isVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("#clientId"))
                .hasValue(String.valueOf(org.alice().userId()));
        button(page, "Save").click();

        assertThat(toast(page, "Licence " + kiosk.couponCode() + " saved.")).isVisible();
        assertThat(detail(page, "Client")).containsText(org.alice().email());
    }

    @Test
    void showsMarkupInNamesAndNotesAsPlainText(Page page) {
        String name = "Kiosk <b>bold</b> & co";
        String note = "<script>document.title = 'injected'</script><img src=x onerror=\"document.title = 'injected'\">";
        // Every door refuses tags (the console's form, and the domain for the API and the import), so the row is
        // written as one kept from before that: whatever a name holds, the pages show it as text.
        long id = licences.create(org.manager(), new NewLicence(monthly.id(), "Kiosk", null, 1, null))
                .id();
        jdbc.sql("update licence set name = ?, note = ? where id = ?")
                .params(name, note, id)
                .update();
        signedIn(page);

        link(page, name).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)))
                .isVisible();
        assertThat(detail(page, "Note")).hasText(note);
        assertThat(page).hasTitle(name + " · LicenceDesk");
    }

    @Test
    void showsTheDatesOfALicenceAClientHasUsed(Page page) {
        signedIn(page);

        link(page, "Café menu boards").click();

        assertThat(detail(page, "Status")).containsText("Active");
        assertThat(detail(page, "Activated")).hasText(DAY.format(today.minusDays(10)));
        assertThat(detail(page, "Ends")).hasText(DAY.format(today.minusDays(10).plusMonths(1)));
        assertThat(detail(page, "Client")).containsText(org.alice().email());
    }

    @Test
    void filtersByAUserAndBackToAll(Page page) {
        signedIn(page);

        choose(page, "User", "Bob", bobLabel());

        assertThat(page).hasURL(Pattern.compile(".*client=" + org.bob().userId() + ".*"));
        assertThat(names(page))
                .hasText(new String[] {"Showroom video wall", "Warehouse dashboards", "Old reception display"});

        choose(page, "User", "", "All");

        assertThat(page).not().hasURL(Pattern.compile(".*client=.*"));
        assertThat(row(page, "Lobby screens")).isVisible();
        assertThat(row(page, "Warehouse dashboards")).isVisible();
    }

    @Test
    void togglesExpiringSoonOnAndOff(Page page) {
        signedIn(page);
        Locator soon = button(page, "Expiring soon");
        assertThat(soon).hasAttribute("aria-pressed", "false");

        soon.click();

        assertThat(soon).hasAttribute("aria-pressed", "true");
        assertThat(soon).hasCSS("background-color", ORANGE);
        assertThat(names(page)).hasText(new String[] {"Café menu boards"});
        assertThat(row(page, "Café menu boards")).containsText("expiring soon");
        Screenshots.save(page, "filters.png");

        soon.click();

        assertThat(soon).hasAttribute("aria-pressed", "false");
        assertThat(soon).not().hasCSS("background-color", ORANGE);
        assertThat(row(page, "Lobby screens")).isVisible();
    }

    @Test
    void togglesExpiredOnAndOff(Page page) {
        signedIn(page);
        Locator expired = button(page, "Expired");

        expired.click();

        assertThat(expired).hasAttribute("aria-pressed", "true");
        assertThat(expired).hasCSS("background-color", ORANGE);
        assertThat(names(page)).hasText(new String[] {"Old reception display"});
        assertThat(row(page, "Old reception display")).containsText("Expired");

        expired.click();

        assertThat(expired).hasAttribute("aria-pressed", "false");
        assertThat(expired).not().hasCSS("background-color", ORANGE);
        assertThat(row(page, "Lobby screens")).isVisible();
    }

    @Test
    void searchesByAWordFromANote(Page page) {
        signedIn(page);

        page.getByLabel("Search").fill("LIFTS");
        page.getByLabel("Search").press("Enter");

        assertThat(names(page)).hasText(new String[] {"Lobby screens"});
        assertThat(page.getByLabel("Search")).hasValue("LIFTS");
    }

    @Test
    void searchesByAClientsEmail(Page page) {
        signedIn(page);

        page.getByLabel("Search").fill(org.bob().email());
        button(page, "Search").click();

        assertThat(names(page))
                .hasText(new String[] {"Showroom video wall", "Warehouse dashboards", "Old reception display"});
    }

    @Test
    void pausesAndResumesALicence(Page page) {
        String code =
                create("Pause and resume me", org.alice().userId()).couponCode().value();
        signedIn(page);

        button(page, "Pause " + code).click();

        assertThat(toast(page, "Licence " + code + " paused.")).isVisible();
        assertThat(row(page, code)).containsText("Paused");
        assertThat(button(page, "Pause " + code)).hasCount(0);

        button(page, "Resume " + code).click();

        assertThat(toast(page, "Licence " + code + " resumed.")).isVisible();
        assertThat(row(page, code)).containsText("Assigned");
        assertThat(button(page, "Resume " + code)).hasCount(0);
        assertThat(button(page, "Pause " + code)).isVisible();

        link(page, "Pause and resume me").click();
        Locator history = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("History"));
        Locator entries =
                history.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHas(page.locator("time")));
        assertThat(entries.nth(0)).containsText("Resumed");
        assertThat(entries.nth(0)).containsText("Status: Paused → Assigned");
        assertThat(entries.nth(1)).containsText("Paused");
        assertThat(entries.nth(1)).containsText("Status: Assigned → Paused");
        assertThat(entries.nth(1)).containsText(org.manager().email());
    }

    @Test
    void deletesAnUnusedLicenceAfterConfirmation(Page page) {
        LicenceDetails doomed = create("Delete me", null);
        String code = doomed.couponCode().value();
        signedIn(page);

        button(page, "Delete " + code).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Delete licence " + code + "?");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();

        assertThat(toast(page, "Licence " + code + " deleted.")).isVisible();
        assertThat(row(page, code)).hasCount(0);
        Assertions.assertThatThrownBy(() -> licences.details(org.manager(), doomed.id()))
                .isInstanceOf(LicenceNotFoundException.class);
    }

    @Test
    void deletingFromAFilteredListReturnsToThatList(Page page) {
        LicenceDetails doomed = create("Filtered doomed kiosk", null);
        LicenceDetails kept = create("Filtered kept kiosk", null);
        String code = doomed.couponCode().value();
        signedIn(page);
        page.navigate("/licences?q=filtered&size=10");

        button(page, "Delete " + code).click();
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();

        assertThat(toast(page, "Licence " + code + " deleted.")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/licences\\?q=filtered&size=10$"));
        assertThat(page.getByRole(AriaRole.SEARCHBOX)).hasValue("filtered");
        assertThat(row(page, kept.couponCode().value())).isVisible();
        assertThat(row(page, lobby.couponCode().value())).hasCount(0);
    }

    @Test
    void explainsWhyALicenceAClientHasUsedCannotBeDeleted(Page page) {
        signedIn(page);
        String code = licences.details(org.manager(), cafe).couponCode().value();
        // A licence a client has used is kept for good: its row offers no Delete button, only why.
        assertThat(button(page, "Delete " + code)).hasCount(0);
        Locator why = button(page, "Why licence " + code + " cannot be deleted");
        assertThat(why).not().hasClass(Pattern.compile(".*btn-outline-danger.*"));

        why.click();

        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByRole(AriaRole.ALERT))
                .hasText("This licence cannot be deleted because a client has used it. Pause it instead.");
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")))
                .hasCount(0);
        Screenshots.save(page, "delete-refused.png");
        // Bootstrap ignores Escape while the dialog is still fading in; it moves the focus into it once open.
        page.waitForFunction("() => document.getElementById('delete-dialog').contains(document.activeElement)");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(why).isFocused();
        why.click();

        // Someone who forces the form anyway is refused by the server, not only by the page.
        dialog.getByRole(AriaRole.ALERT).evaluate("alert => alert.closest('form').submit()");

        assertThat(toast(page, "This licence cannot be deleted because a client has used it."))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Café menu boards")))
                .isVisible();
        Assertions.assertThat(licences.details(org.manager(), cafe).name()).isEqualTo("Café menu boards");
    }

    /**
     * The dialog that says why a licence cannot be deleted offered only "Cancel" (in French "Annuler"), when there is
     * nothing to cancel; it is closed. The same dialog opened for a licence that can go asks again, with Cancel, and
     * asks once: its body repeated the title's "Delete licence X?".
     */
    @Test
    void theDialogThatSaysWhyALicenceIsKeptIsClosedNotCancelledInEnglishAndFrench(Page page) {
        String kept = licences.details(org.manager(), cafe).couponCode().value();
        String spare =
                create("Spare kiosk, refused then asked", null).couponCode().value();
        signedIn(page);
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        Locator buttons = dialog.locator(".modal-footer").getByRole(AriaRole.BUTTON);
        for (List<String> words : List.of(
                List.of(
                        "en",
                        "Why licence " + kept + " cannot be deleted",
                        "Close",
                        "Delete " + spare,
                        "Cancel",
                        "This cannot be undone."),
                List.of(
                        "fr",
                        "Pourquoi la licence " + kept + " ne peut pas être supprimée",
                        "Fermer",
                        "Supprimer " + spare,
                        "Annuler",
                        "Cette action est irréversible."))) {
            page.navigate("/licences?size=100&lang=" + words.get(0));

            button(page, words.get(1)).click();
            assertThat(buttons).hasText(new String[] {words.get(2)});
            page.waitForFunction("() => document.getElementById('delete-dialog').contains(document.activeElement)");
            buttons.click();
            assertThat(dialog).isHidden();

            button(page, words.get(3)).click();
            assertThat(buttons).hasText(new String[] {words.get(4), words.get(3).split(" ")[0]});
            // Asked once, in the title; the body says what follows ("Delete licence X?" stood in both).
            Assertions.assertThat(dialog.innerText()).containsOnlyOnce("licence " + spare);
            assertThat(dialog).containsText(words.get(5));
            page.waitForFunction("() => document.getElementById('delete-dialog').contains(document.activeElement)");
            buttons.first().click();
            assertThat(dialog).isHidden();
        }
    }
}
