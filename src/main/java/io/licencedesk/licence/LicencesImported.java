package io.licencedesk.licence;

import java.time.Instant;

/**
 * A confirmed CSV import created its licences (decision 0047), published in the import's own transaction: who
 * uploaded and confirmed the file, its name, and how many licences it created.
 */
public record LicencesImported(
        long organisationId,
        long importId,
        Long actorId,
        String actorEmail,
        String fileName,
        long created,
        Instant occurredAt) {}
