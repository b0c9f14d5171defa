/**
 * Organisations (tenants) and their users: owners, account managers and clients.
 * Answers who is asking ({@link io.licencedesk.accounts.Caller}) and which organisation a
 * record belongs to; keeps passwords only as hashes.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"shared"})
package io.licencedesk.accounts;
