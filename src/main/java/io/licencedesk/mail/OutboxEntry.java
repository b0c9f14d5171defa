package io.licencedesk.mail;

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
        Instant sentAt) {}
