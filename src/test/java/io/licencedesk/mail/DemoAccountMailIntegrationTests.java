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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * On the embedded demo (no SMTP server), a kept account e-mail stays readable in the Outbox page, so an
 * invitation can be followed without a mail server; it is hidden while it waits to be sent.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"licencedesk.scheduling.enabled=false", "licencedesk.mail.show-kept-account-emails=true"})
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

    @Test
    void showsAKeptInvitationWithItsLink() {
        TestOrganisation org = organisations.create();
        Client carol = accounts.addClient(
                org.manager(), new NewClient("Carol New", "carol-" + org.id() + "@example.test", null, null, null));
        passwords.invite(org.manager(), carol.id());
        OutboxEntry queued = outbox.messages(org.manager(), null, 1, 10).items().get(0);
        assertThat(queued.textBody()).isEqualTo(OutboxRepository.HIDDEN);

        dispatcher.dispatchDue();

        OutboxEntry kept = outbox.message(org.manager(), queued.id());
        assertThat(kept.status()).isEqualTo(DeliveryStatus.KEPT);
        assertThat(kept.textBody()).contains("/password/set?token=");
    }
}
