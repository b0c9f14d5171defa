/**
 * The renewal cycle (decision 0048): renewing a licence and invoicing its next term, by hand or by itself before its
 * term ends, the reminders and notices clients receive (expiring soon, expired, overdue invoice), the weekly digest
 * to account managers, and pausing licences whose renewal invoice stays unpaid. Its scheduled job runs on one node
 * at a time, and every step it takes is recorded with a unique key, so it is never taken twice (decision 0049).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Renewals",
        allowedDependencies = {"accounts", "invoicing", "licence", "mail", "shared"})
package io.licencedesk.renewals;
