package io.licencedesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.disabledPageLink;
import static io.licencedesk.support.PageParts.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.Screenshots;
import io.licencedesk.support.TestFixture;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log as an account manager uses it: a change made a moment before, filters, pages and the download. */
@BrowserTest
class AuditLogBrowserTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    LicenceDetails kiosk;

    @BeforeEach
    void createLicences() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        for (int number = 1; number <= 60; number++) {
            licences.create(
                    org.manager(), new NewLicence(monthly.id(), "Screen %02d".formatted(number), null, 1, null));
        }
        kiosk = licences.create(org.manager(), new NewLicence(monthly.id(), "Kiosk", null, 1, null));
    }

    static Locator entries(Page page) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Audit log"))
                .getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.CELL)));
    }

    /** The objects of the entries shown, top to bottom. */
    static List<String> objects(Page page) {
        return entries(page).getByRole(AriaRole.LINK).allInnerTexts().stream()
                .map(String::strip)
                .toList();
    }

    @Test
    void showsAChangeMadeAMomentBeforeThenFiltersPagesAndDownloadsTheLog(Page page) throws Exception {
        SignIn.throughTheForm(page, org.manager().email());
        page.navigate("/licences/" + kiosk.id());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause"))
                .click();
        assertThat(page.getByText("Licence " + kiosk.couponCode().value() + " paused."))
                .isVisible();

        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Audit log"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log")))
                .isVisible();
        Locator newest = entries(page).first();
        assertThat(newest).containsText("Paused");
        assertThat(newest).containsText("Kiosk (" + kiosk.couponCode().value() + ")");
        assertThat(newest).containsText(org.manager().email());
        // The browser reaches the server at localhost, over IPv4 or IPv6 as the machine resolves it.
        assertThat(newest).containsText(Pattern.compile("127\\.0\\.0\\.1|::1"));
        assertThat(newest.getByRole(AriaRole.DELETION)).hasText("Available");
        assertThat(newest.getByRole(AriaRole.INSERTION)).hasText("Paused");
        assertThat(entries(page).nth(1)).containsText("Signed in");
        Screenshots.save(page, "audit-log.png");

        page.getByLabel("What").selectOption(new SelectOption().setLabel("Created"));
        page.getByLabel("Object").fill("screen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*what=LICENCE\\.CREATED.*object=screen.*"));
        assertThat(entries(page)).hasCount(50);
        List<String> shown = new ArrayList<>(objects(page));
        assertThat(shown.get(0)).startsWith("Screen 60 (");
        link(page, "Older ›").click();
        assertThat(entries(page)).hasCount(10);
        assertThat(link(page, "Older ›")).hasCount(0);
        assertThat(disabledPageLink(page, "Older ›")).isVisible();
        shown.addAll(objects(page));
        assertThat(shown).hasSize(60).doesNotHaveDuplicates().noneMatch(object -> object.startsWith("Kiosk"));
        link(page, "‹ Newer").click();
        assertThat(entries(page).first()).containsText("Screen 60 (");

        Download download = page.waitForDownload(() -> link(page, "Export").click());

        assertThat(download.suggestedFilename()).matches("audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv");
        String file = Files.readString(download.path(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(file.substring(1)))
                .getRecords();
        assertThat(records).extracting(record -> record.get("object")).isEqualTo(shown);
        assertThat(records).extracting(record -> record.get("action")).containsOnly("created");
        assertThat(records)
                .extracting(record -> record.get("who"))
                .containsOnly(org.manager().email());
    }
}
