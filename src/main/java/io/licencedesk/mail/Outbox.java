package io.licencedesk.mail;

import io.licencedesk.accounts.Caller;
import io.licencedesk.shared.PageOf;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The mail module's façade: queue a message with the change that causes it, and read the outbox. */
@Service
@Transactional
public class Outbox {

    private final OutboxRepository outbox;
    private final KeptAccountEmails keptAccountEmails;
    private final Clock clock;

    Outbox(OutboxRepository outbox, KeptAccountEmails keptAccountEmails, Clock clock) {
        this.outbox = outbox;
        this.keptAccountEmails = keptAccountEmails;
        this.clock = clock;
    }

    /**
     * Whether invitation and reset links are written to the server's log instead of being sent: the
     * embedded demo without an SMTP server. Pages say so where someone waits for such a link.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean accountLinksGoToTheLog() {
        return keptAccountEmails.linksGoToTheLog();
    }

    /**
     * Queues the message in the caller's transaction: it is sent if and only if that transaction
     * commits, and it survives a crash once committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutgoingEmail email) {
        outbox.insert(email, clock.instant());
    }

    /** Whether a message about this subject is still waiting to go out (a second one would be a duplicate). */
    @Transactional(readOnly = true)
    public boolean hasUnsent(String subjectType, long subjectId) {
        return outbox.hasUnsent(subjectType, subjectId);
    }

    @Transactional(readOnly = true)
    public PageOf<OutboxEntry> messages(Caller caller, DeliveryStatus status, int page, int size) {
        requireStaff(caller);
        return PageOf.read(
                page,
                size,
                outbox.count(caller.organisationId(), status),
                (offset, limit) -> outbox.page(caller.organisationId(), status, offset, limit));
    }

    @Transactional(readOnly = true)
    public OutboxEntry message(Caller caller, long id) {
        requireStaff(caller);
        return outbox.find(caller.organisationId(), id)
                .orElseThrow(() -> new NoSuchElementException("No such message"));
    }

    /** The messages about one subject, newest first. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> about(long organisationId, String subjectType, long subjectId) {
        return outbox.forSubject(organisationId, subjectType, subjectId);
    }

    /** The newest message about each subject, by subject id (subjects without a message are absent). */
    @Transactional(readOnly = true)
    public Map<Long, OutboxEntry> latestAbout(long organisationId, String subjectType, Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        return outbox.latestFor(organisationId, subjectType, subjectIds).stream()
                .collect(Collectors.toMap(OutboxEntry::subjectId, entry -> entry));
    }

    /** Puts a failed message back in line; false when there is no such failed message. */
    public boolean retry(Caller caller, long id) {
        // The message first: an id that names none of this organisation's is the 404 of every address (decision
        // 0153), not "this message has not failed".
        message(caller, id);
        return outbox.retryNow(caller.organisationId(), id, clock.instant()) == 1;
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may read the outbox");
        }
    }
}
