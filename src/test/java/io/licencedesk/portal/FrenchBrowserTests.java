package io.licencedesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.licencedesk.support.PageParts.button;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.mail.Outbox;
import io.licencedesk.mail.OutboxEntry;
import io.licencedesk.shared.Language;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The main flows in French (decision 0053): a client who chose French reads the portal in French whatever their
 * browser says; a manager whose browser asks for French reads the licence list and the add form, with its errors,
 * in French; a French client's invoice e-mail and PDF are in French, an English client's stay English.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class FrenchBrowserTests {

    /** French money and dates use no-break spaces (U+00A0, U+202F); compared here as plain spaces. */
    static final Pattern NO_BREAK_SPACES = Pattern.compile("[\\u00a0\\u202f]");

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    UserLanguages languages;

    @Autowired
    Outbox outbox;

    @Value("${local.server.port}")
    int port;

    TestOrganisation org;
    Plan yearly;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        yearly = fixture.yearlyPlan(org);
        languages.choose(org.alice(), Language.FR);
    }

    LicenceDetails licence(String name, int screens, Caller client) {
        return licences.create(
                org.manager(),
                new NewLicence(yearly.id(), name, null, screens, client == null ? null : client.userId()));
    }

    static String plain(String text) {
        return NO_BREAK_SPACES.matcher(text).replaceAll(" ");
    }

    @Test
    void aClientWhoChoseFrenchReadsThePortalInFrench(Page page) {
        licence("Kiosque", 3, org.alice());

        // The browser asks for English (Playwright's default): the sign-in page is English, the portal French.
        page.navigate("/login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to LicenceDesk")))
                .isVisible();
        page.getByLabel("E-mail").fill(org.alice().email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        button(page, "Sign in").click();

        assertThat(page).hasURL(Pattern.compile(".*/portal$"));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mes licences")))
                .isVisible();
        assertThat(page.getByLabel("Ajouter une licence avec son code")).isVisible();
        Locator row = page.locator("#my-licences tbody tr").filter(new Locator.FilterOptions().setHasText("Kiosque"));
        assertThat(row).containsText("Attribuée");
        assertThat(row).containsText("Pas encore");
        assertThat(row).containsText("à compter de l’activation"); // the term itself ("1 year") is still English
        assertThat(row).containsText("Non");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Profil").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Votre profil")))
                .isVisible();
        assertThat(page.getByLabel("Langue du portail, de vos e-mails et de vos factures"))
                .hasValue("fr");
        assertThat(page.getByText("Sign out")).hasCount(0);
    }

    @Test
    void aClientSwitchesTheirPortalToFrenchOnTheirProfile(Page page) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(org.bob().email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        button(page, "Sign in").click();
        page.navigate("/portal/profile");

        page.getByLabel("Language of the portal, your e-mails and your invoices")
                .selectOption(new SelectOption().setValue("fr"));
        button(page, "Save language").click();

        assertThat(page.locator("#toasts .toast")).containsText("Votre langue est enregistrée.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Votre profil")))
                .isVisible();
        languages.choose(org.bob(), null); // the other tests read Bob in English
    }

    /** A browser set to French, which asks for it in Accept-Language (the given page's browser is set to en-GB). */
    Page frenchBrowser(Page page) {
        BrowserContext french = page.context()
                .browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setLocale("fr-FR")
                        .setTimezoneId("UTC"));
        french.setDefaultTimeout(15_000);
        french.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        return french.newPage();
    }

    @Test
    void aManagerWhoseBrowserAsksForFrenchAddsALicenceInFrench(Page english) {
        Page page = frenchBrowser(english);
        page.navigate("/login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion à LicenceDesk")))
                .isVisible();
        page.getByLabel("E-mail").fill(org.manager().email());
        page.getByLabel("Mot de passe").fill(TestOrganisation.PASSWORD);
        button(page, "Se connecter").click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));

        page.navigate("/licences");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Licences")))
                .isVisible();
        assertThat(page.getByPlaceholder("Code, nom, note, client")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ajouter une licence"))
                .first()
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ajouter une licence")))
                .isVisible();
        page.getByLabel("Offre").selectOption(new SelectOption().setValue(Long.toString(yearly.id())));
        page.getByLabel("Écrans").fill("0");
        button(page, "Enregistrer").click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Veuillez corriger les champs signalés ci-dessous.");
        assertThat(page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)))
                .hasAccessibleDescription("Saisissez un nom.");
        assertThat(page.getByLabel("Écrans")).hasAccessibleDescription("Saisissez un nombre d’écrans de 1 à 10 000.");

        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Écran du hall");
        page.getByLabel("Écrans").fill("2");
        button(page, "Enregistrer").click();

        assertThat(page.locator("#toasts .toast")).containsText(Pattern.compile("Licence \\S+ créée\\."));
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Écran du hall"));
        assertThat(row).containsText("Sans client");
        // The list's status badges are still written by Java in English (decision 0053, "Not yet").
        Assertions.assertThat(plain(row.innerText()))
                .contains("200,00 €")
                .containsPattern("\\d{1,2} [a-zéû]+\\.? 20\\d\\d");

        // The scripts' words come from the page as well: the copy button's toast and the client box's "no match".
        row.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(Pattern.compile("^Copier le code de licence ")))
                .click();
        assertThat(page.locator("#toasts .toast").filter(new Locator.FilterOptions().setHasText("presse-papiers")))
                .hasText(Pattern.compile("Code de licence \\S+ copié dans le presse-papiers"));
        Locator client = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Utilisateur"));
        client.focus();
        page.keyboard().type("zzzz-personne");
        assertThat(page.locator(".ts-dropdown .no-results")).hasText("Aucun client ne correspond");
        page.context().close();
    }

    @Test
    void aFrenchClientsInvoiceEmailAndPdfAreInFrenchAndAnEnglishClientsInEnglish() throws Exception {
        LicenceDetails alices = licence("Écran de la vitrine", 1, org.alice());
        LicenceDetails bobs = licence("Lobby", 1, org.bob());
        List<Invoice> issued =
                invoicing.send(org.manager(), List.of(alices.id(), bobs.id())).issued();
        Invoice french = issued.stream()
                .filter(invoice -> invoice.clientId() == org.alice().userId())
                .findFirst()
                .orElseThrow();
        Invoice english = issued.stream()
                .filter(invoice -> invoice.clientId() == org.bob().userId())
                .findFirst()
                .orElseThrow();
        String dueInFrench =
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).format(french.dueOn());

        OutboxEntry email = outbox.about(org.id(), "INVOICE", french.id()).get(0);
        Assertions.assertThat(email.subject())
                .isEqualTo("Facture " + french.number() + " émise par "
                        + french.seller().name());
        Assertions.assertThat(plain(email.textBody()))
                .contains("Bonjour " + org.alice().name() + ",")
                .contains("Veuillez trouver ci-joint la facture " + french.number())
                .contains("« Écran de la vitrine »")
                .contains("Total à payer : 100,00 €, avant le " + dueInFrench + ".")
                .containsPattern(
                        "Consultez-la, avec la façon de la régler, dans votre portail : http://\\S+/portal/invoices/"
                                + french.id() + "\n")
                .doesNotContain("Please find");
        // The link leads to the invoice's page, where the client sees how to pay it.
        Assertions.assertThat(email.htmlBody())
                .containsPattern("<a href=\"http://\\S+/portal/invoices/" + french.id() + "\">");
        try (var document = Loader.loadPDF(invoicing.clientPdf(org.alice(), french.id()))) {
            String text = plain(new PDFTextStripper().getText(document));
            // The labels are set in capitals by the stylesheet: "FACTURÉ À".
            Assertions.assertThat(text.toLowerCase(Locale.FRANCE))
                    .contains("facturé à", "numéro de facture", "date d’échéance")
                    .doesNotContain("bill to", "due date");
            Assertions.assertThat(text)
                    .contains(dueInFrench, "Sous-total", "TVA 0 %", "Total à payer", "100,00 €")
                    .contains("1 an à compter du jour de la première");
        }
        // The manager downloads the same French PDF the client gets: the client's language, not the reader's.
        Assertions.assertThat(invoicing.pdf(org.manager(), french.id()))
                .isEqualTo(invoicing.clientPdf(org.alice(), french.id()));

        OutboxEntry englishEmail =
                outbox.about(org.id(), "INVOICE", english.id()).get(0);
        Assertions.assertThat(englishEmail.subject()).startsWith("Invoice " + english.number() + " from ");
        Assertions.assertThat(englishEmail.textBody())
                .contains("Total due: €100.00")
                .containsPattern("See it, and how to pay it, in your portal: http://\\S+/portal/invoices/"
                        + english.id() + "\n");
        try (var document = Loader.loadPDF(invoicing.clientPdf(org.bob(), english.id()))) {
            Assertions.assertThat(new PDFTextStripper().getText(document).toLowerCase(Locale.UK))
                    .contains("bill to", "due date", "total due", "€100.00");
        }
    }
}
