package io.licencedesk.audit;

import java.util.List;

/** A page of the log, newest first, with the ids its neighbours are asked for by. */
public record AuditPage(
        List<AuditEntry> entries, boolean hasPrevious, boolean hasNext, Long previousCursor, Long nextCursor) {}
