package io.licencedesk.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.Inbox;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The staff's weekly digest, sent over SMTP (GreenMail), follows the member of staff's own choice of language, else
 * their organisation's, like everything else sent to people (decisions 0172 and 0174). It was English for everyone
 * who had chosen no language, a French organisation's managers too.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "licencedesk.mail.poll-interval=PT0.2S"})
class DigestLanguageIntegrationTests {

    static final int SMTP_PORT = Inbox.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = Inbox.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    RenewalCycle cycle;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestLicences testLicences;

    @Autowired
    UserLanguages languages;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFrenchOrganisationsManagerWithoutAChoiceGetsAFrenchDigestAndAnOwnerWhoChoseEnglishAnEnglishOne()
            throws Exception {
        var org = fixture.organisation();
        Plan monthly = fixture.monthlyPlan(org);
        jdbc.sql("update organisation set language = 'fr' where id = ?")
                .param(org.id())
                .update();
        languages.choose(org.owner(), Language.EN);
        LocalDate today = testLicences.today();
        long id = testLicences.activated(
                org.owner(),
                monthly,
                org.alice().userId(),
                "Accueil",
                today.plusDays(10).minus(monthly.term()));
        LocalDate ends =
                licences.details(org.manager(), id).endsOn(); // within 30 days whatever the day (decision 0147)

        cycle.run(org.id());

        MimeMessage toManager = Inbox.latestTo(smtp, org.manager().email(), 1);
        assertThat(toManager.getSubject())
                .startsWith("Votre semaine chez ")
                .endsWith("\u00a0: 1 à échéance, 0 en retard, 0 renouvelée");
        assertThat(Inbox.plainText(toManager).replace("\r\n", "\n"))
                .startsWith("Bonjour ")
                .contains("Accueil (" + org.alice().email() + ") se termine le "
                        + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.FRANCE)
                                .format(ends))
                .contains("Factures en retard\u00a0:\n- aucune")
                .doesNotContain("Hello", "Ending", "none");

        MimeMessage toOwner = Inbox.latestTo(smtp, org.owner().email(), 1);
        assertThat(toOwner.getSubject()).endsWith(": 1 ending, 0 overdue, 0 renewed");
        assertThat(Inbox.plainText(toOwner).replace("\r\n", "\n"))
                .startsWith("Hello ")
                .contains("Overdue invoices:\n- none")
                .doesNotContain("Bonjour");
    }
}
