package io.licencedesk.audit;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.audit.AuditRecord.FieldChange;
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
import io.licencedesk.licence.LicenceRedeemed;
import io.licencedesk.licence.LicenceRenewed;
import io.licencedesk.licence.LicenceResumed;
import io.licencedesk.licence.PlanCatalogue;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Records changes as they happen and answers a record's history; the trail is never edited. */
@Service
public class AuditTrail {

    static final String LICENCE = "LICENCE";

    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {};

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
            Map.entry(LicenceInvoiceVoided.class, "INVOICE_VOIDED"),
            Map.entry(LicenceEdited.class, "EDITED"),
            Map.entry(LicenceRenewed.class, "RENEWED"));

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AccountManagement accounts;
    private final PlanCatalogue plans;

    AuditTrail(JdbcClient jdbc, JsonMapper json, AccountManagement accounts, PlanCatalogue plans) {
        this.jdbc = jdbc;
        this.json = json;
        this.accounts = accounts;
        this.plans = plans;
    }

    /** Runs in the publisher's transaction: the change and its record commit or roll back together. */
    @EventListener
    void on(LicenceEvent change) {
        jdbc.sql("""
                        insert into audit_event (organisation_id, subject_type, subject_id, action, actor_id,
                                                 actor_email, occurred_at, before_state, after_state)
                        values (:organisationId, :subjectType, :subjectId, :action, :actorId, :actorEmail,
                                :occurredAt, :before, :after)
                        """)
                .param("organisationId", change.organisationId())
                .param("subjectType", LICENCE)
                .param("subjectId", change.licenceId())
                .param("action", action(change))
                .param("actorId", change.actorId())
                .param("actorEmail", change.actorEmail())
                .param("occurredAt", Timestamp.from(change.occurredAt()))
                .param("before", change.before() == null ? null : json.writeValueAsString(change.before()))
                .param("after", change.after() == null ? null : json.writeValueAsString(change.after()))
                .update();
    }

    private static String action(LicenceEvent change) {
        String action = LICENCE_ACTIONS.get(change.getClass());
        if (action == null) {
            throw new IllegalStateException(
                    "No audit action for " + change.getClass().getSimpleName());
        }
        return action;
    }

    /** A licence's history, newest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> licenceHistory(Caller caller, long licenceId) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may read the audit trail");
        }
        Names names = new Names(caller);
        return jdbc.sql("""
                        select action, actor_email, occurred_at, before_state, after_state from audit_event
                        where organisation_id = :organisationId and subject_type = :subjectType
                          and subject_id = :subjectId
                        order by id desc
                        """)
                .param("organisationId", caller.organisationId())
                .param("subjectType", LICENCE)
                .param("subjectId", licenceId)
                .query((rs, row) -> new AuditRecord(
                        rs.getString("action"),
                        rs.getString("actor_email"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        names.added(changes(read(rs.getString("before_state")), read(rs.getString("after_state"))))))
                .list();
    }

    /**
     * The recorded state keeps ids, which stay true when a client or plan is renamed; a person reads names. A
     * changed clientId or planId is followed by a "client" or "plan" change with today's names (an id when the
     * client or plan is gone).
     */
    private final class Names {

        private final Caller caller;
        private Map<Long, String> planNames;

        Names(Caller caller) {
            this.caller = caller;
        }

        List<FieldChange> added(List<FieldChange> changes) {
            List<FieldChange> named = new ArrayList<>();
            for (FieldChange change : changes) {
                named.add(change);
                switch (change.field()) {
                    case "clientId" ->
                        named.add(new FieldChange("client", client(change.before()), client(change.after())));
                    case "planId" -> named.add(new FieldChange("plan", plan(change.before()), plan(change.after())));
                    default -> {}
                }
            }
            return named;
        }

        private String client(String id) {
            return id == null
                    ? null
                    : accounts.findClient(caller.organisationId(), Long.parseLong(id))
                            .map(client -> client.name() + " <" + client.email() + ">")
                            .orElse("#" + id);
        }

        private String plan(String id) {
            if (id == null) {
                return null;
            }
            if (planNames == null) {
                planNames = new HashMap<>();
                plans.plans(caller).forEach(plan -> planNames.put(plan.id(), plan.name()));
            }
            return planNames.getOrDefault(Long.parseLong(id), "#" + id);
        }
    }

    private Map<String, Object> read(String state) {
        return state == null ? Map.of() : json.readValue(state, STATE);
    }

    private static List<FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object old = before.get(field);
            Object now = after.get(field);
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(
                        field, old == null ? null : old.toString(), now == null ? null : now.toString()));
            }
        }
        return changes;
    }
}
