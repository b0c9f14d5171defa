/**
 * The audit trail: who changed what and when, with the state before and after. Fed by the other
 * modules' change events inside their transactions, so a change and its record commit together.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"accounts", "licence"})
package io.licencedesk.audit;
