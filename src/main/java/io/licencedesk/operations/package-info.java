/**
 * What an operator runs LicenceDesk by: the metrics alerted on (served in Prometheus form at
 * {@code /actuator/prometheus}), a request id on every log line of a request, and what a node that cannot start
 * says (StartFailureAnalyzers). It listens to the business modules' events and reads the figures of the e-mail
 * outbox and of the webhook deliveries; nothing depends on it. See docs/operations.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {"invoicing", "licence", "mail", "shared", "webhooks"})
package io.licencedesk.operations;
