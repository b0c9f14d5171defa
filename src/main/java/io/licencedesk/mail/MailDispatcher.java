package io.licencedesk.mail;

import io.licencedesk.mail.OutboxRepository.Claimed;
import io.licencedesk.shared.Characters;
import jakarta.mail.MessagingException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due messages, one at a time, each under a lease ({@code licencedesk.mail.lease}, two minutes
 * by default): a node that dies mid-send leaves the message to be sent again when the lease ends (at most one duplicate for the message in flight).
 * Failures are retried with exponential back-off, then marked failed for a person to retry.
 *
 * <p>A node that is shutting down (SIGTERM) finishes the message in hand and claims no other: the rest are left to
 * the other nodes, or to this one's next start (decision 0059).
 *
 * <p>With no SMTP server, a message is kept for staff to read in the Outbox page, but an account e-mail's
 * password link is for its recipient alone: its text is wiped, and on the embedded demo only it is written
 * to the server's log, where the person who started the demo can follow it (decision 0032).
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> senders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lease;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final String defaultSender;
    private final KeptAccountEmails keptAccountEmails;
    private volatile boolean stopping;

    MailDispatcher(
            OutboxRepository outbox,
            ObjectProvider<JavaMailSender> senders,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${licencedesk.mail.lease:PT2M}") Duration lease,
            @Value("${licencedesk.mail.retry-delay:PT30S}") Duration retryDelay,
            @Value("${licencedesk.mail.max-attempts:8}") int maxAttempts,
            @Value("${licencedesk.mail.default-sender:no-reply@licencedesk.invalid}") String defaultSender,
            KeptAccountEmails keptAccountEmails) {
        this.outbox = outbox;
        this.senders = senders;
        this.events = events;
        this.clock = clock;
        this.lease = lease;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
        this.defaultSender = defaultSender;
        this.keptAccountEmails = keptAccountEmails;
    }

    @Scheduled(fixedDelayString = "${licencedesk.mail.poll-interval:PT1S}")
    void dispatchDue() {
        Instant now = clock.instant();
        for (long id : outbox.due(now, BATCH)) {
            if (stopping) {
                return;
            }
            outbox.claim(id, now, now.plus(lease)).ifPresent(this::deliver);
        }
    }

    /** Published as the application begins to close, before the web server drains and the jobs are awaited. */
    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        stopping = true;
    }

    private void deliver(Claimed message) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            if (message.confidential() && keptAccountEmails.logged()) {
                log.warn(
                        "No SMTP server is configured, so this e-mail to {} was not sent and its text is not kept;"
                                + " follow its link from here:\n{}",
                        message.recipient(),
                        message.textBody());
            }
            outbox.markKept(message.id(), clock.instant());
            return;
        }
        try {
            sender.send(mime -> compose(new MimeMessageHelper(mime, true, "UTF-8"), message));
            outbox.markSent(message.id(), clock.instant());
            if (message.subjectType() != null) {
                events.publishEvent(new EmailDelivered(message.subjectType(), message.subjectId()));
            }
        } catch (MailException failure) {
            String error = describe(failure);
            String server = serverOf(sender);
            if (message.attempt() >= maxAttempts) {
                log.warn(
                        "Giving up on e-mail {} after {} attempts (SMTP server {}): {}",
                        message.id(),
                        message.attempt(),
                        server,
                        error);
                outbox.markFailed(message.id(), error, clock.instant());
                events.publishEvent(new EmailFailed(message.id(), message.attempt(), true));
            } else {
                Duration wait = retryDelay.multipliedBy(1L << Math.min(message.attempt() - 1, 10));
                log.info(
                        "E-mail {} not sent (attempt {}, SMTP server {}), retrying in {}: {}",
                        message.id(),
                        message.attempt(),
                        server,
                        wait,
                        error);
                outbox.scheduleRetry(message.id(), error, clock.instant().plus(wait));
                events.publishEvent(new EmailFailed(message.id(), message.attempt(), false));
            }
        }
    }

    private void compose(MimeMessageHelper mail, Claimed message) throws MessagingException {
        try {
            String from = message.senderEmail() == null ? defaultSender : message.senderEmail();
            if (message.senderName() == null) {
                mail.setFrom(from);
            } else {
                mail.setFrom(from, message.senderName());
            }
        } catch (UnsupportedEncodingException impossibleWithUtf8) {
            throw new MessagingException("Cannot encode the sender's name", impossibleWithUtf8);
        }
        mail.setTo(message.recipient());
        mail.setSubject(message.subject());
        mail.setText(message.textBody(), message.htmlBody());
        if (message.attachment() != null) {
            mail.addAttachment(
                    message.attachmentName(), new ByteArrayResource(message.attachment()), "application/pdf");
        }
    }

    /**
     * The SMTP server tried, as host:port, for the log: "Connection refused" alone did not say whether the node used
     * the server its operator meant (decision 0163). Never the account or its password.
     */
    static String serverOf(JavaMailSender sender) {
        if (!(sender instanceof JavaMailSenderImpl smtp) || smtp.getHost() == null) {
            return "(not known)";
        }
        int port = smtp.getPort();
        if (port <= 0) {
            port = "smtps".equalsIgnoreCase(smtp.getProtocol()) ? 465 : 25;
        }
        return (smtp.getHost().contains(":") ? "[" + smtp.getHost() + "]" : smtp.getHost()) + ":" + port;
    }

    private static String describe(MailException failure) {
        String text = failure.getMostSpecificCause().getClass().getSimpleName() + ": "
                + failure.getMostSpecificCause().getMessage();
        return Characters.first(text, 1000);
    }
}
