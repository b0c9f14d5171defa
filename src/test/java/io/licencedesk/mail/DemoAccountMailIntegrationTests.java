package io.licencedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.PasswordManagement;
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
 * On the embedded demo (no SMTP server), a kept account e-mail's link is written to the server's log, so an
 * invitation can be followed without a mail server; the Outbox page never shows it, and its text is wiped.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {"licencedesk.scheduling.enabled=false", "licencedesk.mail.log-kept-account-emails=true"})
class DemoAccountMailIntegrationTests {

    @Autowired
    PasswordManagement passwords;

    @Autowired
    Outbox outbox;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void logsAKeptInvitationsLinkAndNeverShowsOrKeepsIt(CapturedOutput log) {
        TestOrganisation org = organisations.create();
        Client carol = accounts.addClient(
                org.manager(), new NewClient("Carol New", "carol-" + org.id() + "@example.test", null, null, null));
        passwords.invite(org.manager(), carol.id());
        OutboxEntry queued = outbox.messages(org.manager(), null, 1, 10).items().get(0);
        assertThat(queued.textBody()).isEqualTo(OutboxRepository.HIDDEN);

        dispatcher.dispatchDue();

        OutboxEntry kept = outbox.message(org.manager(), queued.id());
        assertThat(kept.status()).isEqualTo(DeliveryStatus.KEPT);
        assertThat(kept.textBody()).isEqualTo(OutboxRepository.HIDDEN);
        assertThat(jdbc.sql("select text_body || html_body from outbound_email where id = :id")
                        .param("id", queued.id())
                        .query(String.class)
                        .single())
                .doesNotContain("token=");
        assertThat(log.getOut())
                .contains("e-mail to " + carol.email() + " was not sent")
                .containsPattern("/password/set\\?token=[A-Za-z0-9_-]{20,}");
    }
}
