package io.licencedesk.mail;

/**
 * A message to send, about a subject (such as an invoice) so that its delivery can be shown beside it.
 * The attachment is optional (null name and bytes).
 */
public record OutgoingEmail(
        long organisationId,
        String subjectType,
        long subjectId,
        String senderName,
        String senderEmail,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        String attachmentName,
        byte[] attachment) {}
