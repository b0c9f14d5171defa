package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.shared.PageOf;
import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What /api/v1/webhook-endpoints asks of the webhooks module, which implements it over its façade (Webhooks): the
 * webhooks module writes this API's resources into its events and so depends on this one, which may not depend on it
 * back (decision 0160). Every rule, refusal and audit entry is the façade's, as on the console's Settings → Webhooks.
 * An endpoint or delivery that is not the caller's is {@link java.util.NoSuchElementException} (404).
 */
public interface WebhookEndpointOperations {

    List<WebhookEndpointResponse> endpoints(Caller caller);

    WebhookEndpointResponse endpoint(Caller caller, long id);

    /**
     * Why the address may not receive the caller's webhooks, or empty: for a 422 that names every field at fault at
     * once, as the console's form does.
     */
    Optional<Reason> addressRefusal(Caller caller, String url);

    /** Which of these event type names no endpoint can receive ("*" is every type), for a refusal naming them. */
    List<String> unknownEventTypes(List<String> names);

    /**
     * Registers an endpoint, enabled; the answer carries its signing secret, this once.
     *
     * @param eventTypes wire names, or only "*" for every type, those added later too
     * @throws FieldRefusedException naming the field at fault
     */
    CreatedWebhookEndpointResponse create(Caller caller, String url, String description, List<String> eventTypes);

    /**
     * Changes the fields given (null ones stay): the description (blank removes it), the event types (wire names,
     * or only "*"), whether it is enabled. All or nothing, once {@code expected} (null: none) has accepted the
     * endpoint as it is under its row lock, so that an If-Match is compared with what the change replaces.
     *
     * @throws FieldRefusedException naming the field at fault
     */
    WebhookEndpointResponse change(
            Caller caller,
            long id,
            String description,
            List<String> eventTypes,
            Boolean enabled,
            Consumer<WebhookEndpointResponse> expected);

    /** Deletes the endpoint once {@code expected} (null: none) has accepted it as it is under its row lock. */
    void delete(Caller caller, long id, Consumer<WebhookEndpointResponse> expected);

    /**
     * A new signing secret, carried by this answer only; the previous one signs beside it for a day if kept. Made once
     * {@code expected} (null: none) has accepted the endpoint as it is under its row lock, as for a change.
     */
    CreatedWebhookEndpointResponse rollSecret(
            Caller caller, long id, boolean keepPrevious, Consumer<WebhookEndpointResponse> expected);

    PageOf<WebhookDeliveryResponse> deliveries(Caller caller, long id, int page, int size);

    /** A refusal of the rules naming the request's field at fault ({@code url}, {@code eventTypes}, ...). */
    class FieldRefusedException extends RefusedException {

        private final String field;

        public FieldRefusedException(String field, Reason reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
