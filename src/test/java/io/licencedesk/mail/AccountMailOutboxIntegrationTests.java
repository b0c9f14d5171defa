package io.licencedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Account e-mails carry a password link: staff never read it in the Outbox page, and it is wiped from
 * the database once the message leaves (here: kept, as no SMTP server is configured).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "licencedesk.scheduling.enabled=false")
class AccountMailOutboxIntegrationTests {

    @Autowired
    PasswordManagement passwords;

    @Autowired
    Outbox outbox;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    SentLinks links;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hidesTheLinkFromStaffAndWipesItOnceTheMessageLeaves(CapturedOutput log) {
        TestOrganisation org = organisations.create();
        passwords.requestReset(org.owner().email());
        assertThat(links.latestTo(org.owner().email()))
                .as("queued with its link")
                .isPresent();

        OutboxEntry seenByManager =
                outbox.messages(org.manager(), null, 1, 10).items().get(0);

        assertThat(seenByManager.recipient()).isEqualTo(org.owner().email());
        assertThat(seenByManager.textBody()).isEqualTo(OutboxRepository.HIDDEN).doesNotContain("token=");
        assertThat(seenByManager.htmlBody()).isEqualTo(OutboxRepository.HIDDEN);
        assertThat(outbox.message(org.owner(), seenByManager.id()).textBody()).isEqualTo(OutboxRepository.HIDDEN);

        dispatcher.dispatchDue();

        assertThat(outbox.message(org.manager(), seenByManager.id()).status()).isEqualTo(DeliveryStatus.KEPT);
        assertThat(jdbc.sql("select text_body || html_body from outbound_email where id = :id")
                        .param("id", seenByManager.id())
                        .query(String.class)
                        .single())
                .doesNotContain("token=");
        assertThat(log.getOut()).as("off outside the demo").doesNotContain("token=");
        assertThat(links.latestTo(org.owner().email()))
                .as("the tests' own record of the link outlives the wipe (QueuedAccountEmails)")
                .isPresent();
    }
}
