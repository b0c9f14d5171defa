package io.licencedesk.audit;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.LicenceActivated;
import io.licencedesk.licence.LicenceActivatedByScreen;
import io.licencedesk.licence.LicenceCreated;
import io.licencedesk.licence.LicenceDeleted;
import io.licencedesk.licence.LicenceEdited;
import io.licencedesk.licence.LicenceEvent;
import io.licencedesk.licence.LicenceInvoiceVoided;
import io.licencedesk.licence.LicenceInvoiced;
import io.licencedesk.licence.LicencePaid;
import io.licencedesk.licence.LicencePaused;
import io.licencedesk.licence.LicencePaymentRemoved;
import io.licencedesk.licence.LicenceRedeemed;
import io.licencedesk.licence.LicenceRenewed;
import io.licencedesk.licence.LicenceResumed;
import io.licencedesk.licence.PlanCatalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes as they happen and answers a licence's history; the trail is never edited. The licence module's
 * events are recorded here, the other modules' by their own listeners in this package, and a channel's (webhook
 * endpoints) through {@link #record}.
 */
@Service
public class AuditTrail {

    /**
     * The action each licence event is recorded as. Kept rows bear these names, so they never change; a
     * test checks that every kind of licence event has one.
     */
    static final Map<Class<? extends LicenceEvent>, String> LICENCE_ACTIONS = Map.ofEntries(
            Map.entry(LicenceCreated.class, "CREATED"),
            Map.entry(LicencePaused.class, "PAUSED"),
            Map.entry(LicenceResumed.class, "RESUMED"),
            Map.entry(LicenceDeleted.class, "DELETED"),
            Map.entry(LicenceRedeemed.class, "REDEEMED"),
            Map.entry(LicenceActivated.class, "ACTIVATED"),
            Map.entry(LicenceActivatedByScreen.class, "ACTIVATED_BY_SCREEN"),
            Map.entry(LicenceInvoiced.class, "INVOICED"),
            Map.entry(LicencePaid.class, "PAID"),
            Map.entry(LicencePaymentRemoved.class, "PAYMENT_REMOVED"),
            Map.entry(LicenceInvoiceVoided.class, "INVOICE_VOIDED"),
            Map.entry(LicenceEdited.class, "EDITED"),
            Map.entry(LicenceRenewed.class, "RENEWED"));

    private final JdbcClient jdbc;
    private final AuditEntries entries;
    private final States states;
    private final AccountManagement accounts;
    private final PlanCatalogue plans;

    AuditTrail(JdbcClient jdbc, AuditEntries entries, States states, AccountManagement accounts, PlanCatalogue plans) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.states = states;
        this.accounts = accounts;
        this.plans = plans;
    }

    /** Runs in the publisher's transaction: the change and its record commit or roll back together. */
    @EventListener
    void on(LicenceEvent change) {
        entries.add(new NewEntry(
                change.organisationId(),
                AuditSubject.LICENCE,
                change.licenceId(),
                label(change.after() == null ? change.before() : change.after()),
                action(change),
                change.actorId(),
                change.actorEmail(),
                change.occurredAt(),
                change.before(),
                change.after()));
    }

    private static String action(LicenceEvent change) {
        String action = LICENCE_ACTIONS.get(change.getClass());
        if (action == null) {
            throw new IllegalStateException(
                    "No audit action for " + change.getClass().getSimpleName());
        }
        return action;
    }

    /** "Lobby (AB12CD34)": the licence's name and code as they were. */
    private static String label(Map<String, Object> state) {
        return state.get("name") + " (" + state.get("couponCode") + ")";
    }

    /**
     * Records a change of a module the audit module cannot listen to, since it depends on no channel: the webhook
     * endpoints of the webhooks module. Runs in the caller's transaction, like the events' records. A change of the
     * organisation without a label is labelled with the organisation's name.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Caller actor, ReportedChange change) {
        entries.add(
                actor,
                change.subject(),
                change.subjectId(),
                change.label() == null && change.subject() == AuditSubject.ORGANISATION
                        ? accounts.organisation(actor).name()
                        : change.label(),
                change.action(),
                change.before(),
                change.after(),
                change.occurredAt());
    }

    /**
     * A page of a licence's history, newest first: the first, or the one after (older than) or before (newer than) an
     * entry's id from a previous page. Keyset paging on the id, as the audit log's.
     */
    @Transactional(readOnly = true)
    public LicenceHistoryPage licenceHistory(Caller caller, long licenceId, AuditPageRequest page) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may read the audit trail");
        }
        boolean backwards = page.before() != null;
        String cursor = page.after() != null ? "and id < :cursor\n" : backwards ? "and id > :cursor\n" : "";
        var query = jdbc.sql("""
                        select id, action,
                               case when actor_id = :systemActorId then null else actor_email end as actor_email,
                               occurred_at, before_state, after_state
                        from audit_event
                        where organisation_id = :organisationId and subject_type = :subjectType
                          and subject_id = :subjectId
                        """ + cursor + "order by id " + (backwards ? "asc" : "desc") + "\nlimit :limit")
                .param("organisationId", caller.organisationId())
                .param("subjectType", AuditSubject.LICENCE.name())
                .param("subjectId", licenceId)
                .param("systemActorId", AuditEntries.SYSTEM_ACTOR_ID)
                .param("limit", page.size() + 1);
        if (!cursor.isEmpty()) {
            query = query.param("cursor", backwards ? page.before() : page.after());
        }
        Names names = new Names(accounts, plans, caller);
        List<LicenceHistoryPage.Entry> entries = new ArrayList<>(query.query((rs, row) -> {
                    Map<String, Object> before = states.read(rs.getString("before_state"));
                    Map<String, Object> after = states.read(rs.getString("after_state"));
                    return new LicenceHistoryPage.Entry(
                            rs.getLong("id"),
                            rs.getString("action"),
                            rs.getString("actor_email"),
                            rs.getTimestamp("occurred_at").toInstant(),
                            names.added(States.changes(before, after)),
                            before,
                            after);
                })
                .list());
        boolean more = entries.size() > page.size();
        if (more) {
            entries.remove(entries.size() - 1);
        }
        if (backwards) {
            Collections.reverse(entries);
        }
        boolean hasPrevious = backwards ? more : page.after() != null;
        boolean hasNext = backwards || more;
        return new LicenceHistoryPage(
                entries,
                hasPrevious,
                hasNext,
                hasPrevious && !entries.isEmpty() ? entries.get(0).id() : null,
                hasNext && !entries.isEmpty() ? entries.get(entries.size() - 1).id() : null);
    }

    /** A licence's history, newest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> licenceHistory(Caller caller, long licenceId) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may read the audit trail");
        }
        Names names = new Names(accounts, plans, caller);
        return jdbc.sql("""
                        select action,
                               case when actor_id = :systemActorId then null else actor_email end as actor_email,
                               occurred_at, before_state, after_state
                        from audit_event
                        where organisation_id = :organisationId and subject_type = :subjectType
                          and subject_id = :subjectId
                        order by id desc
                        """)
                .param("organisationId", caller.organisationId())
                .param("subjectType", AuditSubject.LICENCE.name())
                .param("subjectId", licenceId)
                .param("systemActorId", AuditEntries.SYSTEM_ACTOR_ID)
                .query((rs, row) -> new AuditRecord(
                        rs.getString("action"),
                        rs.getString("actor_email"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        names.added(States.changes(
                                states.read(rs.getString("before_state")), states.read(rs.getString("after_state"))))))
                .list();
    }
}
