package io.licencedesk.accounts;

/**
 * An e-mail about a person's account (an invitation, a password reset). It carries a single-use link,
 * so whoever delivers it must treat it as confidential: not shown to staff, not kept once sent.
 */
public record AccountEmail(
        long organisationId,
        long userId,
        String senderName,
        String senderEmail,
        String recipient,
        String subject,
        String textBody,
        String htmlBody) {}
