package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.console.LicenceList.names;
import static io.licencedesk.console.LicenceList.row;
import static io.licencedesk.support.PageParts.button;
import static io.licencedesk.support.PageParts.link;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing licences from a CSV file as a manager does: from the list's Import button, choose the file, check it,
 * read the report of refused rows, confirm, find the licences in the list; the same file again creates nothing,
 * and a file that is not a licence CSV is refused whole with the reason.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class LicenceImportBrowserTests {

    static final String HEADER = "code,name,note,client_email,client_company,plan,screens,amount,currency,"
            + "status,billing_status,created,activated,ends";

    static final String UNKNOWN_PLAN =
            "No plan is named “Weekly”. Add the plan first, or use the name of one of your plans.";

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;

    final SignIn signIn = new SignIn();

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        fixture.monthlyPlan(org);
        fixture.yearlyPlan(org);
    }

    /** Three good rows and, on line 4 (the header is line 1), one with a plan the organisation does not have. */
    byte[] book() {
        return (HEADER + "\r\n"
                        + ",Imported lobby wall,Ground floor," + org.alice().email()
                        + ",Alice Co,Monthly,2,20.00,EUR,assigned,,,,\r\n"
                        + ",Imported shop window,,,,Yearly,1,,,,,,,\r\n"
                        + ",Imported kiosk,,,,Weekly,1,,,,,,,\r\n"
                        + ",Imported café board,\"Menu, by the till\",,,monthly,3,,,,,,,\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    long licenceCount() {
        return jdbc.sql("select count(*) from licence where organisation_id = :id")
                .param("id", org.id())
                .query(Long.class)
                .single();
    }

    /** The manager on the licence list, then on the import page through its Import button. */
    void openImport(Page page) {
        signIn.as(page, org.manager().email());
        SignIn.toTheList(page);
        link(page, "Import").click();
        assertThat(page).hasURL(Pattern.compile(".*/licences/imports$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import licences")))
                .isVisible();
    }

    /** Chooses the file and sends it with Check file; the browser then follows the check to its import page. */
    static void check(Page page, String fileName, byte[] content) {
        // Until the page's script has run, the form would post itself instead of sending the file.
        page.waitForLoadState(LoadState.LOAD);
        page.getByLabel("CSV file").setInputFiles(new FilePayload(fileName, "text/csv", content));
        button(page, "Check file").click();
        assertThat(page).hasURL(Pattern.compile(".*/licences/imports/\\d+$"));
    }

    /**
     * The upload's bar showed no figure, only its width. The page leaves for the import's page once the file is
     * sent, so what the bar said is noted as it changes (in the tab's session storage, which outlives the page).
     */
    @Test
    void theUploadBarSaysItsPercentage(Page page) {
        page.addInitScript("document.addEventListener('DOMContentLoaded', () => {"
                + " const bar = document.querySelector('#upload-progress .progress-bar');"
                + " if (bar) { new MutationObserver(() => sessionStorage.setItem('uploadBar', bar.textContent))"
                + ".observe(bar, {childList: true, characterData: true, subtree: true}); } });");
        openImport(page);

        check(page, "book.csv", book());

        Assertions.assertThat(page.evaluate("sessionStorage.getItem('uploadBar')"))
                .isEqualTo("100%");
    }

    /**
     * While an import runs, its page follows it; once the session had ended, that failed silently and the figures
     * just stopped (decision 0088). The page now says so, with a link that goes through the sign-in page.
     */
    @Test
    void aRunningImportsPageSaysWhenTheSessionHasEndedAndHowToSignInAgain(Page page) {
        openImport(page);
        check(page, "running.csv", book());
        assertThat(page.locator("#import-totals")).isVisible();
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        // As an import stands while it runs: its page polls its progress.
        jdbc.sql("""
                        update licence_import set status = 'IMPORTING', rows_inserted = 0,
                               import_started_at = current_timestamp, heartbeat_at = current_timestamp
                         where id = :id""").param("id", id).update();
        try {
            page.reload();
            assertThat(page.locator("#import-running")).isVisible();

            page.context().clearCookies();

            Locator ended = page.getByRole(AriaRole.ALERT)
                    .filter(new Locator.FilterOptions().setHasText("Your session has ended"));
            assertThat(ended).isVisible();
            assertThat(ended).containsText("The import goes on without it.");
            ended.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in again to follow it"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        } finally {
            jdbc.sql("update licence_import set status = 'DISCARDED' where id = :id")
                    .param("id", id)
                    .update();
        }
    }

    /**
     * A running import's page whose import can no longer be seen (here: it became another organisation's) was answered
     * the HTML 404 page; the script failed to read it as JSON and asked again every 3 s, the bar going on as if
     * nothing happened. The page now says the import cannot be found, and links to the imports.
     */
    @Test
    void aRunningImportsPageSaysWhenTheImportCanNoLongerBeFound(Page page) {
        openImport(page);
        check(page, "vanishing.csv", book());
        assertThat(page.locator("#import-totals")).isVisible();
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        jdbc.sql("""
                        update licence_import set status = 'IMPORTING', rows_inserted = 0,
                               import_started_at = current_timestamp, heartbeat_at = current_timestamp
                         where id = :id""").param("id", id).update();
        try {
            page.reload();
            assertThat(page.locator("#import-running")).isVisible();

            jdbc.sql("update licence_import set organisation_id = :other where id = :id")
                    .param("other", organisations.create().id())
                    .param("id", id)
                    .update();

            Locator gone = page.getByRole(AriaRole.ALERT)
                    .filter(new Locator.FilterOptions().setHasText("This import can no longer be found"));
            assertThat(gone).isVisible();
            gone.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See your imports"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/licences/imports$"));
        } finally {
            jdbc.sql("update licence_import set organisation_id = :org, status = 'DISCARDED' where id = :id")
                    .param("org", org.id())
                    .param("id", id)
                    .update();
        }
    }

    /**
     * A file chosen after the session had ended was answered 403 and the page said "The file could not be sent (403).
     * Try again.", which could never work. It now says why and links to the page again, through the sign-in page.
     */
    @Test
    void aFileSentAfterTheSessionEndedSaysWhyAndHowToGoOn(Page page) {
        long before = licenceCount();
        openImport(page);
        page.waitForLoadState(LoadState.LOAD);
        page.context().clearCookies();

        page.getByLabel("CSV file").setInputFiles(new FilePayload("late.csv", "text/csv", book()));
        button(page, "Check file").click();

        Locator refused =
                page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("The file was not sent"));
        assertThat(refused).containsText("The file was not sent: your session has ended, or this page is out of date.");
        refused.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Reload the page and choose the file again"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        Assertions.assertThat(licenceCount()).isEqualTo(before);
    }

    /**
     * A send refused in the page (no file chosen, a session that ended while the page was open) leaves the keyboard on
     * the file field, which the reason describes: Check file, disabled while the file was sent, had dropped the focus
     * on the page's body, and the next Tab started at the top of the page.
     */
    @Test
    void aRefusedSendLeavesTheKeyboardOnTheFileField(Page page) {
        openImport(page);
        page.waitForLoadState(LoadState.LOAD);
        Locator field = page.getByLabel("CSV file");
        button(page, "Check file").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#import-file-error")).hasText("Choose a CSV file.");
        assertThat(field).hasAttribute("aria-invalid", "true");
        assertThat(field).isFocused();

        page.context().clearCookies();
        field.setInputFiles(new FilePayload("late.csv", "text/csv", book()));
        button(page, "Check file").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#import-file-error")).containsText("The file was not sent");
        assertThat(field).isFocused();
    }

    static Locator problemCells(Page page) {
        return page.locator("#import-problems tbody tr td");
    }

    @Test
    void checksAFileReportsTheRefusedRowImportsOnConfirmationAndTheSameFileAgainCreatesNothing(Page page) {
        long before = licenceCount();
        openImport(page);

        check(page, "book.csv", book());

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import of book.csv")))
                .isVisible();
        // The check runs in the background; the page follows it and shows its report when it ends.
        assertThat(page.locator("#import-totals")).isVisible();
        assertThat(page.locator("#import-running")).hasCount(0);
        assertThat(page.locator("#total-rows")).hasText("4");
        assertThat(page.locator("#total-create")).hasText("3");
        assertThat(page.locator("#total-refused")).hasText("1");
        assertThat(page.locator("#total-present")).hasText("0");
        assertThat(page.locator("#total-new-code")).hasText("3");
        assertThat(page.locator("#import-problems tbody tr")).hasCount(1);
        assertThat(problemCells(page)).hasText(new String[] {"4", "plan", UNKNOWN_PLAN});
        assertThat(button(page, "Import 3 licences")).isVisible();
        Screenshots.save(page, "import-check.png");
        Assertions.assertThat(licenceCount()).as("the check saves nothing").isEqualTo(before);

        button(page, "Import 3 licences").click();

        assertThat(page.locator("#import-done-message")).containsText("Imported 3 licences.");
        assertThat(page.locator("#import-confirm")).hasCount(0);
        Assertions.assertThat(licenceCount()).isEqualTo(before + 3);

        link(page, "See them in the list").click();
        assertThat(page).hasURL(Pattern.compile(".*/licences$"));
        page.getByLabel("Search").fill("Imported");
        page.getByLabel("Search").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*q=Imported.*"));
        assertThat(names(page)).hasCount(3);
        assertThat(row(page, "Imported lobby wall")).containsText(org.alice().email());
        assertThat(row(page, "Imported lobby wall")).containsText("Monthly");
        assertThat(row(page, "Imported lobby wall")).containsText("€20.00");
        assertThat(row(page, "Imported lobby wall")).containsText("Assigned");
        assertThat(row(page, "Imported shop window")).containsText("Yearly");
        assertThat(row(page, "Imported shop window")).containsText("Unassigned");
        assertThat(row(page, "Imported café board")).containsText("€30.00");
        assertThat(row(page, "Imported kiosk")).hasCount(0);

        // The same file again: its rows are recognised (no code, so by the file and the line), nothing to import.
        link(page, "Import").click();
        assertThat(page).hasURL(Pattern.compile(".*/licences/imports$"));
        assertThat(page.getByRole(AriaRole.ROW)
                        .filter(new Locator.FilterOptions().setHasText("book.csv"))
                        .filter(new Locator.FilterOptions().setHasText("Imported")))
                .containsText(org.manager().email());
        check(page, "book.csv", book());

        assertThat(page.locator("#import-totals")).isVisible();
        assertThat(page.locator("#total-rows")).hasText("4");
        assertThat(page.locator("#total-present")).hasText("3");
        assertThat(page.locator("#total-create")).hasText("0");
        assertThat(page.locator("#total-refused")).hasText("1");
        assertThat(problemCells(page)).hasText(new String[] {"4", "plan", UNKNOWN_PLAN});
        assertThat(page.locator("#import-nothing")).hasText("There is nothing to import.");
        assertThat(page.locator("#import-confirm")).hasCount(0);
        Assertions.assertThat(licenceCount()).as("nothing new").isEqualTo(before + 3);
        page.navigate("/licences?q=Imported");
        assertThat(names(page)).hasCount(3);
    }

    static List<Arguments> filesThatAreNotLicenceCsvs() {
        return List.of(
                Arguments.of(
                        "empty.csv",
                        new byte[0],
                        "The file is empty. Choose a CSV file with a header row and one licence per row."),
                Arguments.of(
                        "saved-from-excel.csv",
                        new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0, 0},
                        "This is a spreadsheet file (Excel, Numbers or LibreOffice) with a .csv name. Open it in the"
                                + " spreadsheet program and save it as “CSV UTF-8”, then import that file."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesThatAreNotLicenceCsvs")
    void refusesAFileThatIsNotALicenceCsvWithTheReason(String fileName, byte[] content, String reason, Page page) {
        long before = licenceCount();
        openImport(page);

        check(page, fileName, content);

        Locator refused = page.getByRole(AriaRole.ALERT)
                .filter(new Locator.FilterOptions().setHasText("This file cannot be imported."));
        assertThat(refused).containsText(reason);
        assertThat(refused).containsText("Nothing was imported.");
        assertThat(page.locator("#import-totals")).hasCount(0);
        assertThat(page.locator("#import-confirm")).hasCount(0);
        Assertions.assertThat(licenceCount()).isEqualTo(before);

        refused.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Choose another file"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/licences/imports$"));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(fileName)))
                .containsText("File refused");
    }
}
