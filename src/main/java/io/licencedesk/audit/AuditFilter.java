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
 */
public record AuditFilter(
        String actor, AuditSubject subject, String action, LocalDate from, LocalDate to, String object) {

    public static final AuditFilter ANY = new AuditFilter(null, null, null, null, null, null);
}
