package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.label;
import static io.licencedesk.support.PageParts.link;
import static io.licencedesk.support.PageParts.toast;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceImports;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Browsers;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The licence console in a browser with JavaScript turned off (a locked-down workplace, a script that failed to
 * load): what a manager needs works with the pages' own forms and links, or the page says plainly what needs
 * JavaScript.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class ConsoleWithoutJavaScriptBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceImports imports;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;

    Plan monthly;

    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** The manager signed in, in a browser of the same kind as the test's, but with JavaScript off. */
    Page withoutJavaScript(Page page) {
        return withoutJavaScript(page, Browsers.WIDTH, Browsers.HEIGHT);
    }

    Page withoutJavaScript(Page page, int width, int height) {
        BrowserContext context = page.context()
                .browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setViewportSize(width, height)
                        .setLocale("en-GB")
                        .setTimezoneId("UTC")
                        .setJavaScriptEnabled(false));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page withoutScripts = context.newPage();
        SignIn.throughTheForm(withoutScripts, org.manager().email());
        return withoutScripts;
    }

    long licenceCount() {
        return jdbc.sql("select count(*) from licence where organisation_id = :id")
                .param("id", org.id())
                .query(Long.class)
                .single();
    }

    /**
     * Without the script a message never goes and cannot be closed: fixed at the bottom of the screen, it hid the end
     * of a phone's page for good. It now follows the page's content, kept at the screen's bottom only while more of
     * the content is below it, so that the page's end scrolls clear of it (decision 0139).
     */
    @Test
    void aMessageLeavesTheEndOfAPhonesPageInSight(Page page) {
        Page phone = withoutJavaScript(page, 390, 844);
        LicenceDetails kiosk = licences.create(
                org.manager(),
                new NewLicence(
                        monthly.id(), "No script kiosk", null, 1, org.alice().userId()));
        phone.navigate("/licences/" + kiosk.id());
        button(phone, "Pause").click();
        Locator paused = toast(phone, "Licence " + kiosk.couponCode().value() + " paused.");
        assertThat(paused).isVisible();

        phone.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        Object[] contentAndMessage = ((List<?>) phone.evaluate("""
                        () => [Math.max(...[...document.querySelectorAll('main *')]
                                  .filter(element => element.getClientRects().length > 0)
                                  .map(element => element.getBoundingClientRect().bottom)),
                               document.querySelector('#toasts .toast').getBoundingClientRect().top]""")).toArray();
        Assertions.assertThat(((Number) contentAndMessage[0]).doubleValue())
                .as("the bottom of the page's content, scrolled to its end, against the top of the message")
                .isLessThanOrEqualTo(((Number) contentAndMessage[1]).doubleValue());
    }

    /**
     * The import form posted by the browser itself was refused as "This form has expired": its token is in the
     * multipart body, which the CSRF filter did not read. The file is now checked and imported from the forms alone.
     */
    @Test
    void importsAFileWithTheFormsAlone(Page page) {
        Page form = withoutJavaScript(page);
        long before = licenceCount();
        form.navigate("/licences/imports");

        form.getByLabel("CSV file")
                .setInputFiles(new FilePayload(
                        "plain.csv",
                        "text/csv",
                        "name,plan,screens\nPlain form one,Monthly,1\nPlain form two,Monthly,2\n"
                                .getBytes(StandardCharsets.UTF_8)));
        button(form, "Check file").click();

        assertThat(form).hasURL(Pattern.compile(".*/licences/imports/\\d+$"));
        long id = Long.parseLong(form.url().replaceAll(".*/", ""));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !imports.find(org.manager(), id).status().running());
        form.reload();
        button(form, "Import 2 licences").click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !imports.find(org.manager(), id).status().running());
        Assertions.assertThat(licenceCount()).isEqualTo(before + 2);
    }

    @Test
    void theImportFormWithoutAFileSaysToChooseOne(Page page) {
        Page form = withoutJavaScript(page);
        form.navigate("/licences/imports");

        button(form, "Check file").click();

        assertThat(form).hasURL(Pattern.compile(".*/licences/imports$"));
        assertThat(toast(form, "Choose a CSV file.")).isVisible();
    }

    Long clientOf(String licenceName) {
        return jdbc.sql("select client_id from licence where organisation_id = :id and name = :name")
                .param("id", org.id())
                .param("name", licenceName)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("client_id", Long.class)))
                .single()
                .orElse(null);
    }

    LicenceDetails licence(String name) {
        return licences.create(
                org.manager(),
                new NewLicence(monthly.id(), name, null, 1, org.alice().userId()));
    }

    /**
     * Without JavaScript the list showed selection boxes that selected nothing, a toolbar of buttons that stayed
     * disabled and delete buttons whose dialog never opened. It now offers none of them, says what needs JavaScript
     * and how to do the rest, and the row's pause button and the filters work as forms.
     */
    @Test
    void theListSaysWhatNeedsJavaScriptAndWhatItOffersWorks(Page page) {
        LicenceDetails lobby = licence("No script lobby");
        Page list = withoutJavaScript(page);
        list.navigate("/licences");

        assertThat(list.locator("#without-javascript")).containsText("JavaScript is off in this browser.");
        assertThat(list.getByRole(AriaRole.CHECKBOX)).hasCount(0);
        assertThat(button(list, "Send invoices")).isHidden();
        assertThat(button(list, "Delete " + lobby.couponCode().value())).isHidden();
        Assertions.assertThat(list.getByRole(AriaRole.BUTTON).all().stream()
                        .filter(Locator::isVisible)
                        .filter(Locator::isDisabled)
                        .map(Locator::textContent)
                        .toList())
                .as("visible buttons that can never be used")
                .isEmpty();

        button(list, "Pause " + lobby.couponCode().value()).click();
        assertThat(toast(list, "Licence " + lobby.couponCode().value() + " paused."))
                .isVisible();

        list.getByLabel("Status").selectOption("paused");
        button(list, "Search").click();
        assertThat(list).hasURL(Pattern.compile(".*status=paused.*"));
        assertThat(link(list, "No script lobby")).isVisible();
    }

    /** The licence page's Delete opened a dialog only its script shows: without it, nothing could be deleted. */
    @Test
    void deletesALicenceFromItsPageAfterItsQuestion(Page page) {
        LicenceDetails kiosk =
                licences.create(org.manager(), new NewLicence(monthly.id(), "No script kiosk", null, 1, null));
        Page details = withoutJavaScript(page);
        details.navigate("/licences/" + kiosk.id());

        Locator question = details.locator("details.without-script")
                .filter(new Locator.FilterOptions().setHasText("This cannot be undone."));
        question.locator("summary").click();
        assertThat(question.getByText("This cannot be undone.", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();

        assertThat(toast(details, "Licence " + kiosk.couponCode().value() + " deleted."))
                .isVisible();
        Assertions.assertThat(jdbc.sql("select count(*) from licence where id = :id")
                        .param("id", kiosk.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * The client list is filled by the page's script: without it the form offered only "Don't assign to a user", so a
     * manager could not assign a client. The form asks for the client's e-mail address instead (decision 0136).
     */
    @Test
    void theAddFormAssignsTheClientNamedByEmailAndLeavesAnEmptyOneUnassigned(Page page) {
        Page form = withoutJavaScript(page);
        form.navigate("/licences/new");

        assertThat(form.locator(".client-without-javascript")).containsText("type the e-mail address of the client");
        label(form, "Plan").selectOption(String.valueOf(monthly.id()));
        label(form, "Name").fill("No script shop");
        label(form, "Client's e-mail address").fill(" " + org.alice().email().toUpperCase() + " ");
        button(form, "Save").click();

        assertThat(form).hasURL(Pattern.compile(".*/licences$"));
        Assertions.assertThat(clientOf("No script shop")).isEqualTo(org.alice().userId());

        form.navigate("/licences/new");
        label(form, "Plan").selectOption(String.valueOf(monthly.id()));
        label(form, "Name").fill("No script stall");
        button(form, "Save").click();
        assertThat(form).hasURL(Pattern.compile(".*/licences$"));
        Assertions.assertThat(clientOf("No script stall")).isNull();
    }

    @Test
    void anAddressNoClientHasIsRefusedBesideItsFieldAndNothingIsSaved(Page page) {
        Page form = withoutJavaScript(page);
        long before = licenceCount();
        form.navigate("/licences/new");
        label(form, "Plan").selectOption(String.valueOf(monthly.id()));
        label(form, "Name").fill("No script booth");
        label(form, "Client's e-mail address").fill(org.manager().email());
        button(form, "Save").click();

        Locator email = label(form, "Client's e-mail address");
        assertThat(email).hasAttribute("aria-invalid", "true");
        assertThat(email).hasValue(org.manager().email());
        assertThat(email)
                .hasAccessibleDescription(
                        Pattern.compile("^No client of yours signs in with this e-mail address\\..*"));
        Assertions.assertThat(licenceCount()).isEqualTo(before);
    }

    /** The edit form moves an unused licence to another client by address, and an emptied address makes it Available. */
    @Test
    void theEditFormMovesTheLicenceToTheClientNamedByEmail(Page page) {
        LicenceDetails desk = licence("No script desk");
        Page form = withoutJavaScript(page);
        form.navigate("/licences/" + desk.id() + "/edit");

        Locator email = label(form, "Client's e-mail address");
        assertThat(email).hasValue(org.alice().email());
        email.fill(org.bob().email());
        button(form, "Save").click();
        assertThat(form).hasURL(Pattern.compile(".*/licences/" + desk.id() + "$"));
        Assertions.assertThat(
                        licences.details(org.manager(), desk.id()).client().id())
                .isEqualTo(org.bob().userId());

        form.navigate("/licences/" + desk.id() + "/edit");
        label(form, "Client's e-mail address").fill("");
        button(form, "Save").click();
        assertThat(form).hasURL(Pattern.compile(".*/licences/" + desk.id() + "$"));
        Assertions.assertThat(licences.details(org.manager(), desk.id()).client())
                .isNull();
    }

    /**
     * A licence without a client has, in place of its selection box, a link to assign one: its edit form at
     * #choose-client, which named nothing without JavaScript, so the page opened at its top. It now opens at the
     * client's e-mail field, the next Tab.
     */
    @Test
    void theListsAssignFirstLinkOpensTheEditFormAtTheClientsEmail(Page page) {
        LicenceDetails spare =
                licences.create(org.manager(), new NewLicence(monthly.id(), "Spare without script", null, 1, null));
        Page list = withoutJavaScript(page);
        list.navigate("/licences?q=" + spare.couponCode().value());
        list.locator("a.assign-first").click();
        assertThat(list).hasURL(Pattern.compile(".*/licences/" + spare.id() + "/edit#choose-client$"));

        list.keyboard().press("Tab");
        assertThat(label(list, "Client's e-mail address")).isFocused();
    }

    /**
     * Selecting licences needed the list's script: without it nothing could be paused, resumed, exported or invoiced
     * together. Each row now has a Select button, and the toolbar's actions are forms asking their question in place.
     */
    @Test
    void selectsLicencesWithButtonsAndPausesResumesAndInvoicesThem(Page page) {
        LicenceDetails north = licence("No script north");
        LicenceDetails south = licence("No script south");
        Page list = withoutJavaScript(page);
        list.navigate("/licences?q=No+script+");

        button(list, "Select licence " + north.couponCode().value()).click();
        button(list, "Select licence " + south.couponCode().value()).click();
        assertThat(list.locator("#selection-count")).hasText("2 selected");
        assertThat(button(list, "Remove licence " + south.couponCode().value() + " from the selection"))
                .isVisible();
        assertThat(list).hasURL(Pattern.compile(".*q=No\\+script.*"));

        list.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Pause"))
                .click();
        // Playwright's text selectors skip what is inside <noscript>: the open question is read from its form.
        assertThat(list.locator("details[open] form")).containsText("Pause 2 selected licences?");
        button(list, "Yes, pause").click();
        assertThat(toast(list, "Paused 2")).isVisible();
        Assertions.assertThat(
                        licences.details(org.manager(), north.id()).status().name())
                .isEqualTo("PAUSED");

        list.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Resume"))
                .click();
        button(list, "Yes, resume").click();
        assertThat(toast(list, "Resumed 2")).isVisible();

        button(list, "Remove licence " + south.couponCode().value() + " from the selection")
                .click();
        assertThat(list.locator("#selection-count")).hasText("1 selected");
        assertThat(link(list, "Export selected")).hasAttribute("href", Pattern.compile(".*selection=true.*"));

        list.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Send invoices"))
                .click();
        assertThat(list.locator("details[open] form"))
                .containsText(Pattern.compile("Send 1 invoice totalling .+ before VAT\\?"));
        button(list, "Yes, send").click();
        assertThat(list).hasURL(Pattern.compile(".*/invoices$"));
        Assertions.assertThat(jdbc.sql("select count(*) from invoice where licence_id = :id")
                        .param("id", north.id())
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
