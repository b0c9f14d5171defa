package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.mail.Outbox;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's and the portal's pages in French show no English word written by Java or by a template outside the
 * messages: no status label, no raw message key, no English term or VAT line, and their dates in French.
 */
@IntegrationTest
class FrenchPagesIntegrationTests {

    /** English statuses that differ in French ("Active" does not), as a page shows them in an element of their own. */
    static final List<String> ENGLISH_STATUSES =
            List.of("Available", "Assigned", "Paused", "Expired", "Unbilled", "Invoiced", "Issued", "Sent", "Void");

    /** What Thymeleaf writes for a message key it cannot find: ??key_fr??. */
    static final Pattern RAW_KEY =
            Pattern.compile("\\?\\?[\\w.]+\\?\\?|\\b(?:audit|status|history|dashboard)\\.[a-z]+\\.[\\w.]+");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    UserLanguages languages;

    @Autowired
    Outbox outbox;

    @Autowired
    PasswordManagement passwords;

    TestOrganisation org;
    Plan monthly;
    Invoice notStarted;
    Invoice started;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
        licences.create(org.manager(), new NewLicence(monthly.id(), "Réserve", null, 1, null));
        long assigned = licences.create(
                        org.manager(),
                        new NewLicence(
                                monthly.id(), "Accueil", null, 2, org.alice().userId()))
                .id();
        long active = testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Vitrine",
                testLicences.today().minusDays(3));
        notStarted = invoicing.send(org.manager(), List.of(assigned)).issued().get(0);
        started = invoicing.send(org.manager(), List.of(active)).issued().get(0);
    }

    @Test
    void theDashboardAndTheListShowEveryStatusInFrench() throws Exception {
        Document dashboard = page("/dashboard", org.manager());
        assertThat(dashboard.select("#status-figures tbody th").eachText())
                .containsExactly("Disponible", "Attribuée", "Active", "Suspendue", "Expirée");

        Document list = page("/licences", org.manager());
        assertThat(list.select("#status option").eachText())
                .containsExactly("Tous", "Disponible", "Attribuée", "Active", "Suspendue", "Expirée");
    }

    @Test
    void noFrenchPageShowsAnEnglishStatusOrARawMessageKey() throws Exception {
        List<String> consolePages = List.of(
                "/dashboard",
                "/licences",
                "/licences/" + started.line().licenceId(),
                "/invoices",
                "/invoices/" + started.id(),
                "/invoices/" + notStarted.id(),
                "/clients",
                "/clients/" + org.alice().userId(),
                "/plans",
                "/outbox",
                "/audit",
                "/people",
                "/settings");
        for (String path : consolePages) {
            assertFrench(path, page(path, org.owner()));
        }
        List<String> portalPages = List.of(
                "/portal",
                "/portal/licences/" + started.line().licenceId(),
                "/portal/invoices",
                "/portal/invoices/" + started.id(),
                "/portal/invoices/" + notStarted.id());
        for (String path : portalPages) {
            assertFrench(path, page(path, org.alice()));
        }
    }

    /**
     * The outbox, the audit log, a licence's history, an invoice's e-mails and a client's page wrote "5 déc. 2026,
     * 17:40" without the zone the server writes them in; every time now names it, in both languages (decision 0091),
     * and a {@code <time>} keeps the instant as its machine value.
     */
    @Test
    void everyTimeAPageShowsNamesItsZoneInBothLanguages() throws Exception {
        String outbox = "/outbox";
        String message =
                page(outbox, org.owner()).select("a[href^=/outbox/]").first().attr("href");
        List<String> paths = List.of(
                outbox,
                message,
                "/audit",
                "/licences/" + started.line().licenceId(),
                "/invoices/" + started.id(),
                "/clients/" + org.alice().userId());
        for (String language : List.of("fr", "en")) {
            int times = 0;
            for (String path : paths) {
                String text = page(path, org.owner(), language).body().text();
                var clock = CLOCK.matcher(text);
                while (clock.find()) {
                    times++;
                    assertThat(clock.group(1))
                            .as(clock.group() + " on " + path + " in " + language)
                            .isNotNull();
                }
            }
            assertThat(times).as("times shown in " + language).isGreaterThanOrEqualTo(paths.size());
        }
        Document audit = page("/audit", org.owner());
        assertThat(audit.select("time").eachAttr("datetime"))
                .isNotEmpty()
                .allSatisfy(datetime ->
                        assertThat(java.time.Instant.parse(datetime)).isNotNull());
    }

    /**
     * French pages wrote "De 1 à 10 000", "Limitez la note à 2 000 caractères" or "RCS Paris 123 456 789" with an
     * ordinary space inside the number, so that a line could break in it. Every number, whether written in the
     * messages or formatted (amounts, counts, figures), now groups its thousands with a narrow no-break space (decision
     * 0093), in the pages' texts and in the attributes people read or hear.
     */
    @Test
    void noFrenchPageBreaksANumberAtAnOrdinarySpace() throws Exception {
        long big = licences.create(org.manager(), new NewLicence(monthly.id(), "Grand hall", null, 1234, null))
                .id();
        List<String> consolePages = List.of(
                "/dashboard",
                "/licences",
                "/licences/new",
                "/licences/" + big,
                "/licences/" + big + "/edit",
                "/licences/" + started.line().licenceId() + "/edit",
                "/invoices",
                "/invoices/" + started.id(),
                "/clients",
                "/clients/new",
                "/clients/" + org.alice().userId(),
                "/plans",
                "/plans/new",
                "/settings",
                "/settings/payment",
                "/licences/imports");
        int grouped = 0;
        for (String path : consolePages) {
            grouped += assertNoNumberBreaks(path, page(path, org.owner()));
        }
        for (String path : List.of("/portal", "/portal/invoices", "/portal/invoices/" + started.id())) {
            grouped += assertNoNumberBreaks(path, page(path, org.alice()));
        }
        assertThat(grouped).as("numbers grouped by thousands on the pages").isGreaterThan(0);
    }

    private int assertNoNumberBreaks(String path, Document page) {
        StringBuilder read = new StringBuilder(page.body().wholeText());
        for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
            page.select("[" + attribute + "]")
                    .forEach(element -> read.append('\n').append(element.attr(attribute)));
        }
        assertThat(read.toString())
                .as("a number broken at an ordinary space on " + path)
                .doesNotContainPattern(NUMBER_WITH_A_BREAKING_SPACE);
        return (int) GROUPED_NUMBER.matcher(read).results().count();
    }

    /** A digit, a space a line may break at, and three digits: a French number grouped by thousands, breakable. */
    static final Pattern NUMBER_WITH_A_BREAKING_SPACE = Pattern.compile("\\d \\d{3}(?!\\d)");

    /** A French number grouped by thousands as it should be. */
    static final Pattern GROUPED_NUMBER = Pattern.compile("\\d\\u202f\\d{3}");

    /** A time of day as pages write it, and the zone that should follow it ("17:40 UTC", "17:40:42 CET"). */
    static final Pattern CLOCK = Pattern.compile("\\b\\d{2}:\\d{2}(?::\\d{2})?\\b( (?:[A-Z]{2,5}|GMT[+-][\\d:]+)\\b)?");

    /** The outbox named an e-mail's recipient with the audit filter's "Au" (until a day) instead of "Destinataire". */
    @Test
    void theOutboxNamesTheRecipientAsOneInFrench() throws Exception {
        Document outbox = page("/outbox", org.owner());
        assertThat(outbox.select("th").eachText()).contains("Destinataire").doesNotContain("Au");
        String message = outbox.select("a[href^=/outbox/]").first().attr("href");
        assertThat(page(message, org.owner()).select("dt").eachText())
                .contains("Destinataire")
                .doesNotContain("Au");
        assertThat(page(message, org.owner(), "en").select("dt").eachText()).contains("To");
    }

    /**
     * A message holding a password link is not shown (decision 0032); its page said so in English on a French page,
     * from the placeholder the outbox stores in its place.
     */
    @Test
    void aPasswordLinksMessageSaysItsTextIsWithheldInThePagesLanguage() throws Exception {
        passwords.requestReset(org.bob().email());
        Document outbox = page("/outbox", org.owner());
        String message = outbox.select("a[href^=/outbox/]").stream()
                .filter(link ->
                        !link.text().contains(started.number()) && !link.text().contains(notStarted.number()))
                .findFirst()
                .orElseThrow()
                .attr("href");

        assertThat(page(message, org.owner()).body().text())
                .contains("Ce message contient un lien de mot de passe à usage unique")
                .contains("son texte n’est ni affiché ni conservé.")
                .doesNotContain("single-use password link");
        assertThat(page(message, org.owner(), "en-GB").body().text())
                .contains("This message holds a single-use password link, so its text is not shown or kept.");
    }

    @Test
    void theLicencePageWritesNoCapitalAfterAColon() throws Exception {
        Document licence = page("/licences/" + started.line().licenceId(), org.owner());

        assertThat(licence.select("#not-deletable").text())
                .isEqualTo(
                        "Conservée, non supprimable. Cette licence ne peut pas être supprimée car un client l’a utilisée."
                                + " Suspendez-la plutôt.");
        assertThat(licence.body().wholeText()).doesNotContainPattern(COLON_THEN_A_SENTENCE);
    }

    /**
     * A colon comes after a no-break space and before a word in lower case ("Sous licence : les écrans"), never a
     * capital that starts a sentence of its own (a reason sentence put after "… : {0}").
     */
    static final Pattern COLON_THEN_A_SENTENCE = Pattern.compile(
            "\\s:\\s+(?:Cette|Ce|Cet|Il|Elle|Ils|Le|La|Les|L’|Un|Une|Vous|Votre|Son|Sa|Ses|Aucun|Aucune)\\b");

    /** A colon after an ordinary space may start a line by itself; French keeps it with its word. */
    static final Pattern COLON_AFTER_A_BREAKING_SPACE = Pattern.compile("\\p{L}[ \\t]+:");

    /**
     * A colon right after its word ("Licences actives: 195", heard by screen readers on the dashboard's figures)
     * lacks French's no-break space. Followed by a space, so that addresses (https://) and times (12:30) are not one.
     */
    static final Pattern COLON_WITHOUT_A_SPACE = Pattern.compile("\\p{L}:(?=\\s)");

    @Test
    void invoicePagesSayTheTermVatAndNumberInFrench() throws Exception {
        for (Invoice invoice : List.of(started, notStarted)) {
            String console =
                    page("/invoices/" + invoice.id(), org.owner()).body().text();
            assertThat(console).contains("TVA 0 %").doesNotContain("VAT");
            String portal =
                    page("/portal/invoices/" + invoice.id(), org.alice()).body().text();
            for (String text : List.of(console, portal)) {
                assertThat(text).doesNotContain("from the day it is first used", " Dec 20", " Jan 20");
            }
        }
        assertThat(page("/invoices/" + started.id(), org.owner()).body().text())
                .containsPattern("Offre et période Monthly · du \\d+ déc\\. 2026 au \\d+ janv\\. 2027 inclus");
        assertThat(page("/invoices/" + notStarted.id(), org.owner()).body().text())
                .contains("Offre et période Monthly · 1 mois à compter du jour de la première utilisation");

        Document portalList = page("/portal/invoices", org.alice());
        assertThat(portalList.select("#my-invoices thead th").first().text()).isEqualTo("Numéro");
        assertThat(portalList.select("#my-invoices tbody td:nth-child(3)").eachText())
                .contains("1 mois à compter du jour de la première utilisation")
                .anyMatch(term -> term.matches("du \\d+ déc\\. 2026 au \\d+ janv\\. 2027 inclus"));
        assertThat(page("/invoices", org.owner()).select("thead th").eachText())
                .contains("Numéro")
                .doesNotContain("Nombre");
    }

    /**
     * The import page's help read "status (seul *suspendue* est conservé)": "seul" and "conservé" did not agree with
     * the status they spoke of, and the file holds the REST API's word, which the help wrote in French (a "suspendue"
     * in the column is refused). It now names the value the file holds, as it names the columns, in both languages.
     */
    @Test
    void theImportHelpNamesTheStatusValueTheFileHoldsInAgreement() throws Exception {
        Document french = page("/licences/imports", org.manager());
        assertThat(french.select("#import-form li").first().text())
                .contains("status (seule la valeur paused est conservée : les autres statuts découlent du client"
                        + " et des dates), activated");
        assertThat(french.select("#import-form li code").eachText()).contains("status", "paused");

        Document english = page("/licences/imports", org.manager(), "en-GB");
        assertThat(english.select("#import-form li").first().text())
                .contains("status (only the value paused is kept: the other statuses follow from the client and the"
                        + " dates), activated");
        assertThat(english.select("#import-form li code").eachText()).contains("status", "paused");
    }

    @Test
    void theSelectionTotalReadsAsASentenceInBothLanguages() throws Exception {
        assertThat(page("/licences", org.manager())
                        .select("#selection-toolbar [aria-live]")
                        .text())
                .startsWith("0 sélectionnée · total — HT");
        assertThat(page("/licences", org.manager(), "en-GB")
                        .select("#selection-toolbar [aria-live]")
                        .text())
                .startsWith("0 selected · total — before VAT");
    }

    /**
     * A French page downloaded every invoice as "invoice-INV-….pdf", and a French client's e-mail attached it so. The
     * file is named in the language of whoever receives it (decision 0118): the page's for a download, the e-mail's
     * for its attachment.
     */
    @Test
    void invoicePdfsAreNamedInTheLanguageOfWhoeverReceivesThem() throws Exception {
        String french = "attachment; filename=\"facture-" + started.number() + ".pdf\"";
        String english = "attachment; filename=\"invoice-" + started.number() + ".pdf\"";
        assertThat(download("/invoices/" + started.id() + "/pdf", org.manager(), "fr"))
                .isEqualTo(french);
        assertThat(download("/invoices/" + started.id() + "/pdf", org.manager(), "en-GB"))
                .isEqualTo(english);
        assertThat(download("/portal/invoices/" + started.id() + "/pdf", org.alice(), "fr"))
                .isEqualTo(french);
        assertThat(download("/portal/invoices/" + started.id() + "/pdf", org.alice(), "en-GB"))
                .isEqualTo(english);

        languages.choose(org.bob(), Language.FR);
        long bobs = licences.create(
                        org.manager(),
                        new NewLicence(monthly.id(), "Hall", null, 1, org.bob().userId()))
                .id();
        Invoice forBob = invoicing.send(org.manager(), List.of(bobs)).issued().get(0);
        assertThat(outbox.about(org.id(), "INVOICE", forBob.id()).get(0).attachmentName())
                .isEqualTo("facture-" + forBob.number() + ".pdf");
        assertThat(outbox.about(org.id(), "INVOICE", started.id()).get(0).attachmentName())
                .as("Alice chose no language: her e-mails are English")
                .isEqualTo("invoice-" + started.number() + ".pdf");
    }

    private String download(String path, io.licencedesk.accounts.Caller who, String language) throws Exception {
        var response = mvc.perform(get(path).header("Accept-Language", language).with(fixture.signedIn(who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getHeader("Content-Disposition");
    }

    private void assertFrench(String path, Document page) {
        List<String> shortTexts = page.body().getAllElements().stream()
                .filter(element -> element.childrenSize() == 0)
                .map(element -> element.text().strip())
                .toList();
        assertThat(shortTexts).as("English statuses on " + path).doesNotContainAnyElementsOf(ENGLISH_STATUSES);
        assertThat(RAW_KEY.matcher(page.html()).results().map(m -> m.group()).toList())
                .as("raw message keys on " + path)
                .isEmpty();
        String text = page.body().wholeText();
        assertThat(text).as("a capital after a colon on " + path).doesNotContainPattern(COLON_THEN_A_SENTENCE);
        assertThat(text)
                .as("a colon after a breaking space on " + path)
                .doesNotContainPattern(COLON_AFTER_A_BREAKING_SPACE);
        assertThat(text).as("a colon without a space on " + path).doesNotContainPattern(COLON_WITHOUT_A_SPACE);
    }

    Document page(String path, io.licencedesk.accounts.Caller who) throws Exception {
        return page(path, who, "fr");
    }

    Document page(String path, io.licencedesk.accounts.Caller who, String language) throws Exception {
        RequestPostProcessor signedIn = fixture.signedIn(who);
        String html = mvc.perform(get(path).header("Accept-Language", language).with(signedIn))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
