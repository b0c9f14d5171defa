package io.licencedesk.web;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiToken;
import io.licencedesk.shared.IpAddresses;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A row of a person's API tokens: never the secret, only the prefix that tells it apart. */
record ListedApiToken(
        long id,
        String name,
        String prefix,
        ApiAccess access,
        Instant createdAt,
        Instant lastUsedAt,
        String lastUsedFrom,
        LocalDate lastDay,
        Status status) {

    enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    static ListedApiToken of(ApiToken token, Instant now) {
        Status status = token.revoked() ? Status.REVOKED : token.expired(now) ? Status.EXPIRED : Status.ACTIVE;
        return new ListedApiToken(
                token.id(),
                token.name(),
                token.prefix(),
                token.access(),
                token.createdAt(),
                token.lastUsedAt(),
                IpAddresses.shown(token.lastUsedFrom()),
                lastDay(token.expiresAt()),
                status);
    }

    /** A token stops at the start of the day after its last day, in the server's time zone (ApiTokens#issue). */
    private static LocalDate lastDay(Instant expiresAt) {
        return expiresAt == null
                ? null
                : LocalDate.ofInstant(expiresAt, ZoneId.systemDefault()).minusDays(1);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
