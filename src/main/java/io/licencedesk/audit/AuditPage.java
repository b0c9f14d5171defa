package io.licencedesk.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page of the log, newest first, with the ids its neighbours are asked for by.
 *
 * @param deleted for each kind of subject that can be deleted, the ids on this page whose subject was deleted since
 *     (its page is gone, so the log names it without a link)
 */
public record AuditPage(
        List<AuditEntry> entries,
        boolean hasPrevious,
        boolean hasNext,
        Long previousCursor,
        Long nextCursor,
        Map<AuditSubject, Set<Long>> deleted) {

    /** Whether the entry's subject was deleted after (or by) this change. */
    public boolean subjectDeleted(AuditEntry entry) {
        return entry.subjectId() != null
                && deleted.getOrDefault(entry.subject(), Set.of()).contains(entry.subjectId());
    }
}
