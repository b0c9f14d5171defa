package io.licencedesk.api;

import io.licencedesk.support.OnPostgres;

/** The same behaviour on a real PostgreSQL, where two nodes would share the keys. */
@OnPostgres
class IdempotencyKeyPostgresIntegrationTests extends IdempotencyKeyIntegrationTests {}
