package io.licencedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

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

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

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

    /**
     * The outbox's page of such an e-mail said only that its text is not shown: a manager who had invited a client on
     * the demo found no way to the link from there (decision 0176). It now says where the link is.
     */
    @Test
    void theOutboxPageOfAKeptInvitationSaysWhereItsLinkIs() throws Exception {
        TestOrganisation org = organisations.create();
        Client dora = accounts.addClient(
                org.manager(), new NewClient("Dora New", "dora-" + org.id() + "@example.test", null, null, null));
        passwords.invite(org.manager(), dora.id());
        dispatcher.dispatchDue();
        long id = outbox.messages(org.manager(), null, 1, 10).items().get(0).id();

        mvc.perform(get("/outbox/{id}", id).with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("its link is written to the server&#39;s log")));
        mvc.perform(get("/outbox/{id}", id).header("Accept-Language", "fr").with(fixture.signedIn(org.manager())))
                .andExpect(content().string(containsString("son lien est écrit dans le journal du serveur")));
    }
}
