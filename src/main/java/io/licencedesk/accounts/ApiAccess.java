package io.licencedesk.accounts;

/** What an API token may do: read only, or read and write, always within its person's role. */
public enum ApiAccess {
    READ_ONLY,
    READ_WRITE
}
