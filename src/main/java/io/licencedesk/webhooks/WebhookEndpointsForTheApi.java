package io.licencedesk.webhooks;

import io.licencedesk.accounts.Caller;
import io.licencedesk.api.CreatedWebhookEndpointResponse;
import io.licencedesk.api.WebhookDeliveryResponse;
import io.licencedesk.api.WebhookEndpointOperations;
import io.licencedesk.api.WebhookEndpointResponse;
import io.licencedesk.shared.PageOf;
import io.licencedesk.shared.Reason;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The REST API's webhook endpoints over the façade (decision 0160): it only translates, names to event types and
 * endpoints to the API's resources, and the façade's refusals to the API's; every rule and audit entry is
 * {@link Webhooks}'s, the console's.
 */
@Component
class WebhookEndpointsForTheApi implements WebhookEndpointOperations {

    private final Webhooks webhooks;

    WebhookEndpointsForTheApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public List<WebhookEndpointResponse> endpoints(Caller caller) {
        return webhooks.endpoints(caller).stream()
                .map(WebhookEndpointsForTheApi::response)
                .toList();
    }

    @Override
    public WebhookEndpointResponse endpoint(Caller caller, long id) {
        return translated(() -> response(webhooks.endpoint(caller, id)));
    }

    @Override
    public Optional<Reason> addressRefusal(Caller caller, String url) {
        return webhooks.addressRefusal(caller, url);
    }

    @Override
    public List<String> unknownEventTypes(List<String> names) {
        return names.stream()
                .filter(name -> !EndpointRepository.ALL_TYPES.equals(name)
                        && (name == null || EventType.ofWireName(name).isEmpty()))
                .map(String::valueOf)
                .distinct()
                .toList();
    }

    @Override
    public CreatedWebhookEndpointResponse create(
            Caller caller, String url, String description, List<String> eventTypes) {
        List<String> names = eventTypes == null ? List.of() : eventTypes;
        NewEndpoint endpoint = new NewEndpoint(url, description, allTypes(names), types(names));
        return translated(() -> created(webhooks.register(caller, endpoint)));
    }

    @Override
    @Transactional
    public WebhookEndpointResponse change(
            Caller caller,
            long id,
            String description,
            List<String> eventTypes,
            Boolean enabled,
            Consumer<WebhookEndpointResponse> expected) {
        var change = new EndpointChange(
                description,
                eventTypes == null ? null : allTypes(eventTypes),
                eventTypes == null ? null : types(eventTypes));
        return translated(() -> {
            // The lock the change takes is held to the end of this transaction, over the enabling below too.
            WebhookEndpoint changed = webhooks.change(caller, id, locked -> {
                check(expected, locked);
                return change;
            });
            if (enabled != null) {
                changed = enabled ? webhooks.enable(caller, id) : webhooks.disable(caller, id);
            }
            return response(changed);
        });
    }

    @Override
    public void delete(Caller caller, long id, Consumer<WebhookEndpointResponse> expected) {
        translated(() -> {
            webhooks.delete(caller, id, locked -> check(expected, locked));
            return null;
        });
    }

    private static void check(Consumer<WebhookEndpointResponse> expected, WebhookEndpoint locked) {
        if (expected != null) {
            expected.accept(response(locked));
        }
    }

    @Override
    public CreatedWebhookEndpointResponse rollSecret(
            Caller caller, long id, boolean keepPrevious, Consumer<WebhookEndpointResponse> expected) {
        return translated(
                () -> created(webhooks.rollSecret(caller, id, keepPrevious, locked -> check(expected, locked))));
    }

    @Override
    public PageOf<WebhookDeliveryResponse> deliveries(Caller caller, long id, int page, int size) {
        return translated(() -> {
            PageOf<WebhookDelivery> deliveries = webhooks.deliveries(caller, id, page, size);
            return new PageOf<>(
                    deliveries.items().stream()
                            .map(WebhookEndpointsForTheApi::response)
                            .toList(),
                    deliveries.page(),
                    deliveries.size(),
                    deliveries.total());
        });
    }

    /** The façade's refusals as the API's: not found (404) and a refused field (422 naming it). */
    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (EndpointNotFoundException notFound) {
            throw new NoSuchElementException(notFound.getMessage());
        } catch (EndpointRefusedException refused) {
            throw new FieldRefusedException(refused.field(), refused.reason());
        }
    }

    private static boolean allTypes(List<String> names) {
        return names.contains(EndpointRepository.ALL_TYPES);
    }

    private static Set<EventType> types(List<String> names) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        names.stream()
                .filter(Objects::nonNull)
                .map(EventType::ofWireName)
                .flatMap(Optional::stream)
                .forEach(types::add);
        return types;
    }

    private static CreatedWebhookEndpointResponse created(CreatedEndpoint created) {
        return new CreatedWebhookEndpointResponse(response(created.endpoint()), created.signingSecret());
    }

    static WebhookEndpointResponse response(WebhookEndpoint endpoint) {
        List<String> types = endpoint.allTypes()
                ? List.of(EndpointRepository.ALL_TYPES)
                : endpoint.eventTypes().stream()
                        .sorted()
                        .map(EventType::wireName)
                        .toList();
        return new WebhookEndpointResponse(
                endpoint.id(),
                endpoint.url(),
                endpoint.description(),
                types,
                endpoint.enabled(),
                endpoint.createdAt(),
                endpoint.previousSecretUntil(),
                endpoint.secretCreatedAt());
    }

    private static WebhookDeliveryResponse response(WebhookDelivery delivery) {
        return new WebhookDeliveryResponse(
                delivery.id(),
                delivery.eventId(),
                delivery.eventType(),
                delivery.status().name().toLowerCase(Locale.ROOT),
                delivery.attempts(),
                delivery.lastResponseCode(),
                delivery.lastDurationMs(),
                delivery.lastError(),
                delivery.lastResponse(),
                delivery.createdAt(),
                delivery.lastAttemptAt(),
                delivery.nextAttemptAt(),
                delivery.deliveredAt());
    }
}
