package io.licencedesk.accounts;

/**
 * A user's e-mail address, their sign-in name, changed: sessions signed in under the old one end (they
 * are indexed by it, so a later password reset would not find them).
 */
public record EmailChanged(long userId, String previousEmail) {}
