/**
 * The audit trail and log: who changed what, when, from which address, with the state before and after. Fed by
 * the business modules' change events inside their transactions, so a change and its record commit together, and by
 * sign-ins; read as a licence's history and as the organisation's log, filtered, paged and exported. Append-only.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"accounts", "devices", "invoicing", "licence"})
package io.licencedesk.audit;
