package io.licencedesk.accounts;

/** Who an API request acts for: the token's person, as a {@link Caller}, and what the token may do. */
public record ApiCaller(Caller caller, long tokenId, ApiAccess access) {

    public boolean mayWrite() {
        return access == ApiAccess.READ_WRITE;
    }
}
