package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the console explains where it matters instead of offering what it would refuse (issue 13's review): a licence
 * that can never be deleted offers no Delete and says why, voiding a paid invoice asks first.
 */
@IntegrationTest
class ConsoleExplainsInPlaceIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestLicences testLicences;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).with(fixture.signedIn(org.manager())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static final String DELETE_BUTTON = "\\sdata-delete[\\s>]";

    @Test
    void aLicenceThatCanNeverBeDeletedOffersNoDeleteAndSaysWhy() throws Exception {
        long used = testLicences.activated(org.owner(), monthly, org.alice().userId(), "Used", testLicences.today());
        long unused = licences.create(org.manager(), new NewLicence(monthly.id(), "Spare", null, 1, null))
                .id();

        String usedPage = page("/licences/" + used);
        String unusedPage = page("/licences/" + unused);

        // The Delete button is the element with a bare data-delete attribute (the layout's texts carry data-delete-*).
        assertThat(usedPage)
                .doesNotContainPattern(DELETE_BUTTON)
                .contains("Kept, not deletable: This licence cannot be deleted because a client has used it.");
        assertThat(unusedPage).containsPattern(DELETE_BUTTON).doesNotContain("Kept, not deletable");
    }

    /**
     * An unassigned licence's page said "The client has registered no screens yet" when it has no client. It says that
     * screens come once a client redeems its coupon code; an assigned licence's page still speaks of its client.
     */
    @Test
    void anUnassignedLicenceSaysItsScreensComeWithAClientNotThatItsClientRegisteredNone() throws Exception {
        long unassigned = licences.create(org.manager(), new NewLicence(monthly.id(), "Spare", null, 1, null))
                .id();
        long assigned = licences.create(
                        org.manager(),
                        new NewLicence(
                                monthly.id(), "Lobby", null, 1, org.alice().userId()))
                .id();

        assertThat(page("/licences/" + unassigned))
                .contains("No client yet: screens are registered once a client redeems the coupon code.")
                .doesNotContain("The client has registered no screens yet.");
        assertThat(page("/licences/" + assigned))
                .contains("The client has registered no screens yet.")
                .doesNotContain("No client yet");
    }

    /**
     * A paused licence that renews by itself said "Yes: its next term is invoiced ahead of …" above "A paused licence
     * does not renew": it renews once resumed, in the console and in its client's portal; a running one keeps its date.
     */
    @Test
    void aPausedLicenceThatRenewsSaysItRenewsOnceResumed() throws Exception {
        long paused =
                testLicences.activated(org.owner(), monthly, org.alice().userId(), "Paused", testLicences.today());
        long running =
                testLicences.activated(org.owner(), monthly, org.alice().userId(), "Running", testLicences.today());
        for (long id : new long[] {paused, running}) {
            licences.chooseAutoRenew(org.manager(), id, true);
        }
        licences.pause(org.manager(), paused);

        assertThat(page("/licences/" + paused))
                .contains("Yes, once resumed: a paused licence does not renew")
                .doesNotContain("its next term is invoiced ahead of");
        assertThat(page("/licences/" + running)).contains("Yes: its next term is invoiced ahead of");
        String portal = mvc.perform(get("/portal/licences/" + paused).with(fixture.signedIn(org.alice())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(portal)
                .contains("Yes, once your account manager resumes it: a paused licence does not renew")
                .doesNotContain("the next term is invoiced to you before this one ends");
    }

    /**
     * A licence that renews by itself but ended without renewing (paused across its end date, say) said "Yes: its next
     * term is invoiced ahead of" a day gone by, and its client's portal "Yes, by itself" under "This licence has ended",
     * and Renews "Yes" in their list. Only a running licence renews by itself: the console says since when it no longer
     * does, the portal says No, in English and in French.
     */
    @Test
    void anEndedLicenceThatWouldRenewSaysItNoLongerDoes() throws Exception {
        LocalDate activatedOn = testLicences.today().minus(monthly.term()).minusDays(3);
        long ended = testLicences.activated(org.owner(), monthly, org.alice().userId(), "Ended", activatedOn);
        licences.chooseAutoRenew(org.manager(), ended, true);
        String endedOn = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).format(activatedOn.plus(monthly.term()));

        assertThat(page("/licences/" + ended))
                .contains("No longer: its term ended on " + endedOn + ", and only a running licence renews by itself")
                .doesNotContain("its next term is invoiced ahead of");
        assertThat(portalPage("/portal/licences/" + ended, "en"))
                .contains("No: ask your account manager to renew it")
                .doesNotContain("Yes, by itself");
        assertThat(portalPage("/portal", "en")).containsPattern("Ended.*?>No</td>");
        assertThat(mvc.perform(get("/licences/" + ended)
                                .with(fixture.signedIn(org.manager()))
                                .header("Accept-Language", "fr"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Plus maintenant\u00a0: sa période s’est terminée le");
        assertThat(portalPage("/portal", "fr")).containsPattern("Ended.*?>Non</td>");
    }

    private String portalPage(String path, String language) throws Exception {
        return mvc.perform(get(path).with(fixture.signedIn(org.alice())).header("Accept-Language", language))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("\n", " ");
    }

    /** A paid invoice cannot be voided (decision 0082): its page offers no Void form, and says why. */
    @Test
    void aPaidInvoiceOffersNoVoidAndSaysWhy() throws Exception {
        long first = testLicences.activated(org.owner(), monthly, org.alice().userId(), "One", testLicences.today());
        long second = testLicences.activated(org.owner(), monthly, org.alice().userId(), "Two", testLicences.today());
        List<Invoice> issued =
                invoicing.send(org.manager(), List.of(first, second)).issued();
        invoicing.markPaid(org.manager(), issued.get(0).id(), testLicences.today(), null);

        assertThat(page("/invoices/" + issued.get(0).id()))
                .doesNotContain("/invoices/" + issued.get(0).id() + "/void")
                .contains("A paid invoice cannot be voided: the payment is recorded on it.");
        assertThat(page("/invoices/" + issued.get(1).id()))
                .contains("/invoices/" + issued.get(1).id() + "/void")
                .doesNotContain("A paid invoice cannot be voided");
    }
}
