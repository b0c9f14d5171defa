package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** A client redeemed an available licence's coupon code: it is theirs and active. */
public record LicenceRedeemed(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
