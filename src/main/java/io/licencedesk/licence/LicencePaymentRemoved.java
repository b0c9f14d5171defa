package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** The payment of the licence's current term's invoice was removed (decision 0086): the term is Invoiced again. */
public record LicencePaymentRemoved(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
