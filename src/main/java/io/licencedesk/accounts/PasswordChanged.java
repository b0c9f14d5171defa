package io.licencedesk.accounts;

/** A user's password was set or changed: sessions signed in with the old one should end. */
public record PasswordChanged(long userId, String email) {}
