package io.licencedesk.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    private static final String COLUMNS = """
            id, subject_type, subject_id, recipient, subject, text_body, html_body, attachment_name, status,
            attempts, next_attempt_at, last_error, created_at, sent_at, confidential""";

    /** What people see instead of the text of a confidential message, and what is left of it once sent. */
    static final String HIDDEN = "This message holds a single-use password link, so its text is not shown or kept.";

    private final JdbcClient jdbc;

    /** A confidential message's text is never shown: no one may read another person's password link. */
    private final RowMapper<OutboxEntry> entry = (rs, row) -> {
        boolean hidden = rs.getBoolean("confidential");
        return new OutboxEntry(
                rs.getLong("id"),
                rs.getString("subject_type"),
                rs.getObject("subject_id", Long.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                hidden ? HIDDEN : rs.getString("text_body"),
                hidden ? HIDDEN : rs.getString("html_body"),
                rs.getString("attachment_name"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")));
    };

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OutgoingEmail email, Instant now) {
        insert(email, false, now);
    }

    void insert(OutgoingEmail email, boolean confidential, Instant now) {
        jdbc.sql("""
                        insert into outbound_email (organisation_id, subject_type, subject_id, sender_name,
                                                    sender_email, recipient, subject, text_body, html_body,
                                                    attachment_name, attachment, status, next_attempt_at,
                                                    created_at, confidential)
                        values (:organisationId, :subjectType, :subjectId, :senderName, :senderEmail, :recipient,
                                :subject, :textBody, :htmlBody, :attachmentName, :attachment, 'PENDING', :now, :now,
                                :confidential)
                        """)
                .param("organisationId", email.organisationId())
                .param("subjectType", email.subjectType())
                .param("subjectId", email.subjectId())
                .param("senderName", email.senderName())
                .param("senderEmail", email.senderEmail())
                .param("recipient", email.recipient())
                .param("subject", email.subject())
                .param("textBody", email.textBody())
                .param("htmlBody", email.htmlBody())
                .param("attachmentName", email.attachmentName())
                .param("attachment", email.attachment())
                .param("now", Timestamp.from(now))
                .param("confidential", confidential)
                .update();
    }

    boolean hasUnsent(String subjectType, long subjectId) {
        return jdbc.sql("""
                                select count(*) from outbound_email
                                where subject_type = :subjectType and subject_id = :subjectId
                                  and status in ('PENDING', 'SENDING')
                                """)
                        .param("subjectType", subjectType)
                        .param("subjectId", subjectId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Messages due now: pending ones whose time has come, and leases of senders that died. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from outbound_email
                        where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                        order by next_attempt_at, id
                        limit :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes a due message for this node until the lease ends; false when another node took it first.
     * The compare-and-set on the version makes the claim atomic on any database.
     */
    Optional<Claimed> claim(long id, Instant now, Instant leaseUntil) {
        var row = jdbc.sql("""
                        select id, version, subject_type, subject_id, sender_name, sender_email, recipient, subject, text_body, html_body,
                               attachment_name, attachment, attempts, confidential
                        from outbound_email
                        where id = :id and status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getInt("version"),
                        rs.getString("subject_type"),
                        rs.getObject("subject_id", Long.class),
                        rs.getString("sender_name"),
                        rs.getString("sender_email"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        rs.getString("attachment_name"),
                        rs.getBytes("attachment"),
                        rs.getInt("attempts") + 1,
                        rs.getBoolean("confidential")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int taken = jdbc.sql("""
                        update outbound_email
                        set status = 'SENDING', attempts = attempts + 1, next_attempt_at = :leaseUntil,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", row.get().version())
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .update();
        return taken == 1 ? row : Optional.empty();
    }

    /** Once sent or kept, a confidential message's text (its password link) is wiped in the same update. */
    void markSent(long id, Instant now) {
        finish(id, "SENT", null, now, now);
    }

    /** With no SMTP server a message is kept for people to read, except a confidential one's text. */
    void markKept(long id, Instant now) {
        finish(id, "KEPT", null, now, null);
    }

    void scheduleRetry(long id, String error, Instant nextAttempt) {
        finish(id, "PENDING", error, nextAttempt, null);
    }

    void markFailed(long id, String error, Instant now) {
        finish(id, "FAILED", error, now, null);
    }

    private void finish(long id, String status, String error, Instant nextAttempt, Instant sentAt) {
        jdbc.sql("""
                        update outbound_email
                        set status = :status, last_error = :error, next_attempt_at = :nextAttempt, sent_at = :sentAt,
                            version = version + 1,
                            text_body = case when confidential and :status in ('SENT', 'KEPT') then :hidden
                                             else text_body end,
                            html_body = case when confidential and :status in ('SENT', 'KEPT') then :hidden
                                             else html_body end
                        where id = :id
                        """)
                .param("id", id)
                .param("hidden", HIDDEN)
                .param("status", status)
                .param("error", error)
                .param("nextAttempt", Timestamp.from(nextAttempt))
                .param("sentAt", sentAt == null ? null : Timestamp.from(sentAt))
                .update();
    }

    /** A failed message goes back in line for another try now. */
    int retryNow(long organisationId, long id, Instant now) {
        return jdbc.sql("""
                        update outbound_email
                        set status = 'PENDING', next_attempt_at = :now, version = version + 1
                        where organisation_id = :organisationId and id = :id and status = 'FAILED'
                        """)
                .param("organisationId", organisationId)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<OutboxEntry> page(long organisationId, DeliveryStatus status, int offset, int limit) {
        return jdbc.sql("""
                        select %s from outbound_email
                        where organisation_id = :organisationId %s
                        order by id desc
                        offset :offset rows fetch next :limit rows only
                        """.formatted(COLUMNS, status == null ? "" : "and status = :status"))
                .param("organisationId", organisationId)
                .param("status", status == null ? "" : status.name())
                .param("offset", offset)
                .param("limit", limit)
                .query(entry)
                .list();
    }

    long count(long organisationId, DeliveryStatus status) {
        return jdbc.sql("select count(*) from outbound_email where organisation_id = :organisationId %s"
                        .formatted(status == null ? "" : "and status = :status"))
                .param("organisationId", organisationId)
                .param("status", status == null ? "" : status.name())
                .query(Long.class)
                .single();
    }

    Optional<OutboxEntry> find(long organisationId, long id) {
        return jdbc.sql("select %s from outbound_email where organisation_id = :organisationId and id = :id"
                        .formatted(COLUMNS))
                .param("organisationId", organisationId)
                .param("id", id)
                .query(entry)
                .optional();
    }

    List<OutboxEntry> forSubject(long organisationId, String subjectType, long subjectId) {
        return jdbc.sql("""
                        select %s from outbound_email
                        where organisation_id = :organisationId and subject_type = :subjectType
                          and subject_id = :subjectId
                        order by id desc
                        """.formatted(COLUMNS))
                .param("organisationId", organisationId)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .query(entry)
                .list();
    }

    /** The newest message about each of the subjects. */
    List<OutboxEntry> latestFor(long organisationId, String subjectType, Collection<Long> subjectIds) {
        return jdbc.sql("""
                        select %s from outbound_email e
                        where e.organisation_id = :organisationId and e.subject_type = :subjectType
                          and e.subject_id in (:subjectIds)
                          and e.id = (select max(n.id) from outbound_email n
                                      where n.subject_type = e.subject_type and n.subject_id = e.subject_id)
                        """.formatted(COLUMNS))
                .param("organisationId", organisationId)
                .param("subjectType", subjectType)
                .param("subjectIds", subjectIds)
                .query(entry)
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A message this node is sending. */
    record Claimed(
            long id,
            int version,
            String subjectType,
            Long subjectId,
            String senderName,
            String senderEmail,
            String recipient,
            String subject,
            String textBody,
            String htmlBody,
            String attachmentName,
            byte[] attachment,
            int attempt,
            boolean confidential) {}
}
