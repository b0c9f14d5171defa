package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.console.LicenceList.choose;
import static io.licencedesk.console.LicenceList.names;
import static io.licencedesk.support.PageParts.disabledPageLink;
import static io.licencedesk.support.PageParts.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/** Exporting the licence list as a person does: filter, search, sort, page through, then Export. */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class LicenceExportBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;

    final SignIn signIn = new SignIn();

    @BeforeAll
    void createLicences() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        Long alice = org.alice().userId();
        for (int number = 1; number <= 30; number++) {
            licences.create(
                    org.manager(),
                    new NewLicence(
                            monthly.id(), "Screen %02d".formatted(number), null, 1, number % 2 == 0 ? alice : null));
        }
        licences.create(org.manager(), new NewLicence(monthly.id(), "Screen café, \"Nord\"", "=1+2", 2, alice));
        licences.create(org.manager(), new NewLicence(monthly.id(), "Kiosk", null, 1, alice));
    }

    String aliceLabel() {
        return org.alice().name() + " (Alice Co) <" + org.alice().email() + ">";
    }

    /** The coupon codes of the rows on the page, top to bottom. */
    static List<String> codes(Page page) {
        return page
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Copy coupon code ")))
                .allInnerTexts()
                .stream()
                .map(String::strip)
                .toList();
    }

    @Test
    void exportsExactlyTheRowsOfTheFilteredListOnEveryPage(Page page) throws Exception {
        signIn.as(page, org.manager().email());
        SignIn.toTheList(page);
        choose(page, "User", "alice", aliceLabel());
        assertThat(page).hasURL(Pattern.compile(".*client=" + org.alice().userId() + ".*"));
        page.getByLabel("Search").fill("screen");
        page.getByLabel("Search").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*q=screen.*"));
        link(page, "Name").click();
        assertThat(page).hasURL(Pattern.compile(".*sort=name.*"));
        page.getByLabel("Per page").selectOption(new SelectOption().setLabel("10"));
        assertThat(page).hasURL(Pattern.compile(".*size=10.*"));
        assertThat(names(page).first()).hasText("Screen 02");

        List<String> listed = new ArrayList<>(codes(page));
        link(page, "Next ›").click();
        assertThat(link(page, "Next ›")).hasCount(0);
        assertThat(disabledPageLink(page, "Next ›")).isVisible();
        listed.addAll(codes(page));
        assertThat(listed).hasSize(16);

        Download download = page.waitForDownload(() -> link(page, "Export").click());

        assertThat(download.suggestedFilename()).matches("licences-\\d{4}-\\d{2}-\\d{2}\\.csv");
        String file = Files.readString(download.path(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(file.substring(1)))
                .getRecords();
        assertThat(records).extracting(record -> record.get("code")).isEqualTo(listed);
        assertThat(records)
                .extracting(record -> record.get("client_email"))
                .containsOnly(org.alice().email());
        assertThat(records)
                .filteredOn(record -> record.get("name").equals("Screen café, \"Nord\""))
                .extracting(record -> record.get("note"))
                .containsExactly("'=1+2");
    }
}
