/**
 * The HTTP API: today the device API under /api/v1/device, through which screens take a seat, check their
 * licence and fetch the keys that verify the signed answers (docs/device-api.md); later the REST API. A
 * delivery channel over the devices module's façade: it reads the requests, decides each answer's HTTP
 * status and problem type, and keeps the OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "API",
        allowedDependencies = {"devices", "shared"})
package io.licencedesk.api;
