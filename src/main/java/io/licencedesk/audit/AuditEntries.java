package io.licencedesk.audit;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.CallerAddress;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the log's rows, in the transaction of the change they record (decision 0005), with the address of the
 * request that made it, or none for the system's own work (decision 0051). Rows are only ever added: the database
 * refuses to change or delete them.
 */
@Component
class AuditEntries {

    /**
     * The actor id of the organisation acting by itself (the renewal cycle's caller): no person, recorded without an id
     * or e-mail, as the pages, the API and the CSV file say the system is (decision 0051). Rows written before decision
     * 0122 keep it, with the system's name as their e-mail: the queries read those without an actor
     * (":systemActorId", decision 0168).
     */
    static final long SYSTEM_ACTOR_ID = Caller.ORGANISATION_ITSELF;

    /** The longest label kept: the subject's name as it was, enough to recognise it. */
    static final int LABEL_MAX = 300;

    private final JdbcClient jdbc;
    private final States states;

    AuditEntries(JdbcClient jdbc, States states) {
        this.jdbc = jdbc;
        this.states = states;
    }

    /** Records a person's change of a subject, given as it was before and after (records or maps of fields). */
    void add(
            Caller actor,
            AuditSubject subject,
            Long subjectId,
            String label,
            String action,
            Object before,
            Object after,
            Instant occurredAt) {
        add(new NewEntry(
                actor.organisationId(),
                subject,
                subjectId,
                label,
                action,
                actor.userId(),
                actor.email(),
                occurredAt,
                States.of(before),
                States.of(after)));
    }

    void add(NewEntry entry) {
        if (entry.action() == null || !entry.subject().actions().contains(entry.action())) {
            throw new IllegalStateException("No audit action " + entry.action() + " on " + entry.subject());
        }
        jdbc.sql("""
                        insert into audit_event (organisation_id, subject_type, subject_id, subject_label, action,
                                                 actor_id, actor_email, address, occurred_at, before_state,
                                                 after_state)
                        values (:organisationId, :subjectType, :subjectId, :label, :action, :actorId, :actorEmail,
                                :address, :occurredAt, :before, :after)
                        """)
                .param("organisationId", entry.organisationId())
                .param("subjectType", entry.subject().name())
                .param("subjectId", entry.subjectId())
                .param("label", shortened(entry.label()))
                .param("action", entry.action())
                .param("actorId", bySystem(entry) ? null : entry.actorId())
                .param("actorEmail", bySystem(entry) ? null : entry.actorEmail())
                .param("address", CallerAddress.current())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("before", states.write(entry.before()))
                .param("after", states.write(entry.after()))
                .update();
    }

    private static boolean bySystem(NewEntry entry) {
        return entry.actorId() != null && entry.actorId() == SYSTEM_ACTOR_ID;
    }

    private static String shortened(String label) {
        if (label == null || label.length() <= LABEL_MAX) {
            return label;
        }
        int end = Character.isHighSurrogate(label.charAt(LABEL_MAX - 1)) ? LABEL_MAX - 1 : LABEL_MAX;
        return label.substring(0, end);
    }
}
