package io.licencedesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.mail.DeliveryStatus;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Invoices go out over real SMTP (GreenMail) with their PDF attached, and survive the server being down. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025",
            "licencedesk.mail.poll-interval=PT0.2S",
            "licencedesk.mail.retry-delay=PT0.5S"
        })
class InvoiceEmailIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    TestFixture fixture;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
    }

    List<Long> licencesFor(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var client = i % 2 == 0 ? org.alice() : org.bob();
            ids.add(licences.create(
                            org.manager(), new NewLicence(monthly.id(), "Screen " + i, null, i + 1, client.userId()))
                    .id());
        }
        return ids;
    }

    @Test
    void emailsTwentyInvoicesWithTheirPdfToTheirClients() throws Exception {
        SendOutcome outcome = invoicing.send(org.manager(), licencesFor(20));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 20);
        Map<String, Invoice> byNumber = new HashMap<>();
        outcome.issued().forEach(invoice -> byNumber.put(invoice.number(), invoice));
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String number = message.getSubject().replaceAll("Invoice (\\S+) from .*", "$1");
            Invoice invoice = byNumber.remove(number);
            assertThat(invoice).as("one e-mail per invoice: " + number).isNotNull();
            assertThat(message.getAllRecipients()[0].toString())
                    .isEqualTo(invoice.buyer().email());
            BodyPart pdf = attachment((Multipart) message.getContent());
            assertThat(pdf.getFileName()).isEqualTo("invoice-" + number + ".pdf");
            try (var document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
                assertThat(new PDFTextStripper().getText(document))
                        .contains(number, invoice.totals().total().formatted());
            }
        }
        assertThat(byNumber).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(invoicing
                                .invoices(org.manager(), InvoiceStatus.SENT, null, 1, 50)
                                .total())
                        .isEqualTo(20));
    }

    @Test
    void issuesInvoicesWhileSmtpIsDownAndDeliversThemWhenItReturns() throws Exception {
        smtp.stop();
        SendOutcome outcome = invoicing.send(org.manager(), licencesFor(3));
        assertThat(outcome.issued()).hasSize(3);
        long invoiceId = outcome.issued().get(0).id();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        invoicing.deliveries(org.manager(), invoiceId).get(0).lastError() != null);
        assertThat(invoicing.deliveries(org.manager(), invoiceId).get(0).status())
                .isIn(DeliveryStatus.PENDING, DeliveryStatus.SENDING);

        smtp.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        invoicing.deliveries(org.manager(), invoiceId).get(0).status() == DeliveryStatus.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    private static BodyPart attachment(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if ("application/pdf".equals(part.getContentType().split(";")[0].trim())) {
                return part;
            }
            if (part.getContent() instanceof Multipart nested) {
                BodyPart found = attachment(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
