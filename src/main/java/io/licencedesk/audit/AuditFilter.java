package io.licencedesk.audit;

import java.time.LocalDate;

/**
 * Which entries of the log: each criterion left null (or blank) takes any. Days are the server's, from the start of
 * {@code from} to the end of {@code to}.
 *
 * @param actor part of who made the change (their e-mail), any case
 * @param subject what kind of subject
 * @param action what was done to it, one of {@link AuditSubject#actions()} (with or without a subject)
 * @param object the subject's id, or part of its name as recorded, any case
 * @param client a client's id: only the entries about them, as their page's history takes them (their account, the
 *     licences that are theirs now and the invoices billed to them; decisions 0146 and 0150)
 */
public record AuditFilter(
        String actor, AuditSubject subject, String action, LocalDate from, LocalDate to, String object, Long client) {

    public static final AuditFilter ANY = new AuditFilter(null, null, null, null, null, null, null);

    public AuditFilter(String actor, AuditSubject subject, String action, LocalDate from, LocalDate to, String object) {
        this(actor, subject, action, from, to, object, null);
    }

    /** Everything about one client and nothing else. */
    public static AuditFilter aboutClient(long clientId) {
        return new AuditFilter(null, null, null, null, null, null, clientId);
    }
}
