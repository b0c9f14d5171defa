package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.Inbox;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What Java writes for the console speaks the right language (decisions 0053 and 0062): toasts and status badges the
 * page's, e-mails their recipient's, sent over SMTP (GreenMail). An invitee who has not chosen yet is written to in
 * the language of the page that invites them.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "licencedesk.mail.poll-interval=PT0.2S"})
class ConsoleLanguageIntegrationTests {

    static final int SMTP_PORT = Inbox.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = Inbox.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    UserLanguages languages;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestLicences testLicences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    InvoiceManagement invoicing;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
    }

    /**
     * Decision 0172: an invitee who chose nothing is written to in the organisation's language, not in that of the
     * page the inviter works in (decision 0062 guessed from it); the toast stays the page's.
     */
    @Test
    void aClientInvitedFromAFrenchPageOfAFrenchOrganisationGetsAFrenchInvitationAndTheToastIsFrench() throws Exception {
        organisationSpeaks(Language.FR);
        String email = "chloe-" + org.id() + "@example.test";
        mvc.perform(post("/clients")
                        .param("name", "Chloé Martin")
                        .param("email", email)
                        .param("invite", "true")
                        .header("Accept-Language", "fr-FR,fr;q=0.9")
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", "Client Chloé Martin ajouté et invité par e-mail."));

        MimeMessage invitation = Inbox.latestTo(smtp, email, 1);
        assertThat(invitation.getSubject()).startsWith("Votre compte LicenceDesk chez ");
        assertThat(Inbox.plainText(invitation))
                .contains("Bonjour Chloé Martin,", "vous a ouvert un compte")
                .doesNotContain("Hello");
        assertThat(jdbc.sql("select language from app_user where email = :email")
                        .param("email", email)
                        .query(String.class)
                        .optional())
                .as("the organisation's language is not recorded as the client's choice")
                .isEmpty();
    }

    /** Decision 0172: every invitation a French reseller's manager sent from an English page was English. */
    @Test
    void aClientInvitedFromAnEnglishPageOfAFrenchOrganisationGetsAFrenchInvitation() throws Exception {
        organisationSpeaks(Language.FR);
        String email = "lea-" + org.id() + "@example.test";
        mvc.perform(post("/clients")
                        .param("name", "Léa Girard")
                        .param("email", email)
                        .param("invite", "true")
                        .header("Accept-Language", "en-GB")
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", "Client Léa Girard added and invited by e-mail."));

        MimeMessage invitation = Inbox.latestTo(smtp, email, 1);
        assertThat(invitation.getSubject()).startsWith("Votre compte LicenceDesk chez ");
        assertThat(Inbox.plainText(invitation))
                .contains("Bonjour Léa Girard,", "vous a ouvert un compte")
                .doesNotContain("Hello");
    }

    /** Decision 0172: the page the inviter works in no longer decides; an English organisation invites in English. */
    @Test
    void aClientInvitedFromAFrenchPageOfAnEnglishOrganisationGetsAnEnglishInvitation() throws Exception {
        String email = "zoe-" + org.id() + "@example.test";
        mvc.perform(post("/clients")
                        .param("name", "Zoé Roux")
                        .param("email", email)
                        .param("invite", "true")
                        .header("Accept-Language", "fr-FR,fr;q=0.9")
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", "Client Zoé Roux ajouté et invité par e-mail."));

        MimeMessage invitation = Inbox.latestTo(smtp, email, 1);
        assertThat(invitation.getSubject()).startsWith("Your LicenceDesk account with ");
        assertThat(Inbox.plainText(invitation)).contains("Hello Zoé Roux,");
    }

    @Test
    void aClientInvitedFromAnEnglishPageGetsAnEnglishInvitation() throws Exception {
        String email = "dan-" + org.id() + "@example.test";
        mvc.perform(post("/clients")
                        .param("name", "Dan Smith")
                        .param("email", email)
                        .param("invite", "true")
                        .header("Accept-Language", "en-GB")
                        .with(fixture.signedIn(org.manager()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", "Client Dan Smith added and invited by e-mail."));

        MimeMessage invitation = Inbox.latestTo(smtp, email, 1);
        assertThat(invitation.getSubject()).startsWith("Your LicenceDesk account with ");
        assertThat(Inbox.plainText(invitation)).contains("Hello Dan Smith,");
    }

    @Test
    void aPasswordLinkFromStaffIsInTheClientsChoiceElseInTheLanguageOfAnEnglishPage() throws Exception {
        languages.choose(org.alice(), Language.FR);

        for (var client : java.util.List.of(org.alice(), org.bob())) {
            mvc.perform(post("/clients/{id}/password-reset", client.userId())
                            .header("Accept-Language", "en-GB")
                            .with(fixture.signedIn(org.manager()))
                            .with(csrf()))
                    .andExpect(flash().attribute("toast", containsString("is on its way to " + client.email())));
        }

        MimeMessage toAlice = Inbox.latestTo(smtp, org.alice().email(), 1);
        assertThat(toAlice.getSubject()).isEqualTo("Choisissez un nouveau mot de passe LicenceDesk");
        assertThat(Inbox.plainText(toAlice)).startsWith("Bonjour ").contains("et expire le ", " UTC");
        MimeMessage toBob = Inbox.latestTo(smtp, org.bob().email(), 1);
        assertThat(toBob.getSubject()).isEqualTo("Choose a new LicenceDesk password");
        assertThat(Inbox.plainText(toBob)).startsWith("Hello ");
    }

    /**
     * Decision 0102 wrote a link staff send in the language of their page when the client chose none; decision 0172
     * writes it in the organisation's: French for a French organisation's client, from an English page too.
     */
    @Test
    void aPasswordLinkFromStaffIsInTheClientsChoiceElseInTheOrganisationsLanguage() throws Exception {
        organisationSpeaks(Language.FR);
        languages.choose(org.alice(), Language.EN);

        for (var client : java.util.List.of(org.alice(), org.bob())) {
            mvc.perform(post("/clients/{id}/password-reset", client.userId())
                            .header("Accept-Language", "en-GB")
                            .with(fixture.signedIn(org.manager()))
                            .with(csrf()))
                    .andExpect(flash().attribute("toast", containsString(client.email())));
        }

        MimeMessage toAlice = Inbox.latestTo(smtp, org.alice().email(), 1);
        assertThat(toAlice.getSubject()).isEqualTo("Choose a new LicenceDesk password");
        assertThat(Inbox.plainText(toAlice)).startsWith("Hello ");
        MimeMessage toBob = Inbox.latestTo(smtp, org.bob().email(), 1);
        assertThat(toBob.getSubject()).isEqualTo("Choisissez un nouveau mot de passe LicenceDesk");
        assertThat(Inbox.plainText(toBob))
                .startsWith("Bonjour ")
                .contains("et expire le ", " UTC")
                .doesNotContain("Hello");
        assertThat(jdbc.sql("select language from app_user where id = :id")
                        .param("id", org.bob().userId())
                        .query(String.class)
                        .optional())
                .as("the organisation's language is not recorded as the client's choice")
                .isEmpty();
    }

    @Test
    void aMemberOfStaffInvitedFromAFrenchPageOfAFrenchOrganisationGetsAFrenchInvitation() throws Exception {
        organisationSpeaks(Language.FR);
        String email = "marc-" + org.id() + "@example.test";
        mvc.perform(post("/people")
                        .param("name", "Marc Dupont")
                        .param("email", email)
                        .param("role", "MANAGER")
                        .header("Accept-Language", "fr")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", containsString("Marc Dupont est invité(e)")));

        MimeMessage invitation = Inbox.latestTo(smtp, email, 1);
        assertThat(invitation.getSubject()).startsWith("Votre compte LicenceDesk chez ");
        assertThat(Inbox.plainText(invitation))
                .contains("Bonjour Marc Dupont,", "en tant que chargé de compte")
                .doesNotContain("account manager");
    }

    @Test
    void consoleToastsFollowThePagesLanguage() throws Exception {
        mvc.perform(post("/plans")
                        .param("name", "Trimestriel")
                        .param("term", "P3M")
                        .param("unitPrice", "25.00")
                        .header("Accept-Language", "fr")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", "Offre Trimestriel ajoutée."));
        // Each save changes a setting: one that changes nothing says so instead (ConsoleFormsBrowserTests).
        mvc.perform(post("/settings/renewals")
                        .param("renewalInvoiceDays", "21")
                        .param("overdueReminderDays", "7")
                        .param("overduePauseDays", "30")
                        .header("Accept-Language", "fr")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", "Paramètres de renouvellement enregistrés."));
        mvc.perform(post("/settings/renewals")
                        .param("renewalInvoiceDays", "14")
                        .param("overdueReminderDays", "7")
                        .param("overduePauseDays", "30")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("toast", "Renewal settings saved."));
    }

    @Test
    void consoleFormErrorsAreInThePagesLanguage() throws Exception {
        mvc.perform(post("/settings/renewals")
                        .param("renewalInvoiceDays", "soon")
                        .param("overdueReminderDays", "7")
                        .param("overduePauseDays", "30")
                        .header("Accept-Language", "fr")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(content().string(containsString("Saisissez un nombre entier de jours.")))
                .andExpect(content().string(not(containsString("Enter a whole number of days."))));
        mvc.perform(post("/plans")
                        .param("name", "")
                        .param("term", "P1M")
                        .param("unitPrice", "-1")
                        .header("Accept-Language", "en-GB")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(content().string(containsString("Enter a name.")))
                .andExpect(content().string(containsString("The price cannot be negative.")));
    }

    /**
     * A text with a control character (pasted from another program) was refused beside its field in English on every
     * French form: "Remove the control characters: they cannot be saved." (decision 0174).
     */
    @Test
    void aControlCharacterIsRefusedInThePagesLanguage() throws Exception {
        mvc.perform(post("/plans")
                        .param("name", "Mensuel\u0007")
                        .param("term", "P1M")
                        .param("unitPrice", "10")
                        .header("Accept-Language", "fr-FR")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(content()
                        .string(containsString(
                                "Retirez les caractères de contrôle\u00a0: ils ne peuvent pas" + " être enregistrés.")))
                .andExpect(content().string(not(containsString("Remove the control characters"))));
        mvc.perform(post("/plans")
                        .param("name", "Monthly\u0007")
                        .param("term", "P1M")
                        .param("unitPrice", "10")
                        .header("Accept-Language", "en-GB")
                        .with(fixture.signedIn(org.owner()))
                        .with(csrf()))
                .andExpect(content().string(containsString("Remove the control characters: they cannot be saved.")));
    }

    @Test
    void statusBadgesAndPlanTermsAreInFrenchOnAFrenchPage() throws Exception {
        licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Accueil", null, 2, org.alice().userId()));
        testLicences.activated(
                org.owner(),
                monthly,
                org.bob().userId(),
                "Vitrine",
                testLicences.today().minusDays(20));

        mvc.perform(get("/licences").header("Accept-Language", "fr").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("status-assigned\">Attribuée</span>")))
                .andExpect(content().string(containsString("status-soon\">Active · bientôt expirée</span>")))
                .andExpect(content().string(containsString("billing-unbilled\">Non facturée</span>")))
                .andExpect(content().string(not(containsString(">Unbilled<"))));
        mvc.perform(get("/licences").header("Accept-Language", "en-GB").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("status-assigned\">Assigned</span>")))
                .andExpect(content().string(containsString("status-soon\">Active · expiring soon</span>")))
                .andExpect(content().string(containsString("billing-unbilled\">Unbilled</span>")));

        mvc.perform(get("/plans").header("Accept-Language", "fr").with(fixture.signedIn(org.owner())))
                .andExpect(content().string(containsString(">1 mois</span>")))
                .andExpect(content().string(not(containsString(">1 month</span>"))));
        mvc.perform(get("/outbox").header("Accept-Language", "fr").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString(">Dans la boîte d’envoi (sans SMTP)</option>")));
        mvc.perform(get("/invoices").header("Accept-Language", "fr").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("value=\"VOID\">Annulée</option>")));
    }

    /**
     * An e-mail's SMTP error is stored as the exception's English text; the Outbox showed it as such on French pages.
     * The kinds an owner can act on are worded in the page's language, the stored text kept on the message's page as
     * the technical detail (decision 0127); anything else is shown as stored.
     */
    @Test
    void theOutboxSaysWhyAnEmailFailedInThePagesLanguage() throws Exception {
        long refused = failedEmail("ConnectException: Connection refused");
        long rejected = failedEmail("AuthenticationFailedException: 535 5.7.8 Authentication credentials invalid");
        failedEmail("MessagingException: something of its own");
        var manager = fixture.signedIn(org.manager());

        String french = mvc.perform(
                        get("/outbox").header("Accept-Language", "fr").with(manager))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french)
                .contains(">Le serveur de messagerie n’a pas pu être joint.<")
                .contains(">Le serveur de messagerie a refusé le nom d’utilisateur ou le mot de passe avec lequel"
                        + " LicenceDesk se connecte.<")
                .contains(">MessagingException: something of its own<")
                .doesNotContain("Connection refused")
                .doesNotContain("Authentication credentials invalid");
        mvc.perform(get("/outbox/{id}", refused).header("Accept-Language", "fr").with(manager))
                .andExpect(content().string(containsString(">Le serveur de messagerie n’a pas pu être joint.<")))
                .andExpect(content().string(containsString(">ConnectException: Connection refused</code>")));
        mvc.perform(get("/outbox/{id}", rejected).with(manager))
                .andExpect(content()
                        .string(containsString(
                                ">The mail server refused the user name or password LicenceDesk signs in with.<")));
    }

    private long failedEmail(String error) {
        jdbc.sql("""
                        insert into outbound_email (organisation_id, recipient, subject, text_body, html_body, status,
                                                    attempts, next_attempt_at, last_error, created_at)
                        values (:organisationId, 'failing@example.test', 'Invoice', 'Text', '<p>Text</p>', 'FAILED', 5,
                                current_timestamp, :error, current_timestamp)
                        """).param("organisationId", org.id()).param("error", error).update();
        return jdbc.sql("select max(id) from outbound_email where organisation_id = :organisationId")
                .param("organisationId", org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void recordedStatusesInTheHistoryAreInThePagesLanguageAndNamesAsWritten() throws Exception {
        long id = testLicences.activated(
                org.owner(),
                monthly,
                org.bob().userId(),
                "Paused",
                testLicences.today().minusDays(3));
        licences.pause(org.manager(), id);

        mvc.perform(get("/licences/{id}", id).header("Accept-Language", "fr").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("<del>Active</del>")))
                .andExpect(content().string(containsString("<ins>Suspendue</ins>")))
                .andExpect(content().string(not(containsString("<ins>Paused</ins>"))))
                .andExpect(content().string(containsString("Paused")));
        mvc.perform(get("/licences/{id}", id).header("Accept-Language", "en-GB").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("<ins>Paused</ins>")));
    }

    /**
     * Decision 0172: a French organisation's client who chose no language got their invoice's e-mail and PDF in
     * English, and so did the PDF they downloaded; a client of it who chose English still gets English.
     */
    @Test
    void aFrenchOrganisationsClientWithoutAChoiceGetsAFrenchInvoiceAndOneWhoChoseEnglishAnEnglishOne()
            throws Exception {
        organisationSpeaks(Language.FR);
        languages.choose(org.bob(), Language.EN);
        var forAlice = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Hall", null, 1, org.alice().userId()));
        var forBob = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), "Lobby", null, 1, org.bob().userId()));

        var issued = invoicing
                .send(org.manager(), java.util.List.of(forAlice.id(), forBob.id()))
                .issued();

        MimeMessage toAlice = Inbox.latestTo(smtp, org.alice().email(), 1);
        assertThat(toAlice.getSubject()).startsWith("Facture ");
        BodyPart alicesPdf = pdfOf(toAlice);
        assertThat(alicesPdf.getFileName()).startsWith("facture-");
        assertThat(pdfText(alicesPdf.getInputStream().readAllBytes()))
                .contains("Sous-total", "Prix unitaire", "Total à payer")
                .doesNotContain("Subtotal");
        MimeMessage toBob = Inbox.latestTo(smtp, org.bob().email(), 1);
        assertThat(toBob.getSubject()).startsWith("Invoice ");
        assertThat(pdfText(pdfOf(toBob).getInputStream().readAllBytes()))
                .contains("Subtotal", "Unit price")
                .doesNotContain("Sous-total");

        long alicesInvoice = issued.stream()
                .filter(invoice -> invoice.clientId() == org.alice().userId())
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(pdfText(invoicing.clientPdf(org.alice(), alicesInvoice)))
                .as("the PDF the client downloads is the one they were sent")
                .contains("Sous-total")
                .doesNotContain("Subtotal");
    }

    void organisationSpeaks(Language language) {
        var now = OrganisationSettings.of(accounts.organisation(org.owner()));
        accounts.updateSettings(
                org.owner(),
                new OrganisationSettings(
                        now.name(),
                        now.legalName(),
                        now.address(),
                        now.currency(),
                        now.vatRate(),
                        now.invoicePrefix(),
                        now.paymentTermsDays(),
                        now.senderName(),
                        now.senderEmail(),
                        now.expiringSoonDays(),
                        language));
    }

    static BodyPart pdfOf(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                return part;
            }
            if (part.getContent() instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).getContentType().startsWith("application/pdf")) {
                        return nested.getBodyPart(j);
                    }
                }
            }
        }
        throw new AssertionError("no PDF attached");
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
