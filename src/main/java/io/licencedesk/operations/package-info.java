/**
 * What an operator runs LicenceDesk by: the metrics alerted on (served in Prometheus form at
 * {@code /actuator/prometheus}), and a request id on every log line of a request. It listens to the business
 * modules' events and reads their figures; nothing depends on it. See docs/operations.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {"invoicing", "licence", "mail"})
package io.licencedesk.operations;
