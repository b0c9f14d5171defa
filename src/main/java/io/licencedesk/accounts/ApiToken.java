package io.licencedesk.accounts;

import java.time.Instant;

/** An API token as its lists show it: never its secret, only the prefix that tells it apart. */
public record ApiToken(
        long id,
        String name,
        String prefix,
        ApiAccess access,
        Instant expiresAt,
        Instant createdAt,
        Instant lastUsedAt,
        String lastUsedFrom,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
