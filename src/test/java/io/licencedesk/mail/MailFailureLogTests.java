package io.licencedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.licencedesk.support.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A failed e-mail's log line names the SMTP server tried, as host:port: it said only "ConnectException: Connection
 * refused", which did not tell an operator whether the node used the server they meant (decision 0158's walk). The
 * account and its password are never written.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailFailureLogTests {

    static final String PASSWORD = "smtp-password-never-logged";
    static final String ACCOUNT = "smtp-account-never-logged";

    final OutboxRepository outbox = mock(OutboxRepository.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    MailDispatcher dispatcher(JavaMailSender sender, int maxAttempts) throws Exception {
        @SuppressWarnings("unchecked")
        ObjectProvider<JavaMailSender> senders = mock(ObjectProvider.class);
        when(senders.getIfAvailable()).thenReturn(sender);
        return new MailDispatcher(
                outbox,
                senders,
                mock(ApplicationEventPublisher.class),
                clock,
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                maxAttempts,
                "no-reply@example.test",
                new KeptAccountEmails(senders, null, "false"));
    }

    static OutboxRepository.Claimed message(long id, int attempt) {
        return new OutboxRepository.Claimed(
                id,
                1,
                null,
                null,
                null,
                null,
                "someone@example.test",
                "Hello",
                "Hello",
                "<p>Hello</p>",
                null,
                null,
                attempt,
                false);
    }

    /** An SMTP server on a port where nothing listens, with an account and a password. */
    static JavaMailSenderImpl closedSmtpServer(int port) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setUsername(ACCOUNT);
        sender.setPassword(PASSWORD);
        var properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.connectiontimeout", "2000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    @Test
    void aFailedAttemptAndAGiveUpNameTheSmtpServerTriedNeverItsAccount(CapturedOutput log) throws Exception {
        int closed = Inbox.freePort();
        when(outbox.due(any(), anyInt())).thenReturn(List.of(7L));
        when(outbox.claim(eq(7L), any(), any())).thenReturn(Optional.of(message(7, 1)));

        dispatcher(closedSmtpServer(closed), 2).dispatchDue();

        verify(outbox).scheduleRetry(eq(7L), any(), any());
        assertThat(log.getOut())
                .contains("E-mail 7 not sent (attempt 1, SMTP server 127.0.0.1:" + closed + "), retrying in PT30S: "
                        + "ConnectException: Connection refused")
                .doesNotContain(PASSWORD, ACCOUNT);

        when(outbox.claim(eq(7L), any(), any())).thenReturn(Optional.of(message(7, 2)));
        dispatcher(closedSmtpServer(closed), 2).dispatchDue();

        verify(outbox).markFailed(eq(7L), any(), any());
        assertThat(log.getOut())
                .contains("Giving up on e-mail 7 after 2 attempts (SMTP server 127.0.0.1:" + closed + "): ")
                .doesNotContain(PASSWORD, ACCOUNT);
    }

    @Test
    void aServerWithoutAPortIsNamedWithItsProtocolsDefault() {
        var smtp = new JavaMailSenderImpl();
        smtp.setHost("smtp.example.test");
        assertThat(MailDispatcher.serverOf(smtp)).isEqualTo("smtp.example.test:25");
        smtp.setProtocol("smtps");
        assertThat(MailDispatcher.serverOf(smtp)).isEqualTo("smtp.example.test:465");
        smtp.setHost("::1");
        smtp.setPort(2525);
        assertThat(MailDispatcher.serverOf(smtp)).isEqualTo("[::1]:2525");
    }
}
