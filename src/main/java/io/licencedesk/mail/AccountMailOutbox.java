package io.licencedesk.mail;

import io.licencedesk.accounts.AccountEmail;
import io.licencedesk.accounts.AccountMailer;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the accounts module's e-mails through the outbox, as confidential messages: they carry a
 * single-use password link, which staff must not read in the Outbox page (a manager could otherwise
 * take over the owner's account with a reset link), and which is wiped once the message is sent.
 */
@Component
class AccountMailOutbox implements AccountMailer {

    static final String SUBJECT_TYPE = "ACCOUNT";

    private final OutboxRepository outbox;
    private final Clock clock;

    AccountMailOutbox(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(AccountEmail email) {
        outbox.insert(
                new OutgoingEmail(
                        email.organisationId(),
                        SUBJECT_TYPE,
                        email.userId(),
                        email.senderName(),
                        email.senderEmail(),
                        email.recipient(),
                        email.subject(),
                        email.textBody(),
                        email.htmlBody(),
                        null,
                        null),
                true,
                clock.instant());
    }
}
