/**
 * Invoices: one per licence and term, numbered without gaps per organisation and year, recording
 * what they bill as it was when issued, rendered to the same PDF every time, e-mailed through the
 * outbox, and marked paid or void.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Invoicing",
        allowedDependencies = {"accounts", "licence", "mail", "shared"})
package io.licencedesk.invoicing;
