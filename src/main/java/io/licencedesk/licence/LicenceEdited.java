package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/** An account manager changed a licence's name, note, quantity, plan or client. */
public record LicenceEdited(
        long organisationId,
        long licenceId,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after)
        implements LicenceEvent {}
