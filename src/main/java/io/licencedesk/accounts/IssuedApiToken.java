package io.licencedesk.accounts;

/** A token just made: its secret is here, once, for the person to copy; only its hash is kept. */
public record IssuedApiToken(ApiToken token, String secret) {}
