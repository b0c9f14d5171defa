package io.licencedesk.mail;

/**
 * An attempt to hand an e-mail to the SMTP server failed. The text of the error is in the outbox, not here.
 *
 * @param attempt the attempt that failed, from 1
 * @param givenUp true when this was the last attempt: the message is marked failed for a person to retry
 */
public record EmailFailed(long emailId, int attempt, boolean givenUp) {}
