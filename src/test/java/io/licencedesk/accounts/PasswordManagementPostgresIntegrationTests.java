package io.licencedesk.accounts;

import io.licencedesk.support.OnPostgres;

/** The same links, expiry and policy on a real PostgreSQL, where the token lookups and updates run in production. */
@OnPostgres
class PasswordManagementPostgresIntegrationTests extends PasswordManagementIntegrationTests {}
