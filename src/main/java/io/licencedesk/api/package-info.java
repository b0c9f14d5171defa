/**
 * The HTTP API: the device API under /api/v1/device, through which screens take a seat, check their
 * licence and fetch the keys that verify the signed answers (docs/device-api.md); and the REST API under
 * /api/v1 (docs/api.md), whose resources (the public {@code *Response} records) webhooks send too. A delivery
 * channel over the business modules' façades: it reads the requests, decides each answer's HTTP status and
 * problem type, and keeps the OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "API",
        allowedDependencies = {
            "accounts",
            "audit",
            "devices",
            "exports",
            "invoicing",
            "licence",
            "renewals",
            "shared",
            "web"
        })
package io.licencedesk.api;
