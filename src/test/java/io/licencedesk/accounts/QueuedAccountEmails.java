package io.licencedesk.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The text of the newest account e-mail to each address, taken as it is queued and kept once its transaction
 * commits (as the outbox keeps it). Read from the outbox instead, a password link raced the mail dispatcher, which
 * runs every second in the tests' contexts and, with no SMTP server, wipes an account e-mail's text (decision 0032):
 * a test that read its link a little later than usual found none ("No link in the e-mail to dana-…").
 */
@Component
class QueuedAccountEmails implements BeanPostProcessor {

    private final Map<String, String> newest = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof AccountMailer mailer)) {
            return bean;
        }
        return (AccountMailer) email -> {
            mailer.queue(email);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    newest.put(email.recipient(), email.textBody());
                }
            });
        };
    }

    Optional<String> newestTo(String recipient) {
        return Optional.ofNullable(newest.get(recipient));
    }
}
