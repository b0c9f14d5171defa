package io.licencedesk.mail;

import io.licencedesk.shared.Reason;
import java.time.Instant;

/** A message in the outbox as people see it. */
public record OutboxEntry(
        long id,
        String subjectType,
        Long subjectId,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        String attachmentName,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    /**
     * Whether its text is withheld because it holds a password link: the page says so in its own language, which the
     * stored English placeholder did on French pages too.
     */
    public boolean textWithheld() {
        return OutboxRepository.HIDDEN.equals(textBody);
    }

    /**
     * What its last error was, for a page to word in its reader's language; null when there was none or it is not one
     * LicenceDesk words, and the stored text is shown.
     */
    public Reason lastErrorReason() {
        return MailErrors.reasonOf(lastError);
    }
}
