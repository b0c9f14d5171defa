package io.licencedesk.accounts;

/**
 * Where the accounts module hands its e-mails. The mail module implements it with its outbox (the
 * mail module already depends on this one, so the dependency points this way round).
 */
public interface AccountMailer {

    /** Queues the e-mail in the caller's transaction: it goes out if and only if that transaction commits. */
    void queue(AccountEmail email);
}
