package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints for owners, as on the console's Settings → Webhooks (decision 0160): list, create (the signing
 * secret is in that answer only), read, change, delete, roll the secret, and read an endpoint's delivery log. The
 * rules are the webhooks module's (WebhookEndpointOperations), the console's.
 */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/webhook-endpoints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Webhook endpoints",
        description = "Owners: where the organisation's events are posted, as on the console's Settings → Webhooks.")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class WebhookEndpointApiController {

    private static final String PATH = "/api/v1/webhook-endpoints/";

    private final WebhookEndpointOperations webhooks;

    WebhookEndpointApiController(WebhookEndpointOperations webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    @Operation(
            operationId = "listWebhookEndpoints",
            summary = "List webhook endpoints (owners)",
            description = "Oldest first, all of them (an organisation has at most 20), as on the console.")
    List<WebhookEndpointResponse> list(Caller caller) {
        return webhooks.endpoints(caller);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Create a webhook endpoint (owners)",
            description = "Enabled at once. The answer carries the endpoint's signing secret, which no other answer"
                    + " carries (the console shows it once too): keep it to check the signatures, or roll a new one."
                    + " Sent again with its Idempotency-Key, the same answer, secret included: it is kept encrypted"
                    + " for the key's day, as the secret itself is (decision 0170)."
                    + " An address at a private or loopback address is refused unless the organisation allows them"
                    + " (Settings → Webhooks on the console); plain http only to those.")
    @ApiResponse(responseCode = "201", description = "Created.")
    ResponseEntity<CreatedWebhookEndpointResponse> create(
            Caller caller,
            @Valid @RequestBody CreateWebhookEndpointRequest request,
            BindingResult refused,
            HttpServletRequest http)
            throws BindException {
        request.check(refused, webhooks);
        // The address is judged with the other fields, so that one answer names every field at fault.
        if (!refused.hasFieldErrors("url")) {
            webhooks.addressRefusal(caller, request.url())
                    .ifPresent(reason -> FieldRefusals.refuse(refused, java.util.Map.of("url", reason)));
        }
        FieldRefusals.answerIfAny(refused);
        CreatedWebhookEndpointResponse created =
                webhooks.create(caller, request.url(), request.description(), request.eventTypes());
        IdempotencyFilter.keepSealed(http);
        return withSecret(
                ResponseEntity.created(ApiLocations.of(PATH + created.endpoint().id())), created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getWebhookEndpoint",
            summary = "Get a webhook endpoint (owners)",
            description = "With its ETag: send it back in If-Match to change the endpoint only if it is still as you"
                    + " read it, or in If-None-Match for a 304 Not Modified while it is. Never its secret.")
    @ConditionalRequests.IfNoneMatch
    ResponseEntity<WebhookEndpointResponse> endpoint(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(webhooks.endpoint(caller, id));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateWebhookEndpoint",
            summary = "Change a webhook endpoint (owners)",
            description = "Only the fields sent change: its description, its event types, whether it is enabled. Its"
                    + " address stays (a new address is a new endpoint, with a new secret). With If-Match, made only"
                    + " if the endpoint still has that ETag (a 412 precondition-failed otherwise, before the body's"
                    + " fields are judged).")
    ResponseEntity<WebhookEndpointResponse> update(
            Caller caller,
            @PathVariable long id,
            @Valid @RequestBody WebhookEndpointChangeRequest request,
            BindingResult refused,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch)
            throws BindException {
        Consumer<WebhookEndpointResponse> expected = ConditionalRequests.ifMatch(ifMatch, "webhook endpoint", e -> e);
        WebhookEndpointResponse current = webhooks.endpoint(caller, id); // not found before the body is judged
        ConditionalRequests.checkNow(expected, current); // a stale ETag before the body's faults; again under the lock
        request.check(refused, webhooks);
        FieldRefusals.answerIfAny(refused);
        return ConditionalRequests.tagged(
                webhooks.change(caller, id, request.description(), request.eventTypes(), request.enabled(), expected));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "deleteWebhookEndpoint",
            summary = "Delete a webhook endpoint (owners)",
            description = "With its delivery log; what was still waiting for it is not sent. With If-Match, deleted"
                    + " only if the endpoint still has that ETag (a 412 precondition-failed otherwise).")
    void delete(
            Caller caller,
            @PathVariable long id,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        webhooks.delete(caller, id, ConditionalRequests.ifMatch(ifMatch, "webhook endpoint", e -> e));
    }

    @PostMapping(path = "/{id}/roll-secret", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "rollWebhookEndpointSecret",
            summary = "Roll a webhook endpoint's signing secret (owners)",
            description = "A new signing secret, carried by this answer only. The one it replaces keeps signing"
                    + " beside it for 24 hours (each request then carries two v1 signatures), so that your receiver"
                    + " refuses nothing while it changes; send `keepPrevious: false` to stop it now, as for a secret"
                    + " that leaked (decision 0157). With If-Match, rolled only if the endpoint still has that ETag"
                    + " (a 412 precondition-failed otherwise, and nothing changes): every roll changes the ETag"
                    + " (`secretCreatedAt`), so of two rolls sent with the same tag only the first is made, and the"
                    + " second does not replace the secret the first one answered (decision 0170).")
    ResponseEntity<CreatedWebhookEndpointResponse> rollSecret(
            Caller caller,
            @PathVariable long id,
            @Valid @RequestBody(required = false) RollSecretRequest request,
            HttpServletRequest http,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch) {
        Consumer<WebhookEndpointResponse> expected = ConditionalRequests.ifMatch(ifMatch, "webhook endpoint", e -> e);
        if (expected != null) {
            // A stale tag is told before the body's faults (decision 0130); the check that counts is under the lock.
            ConditionalRequests.checkNow(expected, webhooks.endpoint(caller, id));
        }
        // No body takes the defaults; the JSON null, which Spring reads as no body too, is a body that is not the
        // object this takes, refused as elsewhere (decision 0148) rather than rolling the secret.
        if (request == null
                && (http.getContentLengthLong() > 0
                        || "chunked".equalsIgnoreCase(http.getHeader("Transfer-Encoding")))) {
            throw new BodilessOperations.BodyNotTakenException(
                    List.of(), "The body is not an object: send {\"keepPrevious\": false}, {}, or no body.");
        }
        boolean keep = request == null || request.keepPrevious() == null || request.keepPrevious();
        CreatedWebhookEndpointResponse rolled = webhooks.rollSecret(caller, id, keep, expected);
        IdempotencyFilter.keepSealed(http);
        return withSecret(ResponseEntity.ok(), rolled);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List a webhook endpoint's deliveries (owners)",
            description = "Newest first, as the endpoint's delivery log on the console.")
    NumberedPage<WebhookDeliveryResponse> deliveries(
            Caller caller,
            @PathVariable long id,
            @Parameter(description = "Page number, from 1.") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "25") int limit) {
        ApiParameters.checkPage(page);
        ApiParameters.checkLimit(limit);
        return NumberedPage.of(webhooks.deliveries(caller, id, page, limit), delivery -> delivery);
    }

    /** The answer with the secret, tagged as the endpoint is (its GET's ETag, which the secret is no part of). */
    private static ResponseEntity<CreatedWebhookEndpointResponse> withSecret(
            ResponseEntity.BodyBuilder answer, CreatedWebhookEndpointResponse created) {
        return answer.eTag(EntityTags.of(created.endpoint())).body(created);
    }
}
