package io.licencedesk.webhooks;

import static io.licencedesk.webhooks.EventType.*;

import io.licencedesk.api.ScreenResponse;
import io.licencedesk.devices.ScreenActivated;
import io.licencedesk.devices.ScreenEvent;
import io.licencedesk.devices.ScreenRegistered;
import io.licencedesk.devices.ScreenRemoved;
import io.licencedesk.devices.ScreenRenamed;
import io.licencedesk.invoicing.InvoiceEvent;
import io.licencedesk.invoicing.InvoiceIssued;
import io.licencedesk.invoicing.InvoicePaid;
import io.licencedesk.invoicing.InvoicePaymentRemoved;
import io.licencedesk.invoicing.InvoiceVoided;
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
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the domain's events into webhook deliveries, synchronously, in the transaction of the change: a delivery
 * commits with its change or not at all, and once committed it survives a restart (decision 0041). The object is
 * read only when an endpoint wants the event, and the organisation's endpoints once per transaction, so that a
 * change costs no more than that one query where nobody listens (sending 20 invoices publishes 20 events).
 */
@Component
class WebhookEvents {

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final Resources resources;
    private final Events events;
    private final Clock clock;

    WebhookEvents(
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            Resources resources,
            Events events,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.resources = resources;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(LicenceEvent change) {
        long organisationId = change.organisationId();
        long licenceId = change.licenceId();
        queue(
                organisationId,
                typesOf(change),
                change.occurredAt(),
                type -> resources.licence(organisationId, licenceId));
    }

    /**
     * An invoice's events are told of that invoice, whichever term it is for: the licence's billing changes only for
     * its current term's invoice, so its events would miss an earlier term's invoice paid or voided after a renewal
     * (decision 0088 found this for a removed payment first), and could not say which of its invoices changed.
     */
    @EventListener
    void on(InvoiceEvent change) {
        EventType type = typeOf(change);
        if (type != null) {
            queue(
                    change.organisationId(),
                    List.of(type),
                    change.occurredAt(),
                    ignored -> resources.invoice(change.organisationId(), change.invoiceId()));
        }
    }

    /** The webhook event of an invoice event; null for one that has none (an invoice sent again). */
    static EventType typeOf(InvoiceEvent change) {
        if (change instanceof InvoiceIssued) {
            return INVOICE_ISSUED;
        }
        if (change instanceof InvoicePaid) {
            return INVOICE_PAID;
        }
        if (change instanceof InvoicePaymentRemoved) {
            return INVOICE_PAYMENT_REMOVED;
        }
        if (change instanceof InvoiceVoided) {
            return INVOICE_VOIDED;
        }
        return null; // InvoiceResent: the same invoice, e-mailed again
    }

    /** Each screen event with the screen as the REST API writes it (a removed one as it was last). */
    @EventListener
    void on(ScreenEvent change) {
        queue(
                change.organisationId(),
                List.of(typeOf(change)),
                change.occurredAt(),
                type -> ScreenResponse.of(change.screen()));
    }

    static EventType typeOf(ScreenEvent change) {
        if (change instanceof ScreenRegistered) {
            return SCREEN_REGISTERED;
        }
        if (change instanceof ScreenRenamed) {
            return SCREEN_RENAMED;
        }
        if (change instanceof ScreenActivated) {
            return SCREEN_ACTIVATED;
        }
        if (change instanceof ScreenRemoved) {
            return SCREEN_REMOVED;
        }
        throw new IllegalArgumentException(
                "No webhook event for " + change.getClass().getSimpleName());
    }

    /**
     * The webhook events of a licence event. A licence created with a client is assigned too; a redeemed one is
     * activated too (its first term starts); an edited one that gets a client, or another, is assigned too.
     */
    static List<EventType> typesOf(LicenceEvent change) {
        if (change instanceof LicenceCreated) {
            return change.after() != null && change.after().get("clientId") != null
                    ? List.of(LICENCE_CREATED, LICENCE_ASSIGNED)
                    : List.of(LICENCE_CREATED);
        }
        if (change instanceof LicenceRedeemed) {
            return List.of(LICENCE_REDEEMED, LICENCE_ACTIVATED);
        }
        if (change instanceof LicenceActivated || change instanceof LicenceActivatedByScreen) {
            return List.of(LICENCE_ACTIVATED);
        }
        if (change instanceof LicencePaused) {
            return List.of(LICENCE_PAUSED);
        }
        if (change instanceof LicenceResumed) {
            return List.of(LICENCE_RESUMED);
        }
        if (change instanceof LicenceRenewed) {
            return List.of(LICENCE_RENEWED);
        }
        if (change instanceof LicenceDeleted) {
            return List.of(LICENCE_DELETED);
        }
        if (change instanceof LicenceInvoiced
                || change instanceof LicencePaid
                || change instanceof LicencePaymentRemoved
                || change instanceof LicenceInvoiceVoided) {
            return List.of(); // sent from the invoice's own event, for every term's invoice
        }
        if (change instanceof LicenceEdited) {
            Object client = change.after().get("clientId");
            return client != null && !client.equals(change.before().get("clientId"))
                    ? List.of(LICENCE_UPDATED, LICENCE_ASSIGNED)
                    : List.of(LICENCE_UPDATED);
        }
        throw new IllegalArgumentException(
                "No webhook event for " + change.getClass().getSimpleName());
    }

    /**
     * Queues each type's event for the enabled endpoints that receive it, in the caller's transaction. The object
     * is built once per type, and only when an endpoint wants it; a null object (nothing to tell) sends nothing.
     */
    void queue(long organisationId, List<EventType> types, Instant createdAt, Function<EventType, Object> object) {
        List<WebhookEndpoint> enabled = enabledEndpoints(organisationId);
        for (EventType type : types) {
            List<WebhookEndpoint> receivers =
                    enabled.stream().filter(endpoint -> endpoint.receives(type)).toList();
            if (receivers.isEmpty()) {
                continue;
            }
            Object resource = object.apply(type);
            if (resource == null) {
                continue;
            }
            Event event = events.of(type, createdAt, resource);
            Instant now = clock.instant();
            receivers.forEach(endpoint -> deliveries.insert(organisationId, endpoint.id(), event, now));
        }
    }

    /** Read once per transaction and organisation. */
    private List<WebhookEndpoint> enabledEndpoints(long organisationId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return endpoints.enabled(organisationId);
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof ReadEndpoints read) {
                return read.byOrganisation.computeIfAbsent(organisationId, endpoints::enabled);
            }
        }
        ReadEndpoints read = new ReadEndpoints();
        TransactionSynchronizationManager.registerSynchronization(read);
        return read.byOrganisation.computeIfAbsent(organisationId, endpoints::enabled);
    }

    /** The endpoints a transaction has read; dropped with the transaction's other synchronizations when it ends. */
    private static final class ReadEndpoints implements TransactionSynchronization {
        final Map<Long, List<WebhookEndpoint>> byOrganisation = new HashMap<>();
    }
}
