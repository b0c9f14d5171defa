/**
 * Webhooks: owners register HTTPS endpoints and the events they want; each event (a licence, invoice or screen
 * changing, a licence's term ending) is queued for them in the transaction of the change, as the REST API's
 * resource JSON, then posted with an HMAC-SHA256 signature, retried with back-off and logged per endpoint
 * (docs/webhooks.md, decision 0041); the endpoints' signing secrets are stored encrypted (decision 0167). Endpoints at
 * private addresses are refused unless the owner allows them. An outgoing channel: it writes the API's resources and
 * decides nothing about the business.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Webhooks",
        allowedDependencies = {"accounts", "api", "audit", "devices", "invoicing", "licence", "shared"})
package io.licencedesk.webhooks;
