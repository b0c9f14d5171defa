package io.licencedesk.audit;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.audit.AuditLogQueries.Row;
import io.licencedesk.audit.AuditRecord.FieldChange;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.shared.IpAddresses;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of the caller's organisation, for its staff, owners and account managers alike (decision 0051):
 * every recorded change, newest first, filtered, a page at a time or all of it for the CSV export. Read-only: the
 * application has no way to change or delete an entry, and the database refuses to.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private final AuditLogQueries queries;
    private final States states;
    private final AccountManagement accounts;
    private final PlanCatalogue plans;

    AuditLog(AuditLogQueries queries, States states, AccountManagement accounts, PlanCatalogue plans) {
        this.queries = queries;
        this.states = states;
        this.accounts = accounts;
        this.plans = plans;
    }

    public AuditPage page(Caller caller, AuditFilter filter, AuditPageRequest page) {
        requireStaff(caller);
        List<Row> rows = new ArrayList<>(queries.page(
                caller.organisationId(), filter, page.after(), page.before(), page.last(), page.size() + 1));
        boolean more = rows.size() > page.size();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        boolean backwards = page.before() != null || page.last();
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean hasPrevious = backwards ? more : !page.isFirst();
        boolean hasNext = backwards ? !page.last() : more;
        Names names = new Names(accounts, plans, caller);
        List<AuditEntry> entries = rows.stream().map(row -> entry(row, names)).toList();
        return new AuditPage(
                entries,
                hasPrevious,
                hasNext,
                hasPrevious && !entries.isEmpty() ? entries.get(0).id() : null,
                hasNext && !entries.isEmpty() ? entries.get(entries.size() - 1).id() : null,
                deleted(caller.organisationId(), entries));
    }

    /**
     * The newest entries about a client, for their page: their account, their licences and their invoices, newest
     * first; {@code hasNext} says there are older ones, which the log shows with {@link AuditFilter#aboutClient}. The
     * caller must be staff, and the client theirs (the organisation's id is in every part of the query, so another
     * organisation's client has no entries).
     */
    public AuditPage aboutClient(Caller caller, long clientId, int size) {
        return page(caller, AuditFilter.aboutClient(clientId), AuditPageRequest.first(size));
    }

    /** The licences and webhook endpoints of the page that were deleted, from their own entries (one query each). */
    private Map<AuditSubject, Set<Long>> deleted(long organisationId, List<AuditEntry> entries) {
        Map<AuditSubject, Set<Long>> deleted = new EnumMap<>(AuditSubject.class);
        for (AuditSubject deletable : List.of(AuditSubject.LICENCE, AuditSubject.WEBHOOK_ENDPOINT)) {
            Set<Long> ids = entries.stream()
                    .filter(entry -> entry.subject() == deletable && entry.subjectId() != null)
                    .map(AuditEntry::subjectId)
                    .collect(Collectors.toSet());
            deleted.put(deletable, queries.deleted(organisationId, deletable, ids));
        }
        return deleted;
    }

    /**
     * Every entry the filter takes, newest first, handed to the consumer as it is read, in one read-only transaction
     * (which PostgreSQL's driver needs to stream); the consumer runs inside it.
     */
    public void export(Caller caller, AuditFilter filter, Consumer<AuditEntry> each) {
        requireStaff(caller);
        Names names = new Names(accounts, plans, caller);
        queries.all(caller.organisationId(), filter, row -> each.accept(entry(row, names)));
    }

    private AuditEntry entry(Row row, Names names) {
        Map<String, Object> before = states.read(row.before());
        Map<String, Object> after = states.read(row.after());
        List<FieldChange> changes = States.changes(before, after);
        return new AuditEntry(
                row.id(),
                row.occurredAt(),
                row.actorEmail(),
                IpAddresses.shown(row.address()),
                row.subject(),
                row.subjectId(),
                row.label(),
                row.action(),
                row.subject() == AuditSubject.LICENCE ? names.added(changes) : changes,
                States.beforeAndAfter(before, after));
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may read the audit log");
        }
    }
}
