package io.licencedesk.audit;

import java.time.Instant;
import java.util.Map;

/** A change to record: what it is about, who made it and when, and the subject's state before and after. */
record NewEntry(
        long organisationId,
        AuditSubject subject,
        Long subjectId,
        String label,
        String action,
        Long actorId,
        String actorEmail,
        Instant occurredAt,
        Map<String, Object> before,
        Map<String, Object> after) {}
