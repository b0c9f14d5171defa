package io.licencedesk.webhooks;

import io.licencedesk.licence.EndingTerm;
import io.licencedesk.licence.LicenceManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-driven events, {@code licence.expiring_soon} and {@code licence.expired}: a scan of the organisations that
 * have an enabled endpoint finds the licences whose term ends within the expiring-soon window or ended lately
 * ({@code licencedesk.webhooks.expired-lookback}, 7 days), and queues each event once per licence and term. The
 * notice's row and its deliveries commit together, and the row's primary key lets only one of two nodes scanning at
 * once insert it: the other's insert does nothing, and it queues nothing.
 */
@Component
class TermNotices {

    private static final int BATCH = 500;

    private final EndpointRepository endpoints;
    private final LicenceManagement licences;
    private final WebhookEvents events;
    private final Resources resources;
    private final DeliveryRepository deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Period expiredLookback;

    TermNotices(
            EndpointRepository endpoints,
            LicenceManagement licences,
            WebhookEvents events,
            Resources resources,
            DeliveryRepository deliveries,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${licencedesk.webhooks.expired-lookback:P7D}") Period expiredLookback) {
        this.endpoints = endpoints;
        this.licences = licences;
        this.events = events;
        this.resources = resources;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.expiredLookback = expiredLookback;
    }

    @Scheduled(
            fixedDelayString = "${licencedesk.webhooks.term-scan-interval:PT10M}",
            initialDelayString = "${licencedesk.webhooks.term-scan-delay:PT1M}")
    void scan() {
        for (long organisationId : endpoints.organisationsWithEnabledEndpoints()) {
            scan(organisationId);
        }
    }

    /** One organisation's ending terms, a batch per transaction. */
    void scan(long organisationId) {
        List<WebhookEndpoint> enabled = endpoints.enabled(organisationId);
        Set<EventType> wanted = EnumSet.noneOf(EventType.class);
        for (EventType type : List.of(EventType.LICENCE_EXPIRING_SOON, EventType.LICENCE_EXPIRED)) {
            if (enabled.stream().anyMatch(endpoint -> endpoint.receives(type))) {
                wanted.add(type);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        LocalDate endedSince = LocalDate.now(clock).minus(expiredLookback);
        EndingTerm after = null;
        List<EndingTerm> batch;
        do {
            EndingTerm from = after;
            batch = transactions.execute(status -> {
                List<EndingTerm> terms = licences.endingTerms(SystemCaller.of(organisationId), endedSince, from, BATCH);
                terms.forEach(term -> notice(organisationId, term, wanted));
                return terms;
            });
            after = batch.isEmpty() ? null : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH);
    }

    /** A notice is recorded only when an endpoint wants it, so that one subscribing later still gets it. */
    private void notice(long organisationId, EndingTerm term, Set<EventType> wanted) {
        EventType type = term.expired() ? EventType.LICENCE_EXPIRED : EventType.LICENCE_EXPIRING_SOON;
        if (!wanted.contains(type)) {
            return;
        }
        if (!deliveries.recordTermNotice(organisationId, term.licenceId(), term.endsOn(), type, clock.instant())) {
            return;
        }
        events.queue(
                organisationId,
                List.of(type),
                clock.instant(),
                ignored -> resources.licence(organisationId, term.licenceId()));
    }
}
